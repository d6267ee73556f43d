package io.github.dl4jlr.util;

import io.github.dl4jlr.util.LossTracker.Rule;
import io.github.dl4jlr.util.LossTracker.State;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared loss bookkeeping on scripted loss sequences. */
class LossTrackerTest {

    /** Feeds {@code losses} and returns the 0-based index at which it first diverged, or -1. */
    private static int divergesAt(LossTracker t, double... losses) {
        State s = State.INITIAL;
        for (int i = 0; i < losses.length; i++) {
            s = t.next(s, losses[i]);
            if (t.diverged(s)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void biasCorrectedAverageMatchesHandComputedValues() {
        LossTracker t = new LossTracker(0.9, 4, 3, 0, Rule.BOTH);
        State s = State.INITIAL;
        double[] expected = {1.0, 1.0, 1.0, 6.5249, 9.8154, 11.9890};   // computed by hand (see the class comment)
        double[] losses = {1, 1, 1, 20, 20, 20};
        for (int i = 0; i < losses.length; i++) {
            s = t.next(s, losses[i]);
            assertEquals(expected[i], s.smoothed(), 1e-4, "after loss " + i);
        }
        assertEquals(1.0, s.best());
        assertEquals(3, s.rawAbove());
    }

    @Test
    void bothNeedsASustainedRiseThatMovedTheAverage() {
        LossTracker t = new LossTracker(0.9, 4, 3, 0, Rule.BOTH);
        assertEquals(5, divergesAt(t, 1, 1, 1, 20, 20, 20), "at the third raw loss above 4 (t), not before (t-1)");
        assertEquals(-1, divergesAt(t, 1, 1, 1, 20, 1, 1, 1, 1), "a lone spike is noise");
        assertEquals(-1, divergesAt(t, 1, 1, 1, 20, 20, 1, 20, 20, 1), "two in a row are not three");
    }

    @Test
    void eitherStopsOnTheFirstSignal() {
        LossTracker t = new LossTracker(0.98, 4, 3, 0, Rule.EITHER);
        // Smoothed with beta 0.98 rises slowly; three raw losses above 4x the best end it first.
        assertEquals(5, divergesAt(t, 1, 1, 1, 5, 5, 5));
        assertEquals(-1, divergesAt(t, 1, 1, 1, 5, 5, 1));
    }

    @Test
    void warmupKeepsALuckyFirstLossFromBecomingTheReference() {
        // An already-trained net: a lucky first minibatch at 0.025, then noise between 0.05 and 0.11.
        double[] noisy = {0.025, 0.11, 0.11, 0.11, 0.06, 0.05, 0.11, 0.08, 0.06, 0.11, 0.11, 0.11, 0.07};
        assertTrue(divergesAt(new LossTracker(0.98, 4, 3, 0, Rule.EITHER), noisy) >= 0,
                "without a warm-up the first loss is the best, and noise looks like a four-fold rise");
        assertEquals(-1, divergesAt(new LossTracker(0.98, 4, 3, 5, Rule.EITHER), noisy));
    }

    @Test
    void longNoisyRunsOfASmallLossNeverDiverge() {
        // Log-normal minibatch noise with a factor-4 spread between typical low and high batches, 2000 steps each.
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            double[] losses = new double[2000];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = 0.05 * Math.exp(0.35 * r.nextGaussian());
            }
            assertEquals(-1, divergesAt(new LossTracker(0.9, 4, 3, 0, Rule.BOTH), losses), "seed " + seed);
            assertEquals(-1, divergesAt(new LossTracker(0.98, 4, 3, 5, Rule.EITHER), losses), "seed " + seed);
        }
    }

    @Test
    void aNonFiniteLossIsNotAveragedInAndNonPositiveBestsNeverDiverge() {
        LossTracker t = new LossTracker(0.9, 4, 3, 0, Rule.BOTH);
        State s = t.next(t.next(State.INITIAL, 1), Double.NaN);
        assertEquals(1.0, s.smoothed());
        assertEquals(1, s.count());
        assertEquals(-1, divergesAt(t, -1, -1, 5, 5, 5, 5), "a negative loss has no meaningful ratio");
    }

    @Test
    void withinComparesTheSmoothedLossToItsBest() {
        assertTrue(LossTracker.within(new State(5, 0.5, 0, 2.0, 1.0, 0), 2.0));
        assertFalse(LossTracker.within(new State(5, 0.5, 0, 2.0001, 1.0, 0), 2.0));
        assertTrue(LossTracker.within(State.INITIAL, 2.0));
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LossTracker(0.9, 1.0, 3, 0, Rule.BOTH));
        assertEquals("Expected factor > 1 and finite, but got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LossTracker(1.0, 4, 3, 0, Rule.BOTH));
        assertEquals("Expected beta in [0.0, 1.0), but got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LossTracker(0.9, Double.NaN, 3, 0, Rule.BOTH));
        assertEquals("Expected factor > 1 and finite, but got NaN", e.getMessage());
    }
}
