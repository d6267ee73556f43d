package io.github.dl4jlr.internal.util;

import io.github.dl4jlr.internal.util.LossTracker.State;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running loss statistics on scripted sequences. */
class LossTrackerTest {

    @Test
    void biasCorrectedAverageBestAndWindowMatchHandComputedValues() {
        LossTracker t = new LossTracker(0.9, 5);
        State s = State.INITIAL;
        double[] expected = {1.0, 1.0, 1.0, 6.5249, 9.8154, 11.9890};   // worked by hand
        double[] losses = {1, 1, 1, 20, 20, 20};
        for (int i = 0; i < losses.length; i++) {
            s = t.next(s, losses[i]);
            assertEquals(expected[i], s.smoothed(), 1e-4, "after loss " + i);
        }
        assertEquals(1.0, s.best());
        assertEquals(6, s.count());
        assertArrayEquals(new double[]{1, 1, 20, 20, 20}, s.recent(), "the last five");
        assertEquals(20.0, s.recentMedian());
    }

    @Test
    void aNonFiniteLossLeavesTheStateAlone() {
        LossTracker t = new LossTracker(0.9, 5);
        State s = t.next(State.INITIAL, 1);
        assertSame(s, t.next(s, Double.NaN));
        assertSame(s, t.next(s, Double.POSITIVE_INFINITY));
    }

    @Test
    void medians() {
        assertEquals(2.5, LossTracker.median(new double[]{4, 1, 3, 2}));
        assertEquals(3.0, LossTracker.median(new double[]{5, 1, 3}));
        assertTrue(Double.isNaN(LossTracker.median(new double[0])));
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LossTracker(1.0, 5));
        assertEquals("Expected beta in [0.0, 1.0), but got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LossTracker(0.9, 0));
        assertEquals("Expected window > 0, but got 0", e.getMessage());
    }
}
