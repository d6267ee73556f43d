package io.github.dl4jlr.monitor;

import io.github.dl4jlr.monitor.LossWatch.State;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's divergence and health rules on scripted loss sequences. */
class LossWatchTest {

    private static final LossWatch WATCH = new LossWatch(4);

    /** Feeds the losses (the first update having moved the parameters by {@code firstMove}); index of divergence or -1. */
    private static int divergesAt(double firstMove, double... losses) {
        State s = WATCH.firstMove(State.INITIAL, firstMove);
        for (int i = 0; i < losses.length; i++) {
            s = WATCH.next(s, losses[i]);
            if (WATCH.diverged(s)) {
                return i;
            }
        }
        return -1;
    }

    private static double[] heavyTailed(long seed, int n, double heavyShare, double heavy) {
        Random r = new Random(seed);
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = 0.01 * Math.exp(0.5 * r.nextGaussian()) * (r.nextDouble() < heavyShare ? heavy : 1);
        }
        return losses;
    }

    @Test
    void aBlowUpFromTheFirstUpdateIsCaughtAtTheThirdLoss() {
        // Adam at lr 10 on an MLP: 3.81 before the first update, which moved every weight by about its size.
        assertEquals(2, divergesAt(1.0, 3.81, 20.9, 20.9, 22.2, 18.6), "worked example: median(20.9, 20.9) > 15.24");
        assertEquals(-1, divergesAt(0.099, 3.81, 20.9, 20.9, 22.2, 18.6),
                "a first update below 10% of the weights is an ordinary one: the start rule stays out");
    }

    @Test
    void inSteadyTrainingMostOfTheLast25MustRiseFourfold() {
        double[] losses = new double[70];
        for (int i = 0; i < 70; i++) {
            losses[i] = i < 40 ? 1.0 : 5.0;
        }
        // The 40th percentile of 25 lies between the 10th and 11th smallest: with 15 high it is 1 + 0.6 * 4 = 3.4,
        // with 16 high it is 5.
        assertEquals(55, divergesAt(0.001, losses), "16 of the last 25 above 4: the 16th high loss (t)");
        losses[55] = 1.0;
        assertEquals(56, divergesAt(0.001, losses), "one fine minibatch in between delays it by one (t+1)");
        assertEquals(0.4, LossWatch.quantile(new double[]{0, 1}, 0.4), 1e-12);
    }

    @Test
    void heavyTailedNoiseNeverDiverges() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(-1, divergesAt(0.05, heavyTailed(seed, 5000, 0.1, 20)), "10% at 20x, seed " + seed);
            assertEquals(-1, divergesAt(0.05, heavyTailed(seed, 2000, 0.15, 15)), "15% at 15x, seed " + seed);
        }
    }

    @Test
    void healthyMeansTheLevelIsWithinTwiceTheReference() {
        State s = WATCH.firstMove(State.INITIAL, 0.5);
        assertTrue(WATCH.healthy(s), "nothing seen yet");
        s = WATCH.next(WATCH.next(s, 2.0), 3.9);
        assertTrue(WATCH.healthy(s), "median(2, 3.9) = 2.95 <= 2 x 2 (the first loss)");
        s = WATCH.next(s, 4.5);
        assertTrue(WATCH.healthy(s), "median(2, 3.9, 4.5) = 3.9 <= 4 (t-1)");
        s = WATCH.next(s, 5.0);
        assertFalse(WATCH.healthy(s), "median(2, 3.9, 4.5, 5) = 4.2 > 4 (t)");
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LossWatch(1.0));
        assertEquals("Expected divergenceFactor > 1 and finite, but got 1.0", e.getMessage());
    }
}
