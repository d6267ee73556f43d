package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Common plumbing of the schedules in this package: the {@link ScheduleType} and the choice of counter.
 *
 * <p>Subclasses are immutable value classes; {@link #clone()} returns {@code this}, which is safe
 * because nothing in them can change.
 */
public abstract class BaseSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final ScheduleType scheduleType;

    /** @param scheduleType the counter the schedule reads: {@code ITERATION} or {@code EPOCH} */
    protected BaseSchedule(ScheduleType scheduleType) {
        this.scheduleType = Args.notNull("scheduleType", scheduleType);
    }

    /**
     * Which network counter this schedule reads: the iteration or the epoch.
     *
     * @return which network counter this schedule reads
     */
    public final ScheduleType getScheduleType() {
        return scheduleType;
    }

    /**
     * The counter this schedule reads, from the two that DL4J passes. Negative counters, which DL4J
     * never passes, are treated as 0.
     *
     * @param iteration the network's iteration counter (0-based)
     * @param epoch the network's epoch counter (0-based)
     * @return the counter this schedule reads, from the two that DL4J passes
     */
    protected final int step(int iteration, int epoch) {
        int t = scheduleType == ScheduleType.ITERATION ? iteration : epoch;
        return Math.max(t, 0);
    }

    /** Immutable, so the instance itself is its clone. */
    @Override
    public final ISchedule clone() {
        return this;
    }
}
