package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Objects;

/**
 * Multi-step annealing: the value is multiplied by {@code decayFactor} at each milestone.
 *
 * <pre>
 *   value(t) = initialValue * decayFactor ^ (number of milestones m with m &lt;= t)
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}.
 * Past the last milestone the value stays at {@code initialValue * decayFactor^milestones.length}.
 * The milestone count is found by binary search, so {@code valueAt} is O(log milestones) and allocates
 * nothing. It matches PyTorch's {@code MultiStepLR(milestones, gamma)}.
 *
 * <p>Worked values for the classic recipe {@code (EPOCH, 0.1, 0.1, {400, 700})}: 0.1 for epochs 0..399,
 * 0.01 for 400..699, then 0.001 from epoch 700 on.
 */
public final class MultiStepSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final double decayFactor;
    private final int[] milestones;

    /**
     * @param scheduleType the counter to read
     * @param initialValue value before the first milestone; finite, {@code >= 0}
     * @param decayFactor  multiplier applied at each milestone; in (0, 1]
     * @param milestones   steps at which the value is multiplied; non-empty, {@code >= 1}, strictly increasing
     */
    public MultiStepSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                             @JsonProperty("initialValue") double initialValue,
                             @JsonProperty("decayFactor") double decayFactor,
                             @JsonProperty("milestones") int[] milestones) {
        super(scheduleType);
        this.initialValue = Args.nonNegative("initialValue", initialValue);
        this.decayFactor = Args.halfOpenInterval("decayFactor", decayFactor, 0, 1);
        this.milestones = Args.strictlyIncreasing("milestones", milestones, 1);
        Args.check(this.milestones.length > 0, "at least one milestone", Arrays.toString(milestones));
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initialValue * Math.pow(decayFactor, Milestones.countAtOrBelow(milestones, step(iteration, epoch)));
    }

    /** @return value before the first milestone; finite, {@code >= 0} */
    public double getInitialValue() {
        return initialValue;
    }

    /** @return multiplier applied at each milestone; in (0, 1] */
    public double getDecayFactor() {
        return decayFactor;
    }

    /**
     * A copy of the milestones.
     *
     * @return steps at which the value is multiplied; non-empty, {@code >= 1}, strictly increasing
     */
    public int[] getMilestones() {
        return milestones.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MultiStepSchedule)) {
            return false;
        }
        MultiStepSchedule that = (MultiStepSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(initialValue, that.initialValue) == 0
                && Double.compare(decayFactor, that.decayFactor) == 0
                && Arrays.equals(milestones, that.milestones);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), initialValue, decayFactor) * 31 + Arrays.hashCode(milestones);
    }

    @Override
    public String toString() {
        return "MultiStepSchedule(" + getScheduleType() + ", initialValue=" + initialValue
                + ", decayFactor=" + decayFactor + ", milestones=" + Arrays.toString(milestones) + ")";
    }
}
