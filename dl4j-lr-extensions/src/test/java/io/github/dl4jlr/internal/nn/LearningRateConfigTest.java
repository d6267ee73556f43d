package io.github.dl4jlr.internal.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningRateConfigTest {

    private static final ISchedule DECAY = new ExponentialSchedule(ScheduleType.EPOCH, 1e-2, 0.9);

    @Test
    void firstScheduleSkipsFixedRatesAndUpdatersWithoutOne() {
        assertSame(DECAY, LearningRateConfig.firstSchedule(List.of(new AdaDelta(), new Adam(1e-3), new Adam(DECAY)))
                .orElseThrow());
        assertTrue(LearningRateConfig.firstSchedule(List.of(new Adam(1e-3), new AdaDelta())).isEmpty());
    }
}
