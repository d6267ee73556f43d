package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Step decay: the value is multiplied by {@code decayFactor} every {@code stepSize} steps.
 *
 * <pre>
 *   value(t) = initialValue * decayFactor ^ floor(t / stepSize)
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}.
 * The schedule has no end: it keeps decaying for as long as {@code t} grows. It matches PyTorch's
 * {@code StepLR(step_size, gamma)}.
 *
 * <p>Worked values for {@code (EPOCH, 0.1, 0.5, 10)}: t = 9 gives 0.1, t = 10 gives 0.05, t = 25 gives 0.025.
 */
public final class StepDecaySchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final double decayFactor;
    private final int stepSize;

    /**
     * @param scheduleType the counter to read
     * @param initialValue value for {@code t < stepSize}; finite, {@code >= 0}
     * @param decayFactor  multiplier applied at each step boundary; in (0, 1]
     * @param stepSize     number of steps between decays; {@code > 0}
     */
    public StepDecaySchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                             @JsonProperty("initialValue") double initialValue,
                             @JsonProperty("decayFactor") double decayFactor,
                             @JsonProperty("stepSize") int stepSize) {
        super(scheduleType);
        this.initialValue = Args.nonNegative("initialValue", initialValue);
        this.decayFactor = Args.halfOpenInterval("decayFactor", decayFactor, 0, 1);
        this.stepSize = Args.positive("stepSize", stepSize);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initialValue * Math.pow(decayFactor, step(iteration, epoch) / stepSize);
    }

    /** @return value for {@code t < stepSize}; finite, {@code >= 0} */
    public double getInitialValue() {
        return initialValue;
    }

    /** @return multiplier applied at each step boundary; in (0, 1] */
    public double getDecayFactor() {
        return decayFactor;
    }

    /** @return number of steps between decays; {@code > 0} */
    public int getStepSize() {
        return stepSize;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StepDecaySchedule)) {
            return false;
        }
        StepDecaySchedule that = (StepDecaySchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(initialValue, that.initialValue) == 0
                && Double.compare(decayFactor, that.decayFactor) == 0
                && stepSize == that.stepSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), initialValue, decayFactor, stepSize);
    }

    @Override
    public String toString() {
        return "StepDecaySchedule(" + getScheduleType() + ", initialValue=" + initialValue
                + ", decayFactor=" + decayFactor + ", stepSize=" + stepSize + ")";
    }
}
