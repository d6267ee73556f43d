package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.schedule.ScaledSchedule;
import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The learning-rate setting of one {@link IUpdater}: a fixed value and an optional schedule (which wins when
 * present). Reads and writes the updater in place, which DL4J picks up from the next iteration without
 * rebuilding the updater and with its state kept (docs/dl4j-behaviour.md in the repository).
 */
public final class LearningRateConfig {

    private final double learningRate;
    private final ISchedule schedule;

    public LearningRateConfig(double learningRate, ISchedule schedule) {
        this.learningRate = learningRate;
        this.schedule = schedule;
    }

    /**
     * Reads an updater's fixed LR and schedule. Works for every ND4J updater with a learning rate (Sgd, Adam,
     * Nesterovs, RmsProp, AdaGrad, Nadam, AMSGrad, AdaMax, AdaBelief) through their {@code getLearningRate()}
     * and {@code getLearningRateSchedule()} getters.
     *
     * @throws IllegalArgumentException for updaters without a learning rate (AdaDelta, NoOp)
     */
    public static LearningRateConfig read(IUpdater updater) {
        requireLearningRate(updater);
        try {
            Method lr = updater.getClass().getMethod("getLearningRate");
            Method schedule = updater.getClass().getMethod("getLearningRateSchedule");
            return new LearningRateConfig((Double) lr.invoke(updater), (ISchedule) schedule.invoke(updater));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("Expected an updater with getLearningRate() and getLearningRateSchedule(), but got "
                    + updater.getClass().getName(), e);
        }
    }

    /** Fails with a message that explains why when the updater has no learning rate. */
    public static void requireLearningRate(IUpdater updater) {
        Args.notNull("updater", updater);
        if (!updater.hasLearningRate()) {
            throw new IllegalArgumentException("Expected an updater with a learning rate, but got "
                    + updater.getClass().getSimpleName() + ": it has no learning rate to control (AdaDelta adapts its "
                    + "step size from gradient history; NoOp does not train). Use Sgd, Nesterovs, Adam, RmsProp, "
                    + "AdaGrad, Nadam, AMSGrad, AdaMax or AdaBelief.");
        }
    }

    /**
     * This setting multiplied by {@code factor}: a fixed LR becomes {@code lr * factor}, a schedule becomes a
     * {@link ScaledSchedule} of it, which keeps the schedule's shape.
     */
    public LearningRateConfig scaled(double factor) {
        Args.positive("factor", factor);
        return schedule == null
                ? new LearningRateConfig(learningRate * factor, null)
                : new LearningRateConfig(learningRate * factor, ScaledSchedule.of(schedule, factor));
    }

    /**
     * Cuts the learning rate of every updater that has one to {@code factor} times its value at these counters, but
     * not below {@code floor}; a schedule keeps its shape ({@link #scaled}). An updater already at or below the floor,
     * or at 0, is left alone.
     *
     * @param factor    in (0, 1]
     * @param floor     the lowest learning rate a cut may reach, {@code >= 0}
     * @param iteration the network's iteration counter of the next step
     * @param epoch     its epoch counter
     */
    public static void cut(List<IUpdater> updaters, double factor, double floor, int iteration, int epoch) {
        for (IUpdater u : updaters) {
            if (!u.hasLearningRate()) {
                continue;
            }
            double current = u.getLearningRate(iteration, epoch);
            double target = Math.max(current * factor, floor);
            if (current > 0 && target < current) {
                read(u).scaled(target / current).applyTo(u);
            }
        }
    }

    /**
     * The first learning-rate schedule among these updaters, or empty when every one has a fixed rate; updaters
     * without a learning rate are skipped.
     */
    public static Optional<ISchedule> firstSchedule(List<IUpdater> updaters) {
        return updaters.stream().filter(IUpdater::hasLearningRate).map(u -> read(u).schedule())
                .filter(Objects::nonNull).findFirst();
    }

    /** Writes this setting into the updater, in place. */
    public void applyTo(IUpdater updater) {
        updater.setLrAndSchedule(learningRate, schedule);
    }

    public double learningRate() {
        return learningRate;
    }

    /** The schedule, or {@code null} for a fixed learning rate. */
    public ISchedule schedule() {
        return schedule;
    }

    /** The learning rate in force at the given counters. */
    public double valueAt(int iteration, int epoch) {
        return schedule != null ? schedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LearningRateConfig)) {
            return false;
        }
        LearningRateConfig that = (LearningRateConfig) o;
        return Double.compare(learningRate, that.learningRate) == 0 && Objects.equals(schedule, that.schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, schedule);
    }

    @Override
    public String toString() {
        return schedule != null ? "schedule " + schedule : "lr " + learningRate;
    }
}
