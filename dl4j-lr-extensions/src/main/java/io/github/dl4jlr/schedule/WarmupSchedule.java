package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Linear warm-up in front of any schedule.
 *
 * <pre>
 *   target   = after(0)                                              (after's first value)
 *   value(t) = startValue + (target - startValue) * t / warmupSteps     for t &lt; warmupSteps
 *            = after(t - warmupSteps)                                   for t &gt;= warmupSteps
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType};
 * {@code after} must read the same counter (or none, like {@code FixedSchedule}) and sees it restarted at 0
 * when the warm-up ends; the other counter is passed through unchanged. Past the warm-up the behaviour is
 * that of {@code after}. Unlike ND4J's {@code RampSchedule}, this class survives JSON and
 * {@code ModelSerializer} (deeplearning4j#8988).
 *
 * <p>Worked values for {@code (ITERATION, 100, 0.0, new CosineDecaySchedule(ITERATION, 0.1, 0.0, 1000))}:
 * t = 0 gives 0.0, t = 50 gives 0.05, t = 100 gives 0.1 (cosine at its start), t = 600 gives 0.05.
 */
public final class WarmupSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final int warmupSteps;
    private final double startValue;
    private final ISchedule after;

    /**
     * @param scheduleType the counter to read
     * @param warmupSteps  length of the ramp; {@code > 0}
     * @param startValue   value at t = 0; finite, {@code >= 0}
     * @param after        schedule that follows, reading the same counter; not null
     */
    public WarmupSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                          @JsonProperty("warmupSteps") int warmupSteps,
                          @JsonProperty("startValue") double startValue,
                          @JsonProperty("after") ISchedule after) {
        super(scheduleType);
        this.warmupSteps = Args.positive("warmupSteps", warmupSteps);
        this.startValue = Args.nonNegative("startValue", startValue);
        this.after = ChildSchedules.requireCompatible("after", scheduleType, after);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = step(iteration, epoch);
        if (t >= warmupSteps) {
            return ChildSchedules.valueShifted(getScheduleType(), after, iteration, epoch, warmupSteps);
        }
        double target = ChildSchedules.valueShifted(getScheduleType(), after, iteration, epoch, t);
        return startValue + (target - startValue) * t / warmupSteps;
    }

    /** @return length of the ramp; {@code > 0} */
    public int getWarmupSteps() {
        return warmupSteps;
    }

    /** @return value at t = 0; finite, {@code >= 0} */
    public double getStartValue() {
        return startValue;
    }

    /** @return schedule that follows, reading the same counter; not null */
    public ISchedule getAfter() {
        return after;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WarmupSchedule)) {
            return false;
        }
        WarmupSchedule that = (WarmupSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && warmupSteps == that.warmupSteps
                && Double.compare(startValue, that.startValue) == 0
                && after.equals(that.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), warmupSteps, startValue, after);
    }

    @Override
    public String toString() {
        return "WarmupSchedule(" + getScheduleType() + ", warmupSteps=" + warmupSteps + ", startValue=" + startValue
                + ", after=" + after + ")";
    }
}
