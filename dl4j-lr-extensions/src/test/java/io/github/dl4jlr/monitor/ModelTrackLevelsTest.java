package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss levels a high-ratio warning compares: the best before the trend window, kept over evicted checks. */
class ModelTrackLevelsTest {

    @Test
    void theBestLevelBeforeTheWindowIncludesChecksThatLeftTheDeque() {
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        assertTrue(Double.isNaN(t.bestLevelBefore(3)), "no check yet");
        t.level(2.0, 4);
        t.level(1.0, 4);
        t.level(3.0, 4);
        assertTrue(Double.isNaN(t.bestLevelBefore(3)), "all three checks are inside the window");
        t.level(4.0, 4);
        assertEquals(2.0, t.bestLevelBefore(3), "only the first check is older than the last three");
        t.level(5.0, 4);
        assertEquals(1.0, t.bestLevelBefore(3), "2.0 left the deque, 1.0 is now older than the window");
        t.level(6.0, 4);
        t.level(7.0, 4);
        t.level(8.0, 4);
        assertEquals(1.0, t.bestLevelBefore(3), "1.0 left the deque but is still the best before the window");
        t.restored(DivergenceRules.State.INITIAL);
        assertTrue(Double.isNaN(t.bestLevelBefore(3)), "a restore starts the trend over");
    }
}
