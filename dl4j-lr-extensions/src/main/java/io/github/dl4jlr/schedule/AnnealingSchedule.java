package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Objects;

/**
 * A move from {@code initialValue} to {@code finalValue} over {@code decaySteps}, then constant:
 *
 * <pre>
 *   value(t) = finalValue + (initialValue - finalValue) * shape(min(t, decaySteps) / decaySteps)
 * </pre>
 *
 * where {@code shape} falls from 1 at progress 0 to 0 at progress 1. From {@code t = decaySteps} on
 * the value is exactly {@code finalValue}. Subclasses define {@link #shape(double)}.
 */
public abstract class AnnealingSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final double finalValue;
    private final int decaySteps;

    /**
     * @param scheduleType the counter the schedule reads: {@code ITERATION} or {@code EPOCH}
     * @param initialValue the value at t = 0; finite, {@code >= 0}
     * @param finalValue   the value from {@code decaySteps} on; finite, {@code >= 0}
     * @param decaySteps   steps from the initial to the final value; {@code > 0}
     */
    protected AnnealingSchedule(ScheduleType scheduleType, double initialValue, double finalValue, int decaySteps) {
        super(scheduleType);
        this.initialValue = Args.nonNegative("initialValue", initialValue);
        this.finalValue = Args.nonNegative("finalValue", finalValue);
        this.decaySteps = Args.positive("decaySteps", decaySteps);
    }

    /**
     * Fraction of {@code initialValue - finalValue} still remaining at {@code progress} in [0, 1).
     *
     * @param progress {@code t / decaySteps}, in [0, 1)
     * @return fraction of {@code initialValue - finalValue} still remaining at {@code progress} in [0, 1)
     */
    protected abstract double shape(double progress);

    @Override
    public final double valueAt(int iteration, int epoch) {
        int t = step(iteration, epoch);
        if (t >= decaySteps) {
            return finalValue;
        }
        return finalValue + (initialValue - finalValue) * shape((double) t / decaySteps);
    }

    /** @return the value at t = 0 */
    public final double getInitialValue() {
        return initialValue;
    }

    /** @return the value from {@code decaySteps} on */
    public final double getFinalValue() {
        return finalValue;
    }

    /** @return steps from the initial to the final value */
    public final int getDecaySteps() {
        return decaySteps;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        AnnealingSchedule that = (AnnealingSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(initialValue, that.initialValue) == 0
                && Double.compare(finalValue, that.finalValue) == 0
                && decaySteps == that.decaySteps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass().getName(), getScheduleType(), initialValue, finalValue, decaySteps);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + getScheduleType() + ", initialValue=" + initialValue
                + ", finalValue=" + finalValue + ", decaySteps=" + decaySteps + extraToString() + ")";
    }

    /**
     * Extra fields for {@link #toString()}, starting with ", ".
     *
     * @return extra fields for {@link #toString()}, starting with ", "
     */
    protected String extraToString() {
        return "";
    }
}
