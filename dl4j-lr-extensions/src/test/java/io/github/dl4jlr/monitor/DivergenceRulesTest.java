package io.github.dl4jlr.monitor;

import io.github.dl4jlr.monitor.DivergenceRules.State;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's divergence and health rules on scripted loss sequences. */
class DivergenceRulesTest {

    private static final DivergenceRules WATCH = new DivergenceRules(4, 1e-3);

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
    void aBlowUpFromTheFirstUpdateIsCaughtAtTheTenthLoss() {
        // Adam at lr 10 on an MLP: 3.81 before the first update, which moved every weight by about its size.
        double[] blowUp = {3.81, 20.9, 20.9, 22.2, 18.6, 20.9, 21.5, 19.9, 20.9, 22.0, 20.4};
        assertEquals(9, divergesAt(1.0, blowUp), "worked example: the median of nine losses after the first > 15.24");
        assertEquals(-1, divergesAt(1.0, java.util.Arrays.copyOf(blowUp, 9)), "nine losses are too few to judge (t-1)");
        assertEquals(-1, divergesAt(0.099, blowUp),
                "a first update below 10% of the weights is an ordinary one: the start rule stays out");
    }

    @Test
    void aHighRateThatJumpsInItsFirstStepsAndComesBackIsNoDivergence() {
        // Adam at 0.1 on the two-predictor table, seed 0: the best rate of its grid with a validation split; the median
        // of the two losses after the first, 4.1, was above 4 x 0.797 and used to stop it at the third loss
        assertEquals(-1, divergesAt(0.5, 0.797, 6.683, 1.553, 5.007, 1.657, 1.328, 0.853, 0.884, 1.348, 0.408, 0.773,
                0.694, 0.760, 0.386, 0.376));
        // the same start, then losses that stay above 4 x 0.797: diverged once nine losses follow the first (t)
        assertEquals(9, divergesAt(0.5, 0.797, 6.683, 1.553, 5.007, 3.3, 3.4, 3.5, 3.3, 3.6, 3.4));
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
        assertEquals(0.4, DivergenceRules.quantile(new double[]{0, 1}, 0.4), 1e-12);
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

    /** The state after feeding {@code losses}, the first update having moved the parameters by 1%. */
    private static State fed(double... losses) {
        State s = WATCH.firstMove(State.INITIAL, 0.01);
        for (double l : losses) {
            s = WATCH.next(s, l);
        }
        return s;
    }

    /** {@code n} copies of {@code value}. */
    private static double[] repeat(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static double[] concat(double[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void aConvergedNetworkWanderingTenfoldNearZeroNeverDiverges() {
        // The run: start 1.6 (5 classes), then minibatch losses moving between 3.6e-7 and 3.8e-6.
        Random r = new Random(3);
        double[] noise = new double[3000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (i / 250 % 2 == 0 ? 3.6e-7 : 3.8e-6) * Math.exp(0.3 * r.nextGaussian());
        }
        assertEquals(-1, divergesAt(0.01, concat(new double[]{1.6}, repeat(30, 0.5), noise)),
                "a rise of 3e-6 undoes nothing of a fall of 1.6, and lies below the 1e-3 floor");
    }

    @Test
    void aLateSwingOnATrainedNetworkIsNotADivergence() {
        // digits, Adam 1e-2: lowest level 0.0066, later 0.05 (7.7x), at 97% accuracy; start 2.3
        State s = fed(concat(new double[]{2.3}, repeat(40, 0.0066), repeat(40, 0.05)));
        assertFalse(WATCH.diverged(s), "0.05 - 0.0066 = 0.043 < 0.1 x (2.3 - 0.0066)");
        assertTrue(WATCH.healthy(s), "and it is healthy by the same measure");
    }

    @Test
    void theRiseMustUndoATenthOfTheProgressSinceTheStart() {
        // start 2.0, reference 0.01 (no noise): 4x is 0.04, a tenth of the progress is 0.199
        double[] base = concat(new double[]{2.0}, repeat(30, 0.01));
        assertEquals(-1, spikeAt(concat(base, repeat(30, 0.2))), "20x, but 0.19 undone (t-1)");
        assertEquals(-1, spikeAt(concat(base, repeat(30, 0.209))), "exactly a tenth is not more (t)");
        assertEquals(46, spikeAt(concat(base, repeat(30, 0.21))), "0.2 undone: a spike at the 16th high loss (t+1)");
    }

    /** Index of the loss at which a spike began, or -1. */
    private static int spikeAt(double... losses) {
        State s = WATCH.firstMove(State.INITIAL, 0.01);
        for (int i = 0; i < losses.length; i++) {
            s = WATCH.next(s, losses[i]);
            if (WATCH.spikeBegan(s)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aRiseOfHalfTheProgressDivergesAtOnce() {
        // start 2.1, reference 0.1: half the progress is 1.0, so a level of 1.1; the 16th high loss sets the 40th
        // percentile to the high value
        double[] base = concat(new double[]{2.1}, repeat(30, 0.1));
        assertEquals(-1, divergesAt(0.01, concat(base, repeat(20, 1.09))), "49.5% undone: only a spike (t-1)");
        assertEquals(46, divergesAt(0.01, concat(base, repeat(20, 1.1))), "50% undone (t)");
        assertEquals(46, divergesAt(0.01, concat(base, repeat(20, 1.11))), "50.5% undone (t+1)");
        assertEquals(45, spikeAt(concat(base, repeat(20, 1.09))), "the 15th high loss: 0.1 + 0.6 x 0.99, 30% undone");
        // a real blow-up in the middle of training, from 0.3 back to 2.0 with start 2.3: caught at the 15th high loss,
        // where the 40th percentile is 0.3 + 0.6 x 1.7 = 1.32, 51% of the progress
        assertEquals(45, divergesAt(0.01, concat(new double[]{2.3}, repeat(30, 0.3), repeat(30, 2.0))));
    }

    @Test
    void aSpikeThatLastsFiftyLossesIsADivergence() {
        // start 2.0, reference 0.01: 0.5 undoes a quarter of the progress; the spike begins at the 15th high loss,
        // index 45, where the 40th percentile is 0.01 + 0.6 x 0.49 = 0.304
        double[] base = concat(new double[]{2.0}, repeat(30, 0.01));
        assertEquals(45, spikeAt(concat(base, repeat(100, 0.5))));
        assertEquals(-1, divergesAt(0.01, concat(base, repeat(64, 0.5))), "49 losses after it began (t-1)");
        assertEquals(95, divergesAt(0.01, concat(base, repeat(65, 0.5))), "50 losses after it began (t)");
        assertEquals(95, divergesAt(0.01, concat(base, repeat(100, 0.5))), "a longer spike diverges at the same loss");
        assertEquals(-1, divergesAt(0.01, concat(base, repeat(40, 0.5), repeat(25, 0.015), repeat(40, 0.5))),
                "a spike that came back within twice the reference ends; the next one starts its own count");
        assertEquals(-1, divergesAt(0.01, concat(base, repeat(40, 0.5), repeat(60, 0.015))),
                "the vowels' SGD at 1.0: a jump that comes back is never a divergence");
    }

    @Test
    void aLossThatNeverFellMayDivergeByTheRatioAlone() {
        double[] base = concat(new double[]{1.0}, repeat(30, 1.0));
        assertEquals(46, divergesAt(0.01, concat(base, repeat(30, 4.5))), "start <= reference: 4.5x is enough");
        assertEquals(-1, divergesAt(0.01, concat(base, repeat(30, 4.0))), "4x exactly is not above it");
    }

    @Test
    void belowTheFloorNothingDiverges() {
        DivergenceRules watch = new DivergenceRules(4, 1e-3);
        State s = watch.firstMove(State.INITIAL, 0.01);
        for (double l : concat(new double[]{1e-5}, repeat(30, 1e-5), repeat(30, 9.9e-4))) {
            s = watch.next(s, l);
        }
        assertFalse(watch.diverged(s), "a monitor attached to a trained network: 99x, but below 1e-3");
        DivergenceRules noFloor = new DivergenceRules(4, 0);
        State t = noFloor.firstMove(State.INITIAL, 0.01);
        for (double l : concat(new double[]{1e-5}, repeat(30, 1e-5), repeat(30, 9.9e-4))) {
            t = noFloor.next(t, l);
        }
        assertTrue(noFloor.diverged(t), "without the floor the same rise counts");
    }

    @Test
    void theRiseMustExceedThreeTimesTheNoiseOfTheReferenceWindow() {
        // reference window alternating 0.05 and 0.25: median 0.05 or 0.25 ... use a spread whose median is 0.1
        double[] noisy = new double[40];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = new double[]{0.02, 0.1, 0.3}[i % 3];
        }
        State s = fed(concat(new double[]{3.0}, noisy));
        double iqr = s.noise();
        assertEquals(0.28, iqr, 1e-9, "interquartile range of the window that set the reference");
        assertFalse(WATCH.diverged(fed(concat(new double[]{3.0}, noisy, repeat(30, 0.1 + 3 * 0.28 - 0.01)))),
                "above 4x the reference and past a tenth of the progress, but within 3 IQRs (t-1)");
        assertTrue(WATCH.diverged(fed(concat(new double[]{3.0}, noisy, repeat(80, 0.1 + 3 * 0.28 + 0.01)))),
                "(t+1), a spike of 29% of the progress that lasted 50 losses");
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException floor = assertThrows(IllegalArgumentException.class, () -> new DivergenceRules(4, -1));
        assertEquals("Expected divergenceFloor >= 0 and finite, but got -1.0", floor.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DivergenceRules(1.0, 1e-3));
        assertEquals("Expected divergenceFactor > 1 and finite, but got 1.0", e.getMessage());
    }
}
