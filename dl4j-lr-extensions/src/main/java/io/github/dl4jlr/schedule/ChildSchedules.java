package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.lang.reflect.Method;

/** Checks and time shifting for schedules that wrap other schedules. */
final class ChildSchedules {

    private ChildSchedules() {
    }

    /**
     * Requires a non-null child whose counter, where it declares one, is the parent's. Our schedules and
     * ND4J's built-in ones expose {@code getScheduleType()}; a child without it (e.g. {@code FixedSchedule})
     * reads no counter and fits any parent.
     */
    static ISchedule requireCompatible(String name, ScheduleType parentType, ISchedule child) {
        Args.notNull(name, child);
        ScheduleType childType = scheduleTypeOf(child);
        if (childType != null && childType != parentType) {
            throw new IllegalArgumentException("Expected " + name + " to use scheduleType " + parentType
                    + " like its parent, but got " + childType + " in " + child);
        }
        return child;
    }

    private static ScheduleType scheduleTypeOf(ISchedule schedule) {
        if (schedule instanceof BaseSchedule) {
            return ((BaseSchedule) schedule).getScheduleType();
        }
        try {
            Method getter = schedule.getClass().getMethod("getScheduleType");
            Object type = getter.invoke(schedule);
            return type instanceof ScheduleType ? (ScheduleType) type : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * Evaluates {@code child} with the parent's counter moved back by {@code offset}; the other counter is unchanged.
     */
    static double valueShifted(ScheduleType type, ISchedule child, int iteration, int epoch, int offset) {
        return type == ScheduleType.ITERATION
                ? child.valueAt(iteration - offset, epoch)
                : child.valueAt(iteration, epoch - offset);
    }
}
