package io.github.dl4jlr.internal.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningRateConfigTest {

    private static final ISchedule DECAY = new ExponentialSchedule(ScheduleType.EPOCH, 1e-2, 0.9);

    @Test
    void commonFixedRateIsTheOneRateEveryUpdaterHas() {
        assertEquals(OptionalDouble.of(1e-3), LearningRateConfig.commonFixedRate(List.of(new Adam(1e-3))));
        assertEquals(OptionalDouble.of(1e-3), LearningRateConfig.commonFixedRate(
                List.of(new Adam(1e-3), new Nesterovs(1e-3, 0.9), new AdaDelta())), "AdaDelta has no rate to differ");
        assertTrue(LearningRateConfig.commonFixedRate(List.of(new Adam(1e-3), new Adam(1e-2))).isEmpty(),
                "mixed rates");
        assertTrue(LearningRateConfig.commonFixedRate(List.of(new Adam(1e-3), new Adam(DECAY))).isEmpty(),
                "a schedule");
        assertTrue(LearningRateConfig.commonFixedRate(List.of(new AdaDelta())).isEmpty(), "no rate at all");
        assertTrue(LearningRateConfig.commonFixedRate(List.of()).isEmpty());
    }

    @Test
    void firstScheduleSkipsFixedRatesAndUpdatersWithoutOne() {
        assertSame(DECAY, LearningRateConfig.firstSchedule(List.of(new AdaDelta(), new Adam(1e-3), new Adam(DECAY)))
                .orElseThrow());
        assertTrue(LearningRateConfig.firstSchedule(List.of(new Adam(1e-3), new AdaDelta())).isEmpty());
    }
}
