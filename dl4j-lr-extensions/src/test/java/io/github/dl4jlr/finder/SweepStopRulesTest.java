package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the range test stops, on scripted loss and movement sequences. */
class SweepStopRulesTest {

    private static final SweepStopRules STOP = new SweepStopRules(0.98, 4, 100);   // window 10

    /** Feeds (loss, movement) pairs and returns the index at which it diverged, or -1. */
    private static int divergesAt(SweepStopRules rule, double[] losses, double[] moves) {
        SweepStopRules.State s = rule.initial();
        for (int i = 0; i < losses.length; i++) {
            s = rule.next(s, losses[i], moves[i], false);
            if (rule.diverged(s)) {
                return i;
            }
        }
        return -1;
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** The minibatch losses of an MLP trained for two epochs, on fresh minibatches: mostly tiny, a few large. */
    private static final double[] TRAINED = {0.0063, 0.0072, 0.0130, 0.0098, 0.0807, 0.0047, 0.0372, 0.1959, 0.0090,
            0.0110, 0.0061, 0.0420, 0.0085, 0.0102, 0.1200, 0.0075};

    @Test
    void aRangeThatStartsTooHighIsCaughtAtTheSecondLoss() {
        double[] losses = {1.1, 9.2, 9.2, 9.2, 9.2};
        SweepStopRules rule = new SweepStopRules(0.98, 4, 50);                      // window 5
        assertEquals(1, divergesAt(rule, losses, constant(5, 3)), "worked example: median(1.1, 9.2) = 5.15 > 4.4");
    }

    @Test
    void whileTheParametersHaveNotMovedNothingDiverges() {
        assertEquals(-1, divergesAt(STOP, TRAINED, constant(TRAINED.length, 1e-5)));
        // The report this rule answers: one lucky 0.025, then 0.11 three times, at lr 3.4e-6.
        assertEquals(-1, divergesAt(STOP, new double[]{0.025, 0.11, 0.11, 0.11, 0.09, 0.08}, constant(6, 1e-4)));
    }

    @Test
    void theTrainedNetworksNoiseIsNoDivergenceOnceItMovesEither() {
        double[] losses = new double[3 * TRAINED.length];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = TRAINED[i % TRAINED.length];
        }
        double[] moves = new double[losses.length];
        Arrays.fill(moves, 0, TRAINED.length, 1e-5);                     // unchanged network first
        Arrays.fill(moves, TRAINED.length, losses.length, 0.05);          // then every step moves 5%
        assertEquals(-1, divergesAt(STOP, losses, moves));
    }

    @Test
    void heavyTailedNoiseRarelyStopsASweep() {
        // 200 synthetic sweeps: log-normal minibatch noise, 15% of minibatches 15x heavier, parameters moving from
        // step 35 on, no real rise. A rule without the quartile and the median stopped more than 80% of them.
        int stopped = 0;
        for (long seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            double[] losses = new double[100];
            double[] moves = new double[100];
            for (int i = 0; i < 100; i++) {
                losses[i] = 0.01 * Math.exp(0.5 * r.nextGaussian()) * (r.nextDouble() < 0.15 ? 15 : 1);
                moves[i] = 1e-4 * Math.pow(1.2, i / 2.0);
            }
            stopped += divergesAt(STOP, losses, moves) >= 0 ? 1 : 0;
        }
        assertTrue(stopped < 30, stopped + " of 200 noise-only sweeps stopped");
    }

    @Test
    void aFromScratchSweepStopsAtTheBlowUpNotAtTheFall() {
        for (double growth : new double[]{1.3, 1.8, 3.0}) {
            double[] losses = new double[100];
            for (int i = 0; i < 100; i++) {
                losses[i] = i < 60 ? 2.0 * Math.pow(0.97, i) : 2.0 * Math.pow(0.97, 60) * Math.pow(growth, i - 59);
            }
            int at = divergesAt(STOP, losses, constant(100, 0.05));
            assertTrue(at > 60 && at <= 75, "growth " + growth + " per step from step 60: stopped at " + at);
        }
        double[] fast = new double[100];
        for (int i = 0; i < 100; i++) {
            fast[i] = i < 60 ? 1.0 : Math.pow(3.0, i - 59);
        }
        assertEquals(64, divergesAt(STOP, fast, constant(100, 0.05)), "the first three losses above 16x: 27, 81, 243");
    }

    @Test
    void aNonFiniteMovementCountsAsMovedAndBadSettingsAreRejected() {
        SweepStopRules.State s = STOP.next(STOP.initial(), 1.0, Double.NaN, false);
        assertEquals(Double.POSITIVE_INFINITY, s.moved());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepStopRules(0.98, 1, 100));
        assertEquals("Expected divergenceFactor > 1 and finite, but got 1.0", e.getMessage());
        assertEquals(10, SweepStopRules.window(100));
        assertEquals(5, SweepStopRules.window(30));
        assertEquals(3.0, SweepStopRules.upperQuartile(new double[]{4, 1, 3, 2, 0}), 1e-12);
        assertEquals(2.25, SweepStopRules.upperQuartile(new double[]{3, 1, 2, 0}), 1e-12);
    }
}
