package io.github.dl4jlr.schedule;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every schedule must have, checked over every class. */
class ScheduleContractTest {

    @Test
    void epochSchedulesIgnoreTheIterationAndIterationSchedulesIgnoreTheEpoch() {
        for (Map.Entry<String, ISchedule> e : ScheduleFixtures.all(ScheduleType.EPOCH).entrySet()) {
            ISchedule s = e.getValue();
            for (int epoch = 0; epoch < 20; epoch++) {
                double v = s.valueAt(0, epoch);
                for (int it : new int[]{1, 7, 1000, 123_456}) {
                    assertEquals(v, s.valueAt(it, epoch), e.getKey() + " epoch " + epoch + " iteration " + it);
                }
            }
            assertTrue(readsCounter(s, false), e.getKey() + " must actually read the epoch");
        }
        for (Map.Entry<String, ISchedule> e : ScheduleFixtures.all(ScheduleType.ITERATION).entrySet()) {
            ISchedule s = e.getValue();
            for (int it = 0; it < 20; it++) {
                assertEquals(s.valueAt(it, 0), s.valueAt(it, 9), e.getKey() + " iteration " + it);
            }
            assertTrue(readsCounter(s, true), e.getKey() + " must actually read the iteration");
        }
    }

    private static boolean readsCounter(ISchedule s, boolean iteration) {
        for (int t = 1; t < 10; t++) {
            if (s.valueAt(iteration ? t : 0, iteration ? 0 : t) != s.valueAt(0, 0)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void decaySchedulesNeverIncrease() {
        for (Map.Entry<String, ISchedule> e : ScheduleFixtures.decaying(ScheduleType.ITERATION).entrySet()) {
            assertNonIncreasing(e.getKey(), e.getValue(), 0, 3000);
        }
    }

    @Test
    void decayPhasesOfCyclicalSchedulesNeverIncrease() {
        assertNonIncreasing("sgdr period 2", new CosineWarmRestartsSchedule(ScheduleType.ITERATION, 0.1, 0.0, 10, 2), 10, 29);
        assertNonIncreasing("cyclic down leg",
                new CyclicSchedule(ScheduleType.ITERATION, 0.001, 0.006, 200, 300, CyclicSchedule.Mode.TRIANGULAR, 1), 200, 500);
        assertNonIncreasing("one-cycle annealing",
                OneCycleSchedule.withDefaults(ScheduleType.ITERATION, 0.1, 1000), 299, 5000);
        assertNonIncreasing("one-cycle three-phase from peak",
                new OneCycleSchedule(ScheduleType.ITERATION, 0.1, 1000, 0.3, 25, 1e4, OneCycleSchedule.Anneal.LINEAR, true), 299, 5000);
    }

    private static void assertNonIncreasing(String name, ISchedule s, int from, int to) {
        double prev = s.valueAt(from, 0);
        for (int t = from + 1; t <= to; t++) {
            double v = s.valueAt(t, 0);
            assertTrue(v <= prev, name + " increased at t=" + t + ": " + prev + " -> " + v);
            prev = v;
        }
    }

    @Test
    void valuesStayFiniteAndNonNegativeUpToTheLargestCounter() {
        for (ScheduleType type : ScheduleType.values()) {
            for (Map.Entry<String, ISchedule> e : ScheduleFixtures.all(type).entrySet()) {
                for (int t : new int[]{0, 1, 1 << 20, Integer.MAX_VALUE - 1, Integer.MAX_VALUE}) {
                    double v = e.getValue().valueAt(t, t);
                    assertTrue(Double.isFinite(v) && v >= 0, e.getKey() + " at " + t + " gave " + v);
                }
            }
        }
    }

    @Test
    void cloneIsTheSameImmutableValueAndEqualsIsByValue() {
        Map<String, ISchedule> a = ScheduleFixtures.all(ScheduleType.ITERATION);
        Map<String, ISchedule> b = ScheduleFixtures.all(ScheduleType.ITERATION);
        Map<String, ISchedule> other = ScheduleFixtures.all(ScheduleType.EPOCH);
        for (String name : a.keySet()) {
            ISchedule s = a.get(name);
            assertSame(s, s.clone(), name);
            assertEquals(b.get(name), s, name);
            assertEquals(b.get(name).hashCode(), s.hashCode(), name);
            assertEquals(b.get(name).toString(), s.toString(), name);
            assertNotEquals(other.get(name), s, name + " with another ScheduleType");
        }
    }

    @Test
    void valueAtAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (ScheduleType type : ScheduleType.values()) {
            for (Map.Entry<String, ISchedule> e : ScheduleFixtures.all(type).entrySet()) {
                ISchedule s = e.getValue();
                double sink = 0;
                for (int t = 0; t < 20_000; t++) {
                    sink += s.valueAt(t, t);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int t = 0; t < 100_000; t++) {
                    sink += s.valueAt(t, t);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < 1024, e.getKey() + " allocated " + allocated + " bytes in 100k calls");
                assertTrue(sink > 0);
            }
        }
    }
}
