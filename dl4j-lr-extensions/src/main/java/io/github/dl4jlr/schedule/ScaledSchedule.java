package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Any schedule multiplied by a constant, so its shape is kept at a new scale:
 *
 * <pre>
 *   value(iteration, epoch) = factor * base.valueAt(iteration, epoch)
 * </pre>
 *
 * <p>It reads whichever counter {@code base} reads, and past {@code base}'s end behaves as {@code base} does.
 * Reduce-on-plateau and the health monitor's rollback use it to cut a learning rate without flattening a
 * warm-up + cosine schedule into a constant. {@link #of} folds nested scalings into one.
 *
 * <p>Worked value: {@code new ScaledSchedule(new StepDecaySchedule(ITERATION, 0.1, 0.5, 10), 0.1)} gives 0.01 at
 * t = 0 and 0.005 at t = 10.
 */
public final class ScaledSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final ISchedule base;
    private final double factor;

    /**
     * @param base   the schedule to scale; not null
     * @param factor multiplier; finite, {@code > 0}
     */
    public ScaledSchedule(@JsonProperty("base") ISchedule base, @JsonProperty("factor") double factor) {
        this.base = Args.notNull("base", base);
        this.factor = Args.positive("factor", factor);
    }

    /**
     * {@code schedule} scaled by {@code factor}; a ScaledSchedule is re-scaled rather than nested.
     *
     * @param schedule the schedule to scale
     * @param factor multiplier; finite, {@code > 0}
     * @return {@code schedule} scaled by {@code factor}; a ScaledSchedule is re-scaled rather than nested
     */
    public static ScaledSchedule of(ISchedule schedule, double factor) {
        if (schedule instanceof ScaledSchedule) {
            ScaledSchedule s = (ScaledSchedule) schedule;
            return new ScaledSchedule(s.base, s.factor * Args.positive("factor", factor));
        }
        return new ScaledSchedule(schedule, factor);
    }

    /**
     * {@code shape} scaled so that its mean over its first {@code steps} values is {@code mean}: the way to give a
     * schedule the rate that a constant-rate tool found, such as {@code LearningRateFinder}'s suggestion.
     *
     * <pre>
     *   average = (1 / steps) * sum over t = 0 .. steps - 1 of shape.valueAt(t, t)
     *   result  = ScaledSchedule.of(shape, mean / average)
     * </pre>
     *
     * <p>{@code t} is passed as both the iteration and the epoch, so {@code steps} counts whichever counter the shape
     * reads: iterations for an {@code ITERATION} schedule, epochs for an {@code EPOCH} one. Give it the length of your
     * training in that unit; the shape's own scale does not matter. The result's peak is the shape's largest value
     * times the factor; past {@code steps} it behaves as the shape does.
     *
     * <p>Worked values: a {@code CosineDecaySchedule(ITERATION, 1, 0, 100)} averages 0.505 over steps 0..99 (its
     * values sum to 50.5), so {@code withMean(cosine, 0.01, 100)} starts at 0.0198 and averages 0.01. A
     * {@code MultiStepSchedule(EPOCH, 1, 0.1, {5, 8})} averages 0.532 over 10 epochs (5 x 1 + 3 x 0.1 + 2 x 0.01),
     * so a mean of 0.01 starts it at 0.0188.
     *
     * @param shape the schedule whose shape to keep; not null, finite and {@code >= 0} over the steps, with a
     *              positive mean
     * @param mean  the mean rate over the steps; finite, {@code > 0}
     * @param steps how many values to average, {@code >= 1}
     * @return {@code shape} scaled to that mean
     * @throws IllegalArgumentException for bad arguments, or a shape that is negative, non-finite or all zero there
     */
    public static ScaledSchedule withMean(ISchedule shape, double mean, int steps) {
        Args.notNull("shape", shape);
        Args.positive("mean", mean);
        Args.positive("steps", steps);
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            double v = shape.valueAt(t, t);
            Args.check(v >= 0 && Double.isFinite(v), "shape values finite and >= 0 over steps 0.." + (steps - 1)
                    + " (at t = " + t + ")", v);
            sum += v;
        }
        Args.check(sum > 0, "a shape with a positive mean over " + steps + " steps", sum / steps);
        return of(shape, mean / (sum / steps));
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return factor * base.valueAt(iteration, epoch);
    }

    /** Immutable, so the instance itself is its clone. */
    @Override
    public ISchedule clone() {
        return this;
    }

    /** @return the schedule to scale; not null */
    public ISchedule getBase() {
        return base;
    }

    /** @return multiplier; finite, {@code > 0} */
    public double getFactor() {
        return factor;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScaledSchedule)) {
            return false;
        }
        ScaledSchedule that = (ScaledSchedule) o;
        return Double.compare(factor, that.factor) == 0 && base.equals(that.base);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, factor);
    }

    @Override
    public String toString() {
        return "ScaledSchedule(base=" + base + ", factor=" + factor + ")";
    }
}
