package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Objects;

/**
 * Runs schedules one after another, like PyTorch's {@code SequentialLR}.
 *
 * <pre>
 *   i        = number of milestones m with m &lt;= t          (binary search)
 *   start    = 0 if i = 0, else milestones[i - 1]
 *   value(t) = schedules[i](t - start)
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}; every
 * child must read the same counter (or none) and sees it restarted at 0 at its milestone; the other counter
 * is passed through unchanged. After the last milestone the last schedule runs on forever. There is exactly
 * one more schedule than milestones.
 *
 * <p>Worked values for {@code (EPOCH, {5}, linear 0 -> 0.1 over 5, cosine 0.1 -> 0 over 95)}: epoch 0 gives 0.0,
 * epoch 4 gives 0.08, epoch 5 gives 0.1 (cosine at its start), epoch 100 and later give 0.0.
 */
public final class SequentialSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final int[] milestones;
    private final ISchedule[] schedules;

    /**
     * @param scheduleType the counter to read
     * @param milestones   where each following schedule starts; {@code >= 1}, strictly increasing
     * @param schedules    {@code milestones.length + 1} schedules, none null, reading the same counter
     */
    public SequentialSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                              @JsonProperty("milestones") int[] milestones,
                              @JsonProperty("schedules") ISchedule... schedules) {
        super(scheduleType);
        this.milestones = Args.strictlyIncreasing("milestones", milestones, 1);
        Args.notNull("schedules", schedules);
        Args.check(schedules.length == this.milestones.length + 1,
                "schedules.length == milestones.length + 1 = " + (this.milestones.length + 1),
                schedules.length + " schedules for milestones " + Arrays.toString(this.milestones));
        this.schedules = schedules.clone();
        for (int i = 0; i < this.schedules.length; i++) {
            ChildSchedules.requireCompatible("schedules[" + i + "]", scheduleType, this.schedules[i]);
        }
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int i = Milestones.countAtOrBelow(milestones, step(iteration, epoch));
        int start = i == 0 ? 0 : milestones[i - 1];
        return ChildSchedules.valueShifted(getScheduleType(), schedules[i], iteration, epoch, start);
    }

    /**
     * A copy of the milestones.
     *
     * @return where each following schedule starts; {@code >= 1}, strictly increasing
     */
    public int[] getMilestones() {
        return milestones.clone();
    }

    /**
     * A copy of the child schedules.
     *
     * @return {@code milestones.length + 1} schedules, none null, reading the same counter
     */
    public ISchedule[] getSchedules() {
        return schedules.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SequentialSchedule)) {
            return false;
        }
        SequentialSchedule that = (SequentialSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Arrays.equals(milestones, that.milestones)
                && Arrays.equals(schedules, that.schedules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), Arrays.hashCode(milestones), Arrays.hashCode(schedules));
    }

    @Override
    public String toString() {
        return "SequentialSchedule(" + getScheduleType() + ", milestones=" + Arrays.toString(milestones)
                + ", schedules=" + Arrays.toString(schedules) + ")";
    }
}
