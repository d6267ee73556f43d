package io.github.dl4jlr.schedule;

import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.LinkedHashMap;
import java.util.Map;

/** One typical instance of every schedule class, with short periods so that a few iterations cross phase edges. */
final class ScheduleFixtures {

    private ScheduleFixtures() {
    }

    static Map<String, ISchedule> all(ScheduleType type) {
        Map<String, ISchedule> m = new LinkedHashMap<>();
        m.put("step", new StepDecaySchedule(type, 0.1, 0.5, 3));
        m.put("multiStep", new MultiStepSchedule(type, 0.1, 0.1, new int[]{4, 7}));
        m.put("linear", new LinearDecaySchedule(type, 0.1, 0.01, 8));
        m.put("polynomial", new PolynomialDecaySchedule(type, 0.1, 0.001, 8, 2.0));
        m.put("cosine", new CosineDecaySchedule(type, 0.1, 0.001, 8));
        m.put("warmRestarts", new CosineWarmRestartsSchedule(type, 0.1, 0.001, 3, 2));
        m.put("cyclic", new CyclicSchedule(type, 0.01, 0.1, 2, 3, CyclicSchedule.Mode.TRIANGULAR2, 1.0));
        m.put("oneCycle", new OneCycleSchedule(type, 0.1, 12, 0.3, 25, 1e4, OneCycleSchedule.Anneal.COS, false));
        m.put("oneCycleMomentum", OneCycleSchedule.momentum(type, 0.85, 0.95, 12, 0.3,
                OneCycleSchedule.Anneal.LINEAR, true));
        m.put("warmup", new WarmupSchedule(type, 3, 0.0, new CosineDecaySchedule(type, 0.1, 0.0, 9)));
        m.put("sequential", new SequentialSchedule(type, new int[]{2, 6},
                new LinearDecaySchedule(type, 0.01, 0.1, 2),
                new FixedSchedule(0.1),
                new StepDecaySchedule(type, 0.1, 0.5, 2)));
        m.put("scaled", ScaledSchedule.of(ScaledSchedule.of(new WarmupSchedule(type, 2, 0.0,
                new CosineDecaySchedule(type, 0.1, 0.001, 8)), 0.5), 0.2));
        return m;
    }

    /** Schedules whose whole life is a decay, for the monotonicity contract. */
    static Map<String, ISchedule> decaying(ScheduleType type) {
        Map<String, ISchedule> m = new LinkedHashMap<>();
        m.put("step", new StepDecaySchedule(type, 0.1, 0.5, 3));
        m.put("multiStep", new MultiStepSchedule(type, 0.1, 0.1, new int[]{400, 700}));
        m.put("linear", new LinearDecaySchedule(type, 0.1, 0.0, 777));
        m.put("polynomial", new PolynomialDecaySchedule(type, 0.1, 0.001, 1000, 0.5));
        m.put("cosine", new CosineDecaySchedule(type, 0.1, 0.001, 1000));
        return m;
    }
}
