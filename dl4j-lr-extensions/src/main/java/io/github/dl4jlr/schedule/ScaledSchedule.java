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
