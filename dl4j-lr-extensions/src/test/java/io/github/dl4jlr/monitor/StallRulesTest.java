package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StallRulesTest {

    private static final double LOW = 1e-4;
    private static final double HIGH = 1e-2;

    /** Epochs (0-based) at which the rules warn for this loss sequence. */
    private static List<Integer> warnings(StallRules rules, double... losses) {
        List<Integer> at = new ArrayList<>();
        StallRules.State s = StallRules.State.INITIAL;
        for (int e = 0; e < losses.length; e++) {
            StallRules.Step step = rules.next(s, losses[e]);
            s = step.state();
            if (step.warn()) {
                at.add(e);
            }
        }
        return at;
    }

    @Test
    void warnsAtThePatienceEpochAndOncePerStreak() {
        StallRules rules = new StallRules(3, 1e-3);
        // the javadoc's worked values
        assertEquals(List.of(4, 9), warnings(rules, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5));
        // t-1: two flat epochs after the best are not enough
        assertEquals(List.of(), warnings(rules, 1.0, 1.0, 1.0));
        // t: the third flat epoch warns; t+1: a long streak warns once only
        assertEquals(List.of(3), warnings(rules, 1.0, 1.0, 1.0, 1.0));
        assertEquals(List.of(3), warnings(rules, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    @Test
    void anImprovementSmallerThanTheThresholdDoesNotCount() {
        StallRules rules = new StallRules(2, 1e-2);
        // each epoch 0.5% better: below the 1% threshold
        assertEquals(List.of(2), warnings(rules, 1.0, 0.995, 0.990));
        // each epoch 2% better: never a stall
        assertEquals(List.of(), warnings(rules, 1.0, 0.98, 0.9604, 0.941192, 0.922368));
    }

    @Test
    void nonFiniteLossesCountAsNoImprovement() {
        assertEquals(List.of(2), warnings(new StallRules(2, 1e-3), 1.0, Double.NaN, Double.POSITIVE_INFINITY));
    }

    @Test
    void theBestLossIsReported() {
        StallRules rules = new StallRules(1, 0);
        StallRules.Step first = rules.next(StallRules.State.INITIAL, 2.0);
        StallRules.Step second = rules.next(first.state(), 3.0);
        assertTrue(second.warn());
        assertEquals(2.0, second.best());
    }

    /** A scripted run: per epoch a loss and the medians of its checks; returns the cause of the first warning. */
    private static StallCause scripted(double[] losses, double[][] checkMedians) {
        StallRules rules = new StallRules(3, 1e-2);
        StallRules.State s = StallRules.State.INITIAL;
        for (int e = 0; e < losses.length; e++) {
            StallRules.Step step = rules.next(s, losses[e]);
            s = step.state();
            if (step.warn()) {
                List<Double> recent = new ArrayList<>();
                for (int k = Math.max(0, e - rules.patience() + 1); k <= e; k++) {
                    for (double m : checkMedians[k]) {
                        recent.add(m);
                    }
                }
                return StallRules.cause(recent.stream().mapToDouble(Double::doubleValue).toArray(), LOW, HIGH,
                        s.first(), s.lowest(), Double.NaN, false, false);
            }
        }
        throw new AssertionError("no warning");
    }

    @Test
    void lowRatiosOnAFlatLossMeanTheLearningRateIsTooLow() {
        double[] losses = {1.10, 1.0999, 1.0998, 1.0998, 1.0997};
        double[][] ratios = {{2e-6, 3e-6}, {2e-6, 2e-6}, {1e-6, 2e-6}, {2e-6, 1e-6}, {1e-6, 1e-6}};
        assertEquals(StallCause.LR_TOO_LOW, scripted(losses, ratios));
    }

    @Test
    void inBandRatiosOnAFlatLossAreAPlateau() {
        double[] losses = {2.0, 1.2, 0.80, 0.7995, 0.7999, 0.7993};
        double[][] ratios = {{3e-3}, {2e-3, 1e-3}, {1e-3, 9e-4}, {8e-4}, {1e-3}, {7e-4}};
        assertEquals(StallCause.PLATEAU, scripted(losses, ratios));
    }

    @Test
    void inBandRatiosOnALossThatNeverFellMeanNoProgress() {
        // the demo's Nesterov at 1e-3: 4.829 -> 4.790 over four epochs, ratios at the band's lower edge
        double[] losses = {4.829, 4.815, 4.806, 4.798, 4.790};
        double[][] ratios = {{1.2e-4}, {1.1e-4, 1.0e-4}, {1.1e-4}, {1.1e-4}, {1.2e-4}};
        assertEquals(StallCause.NO_PROGRESS, scripted(losses, ratios));
    }

    @Test
    void highRatiosOnABouncingLossMeanOscillation() {
        double[] losses = {1.5, 1.2, 1.6, 1.3, 1.4};
        double[][] ratios = {{5e-2}, {4e-2, 6e-2}, {8e-2}, {5e-2, 7e-2}, {6e-2}};
        assertEquals(StallCause.LR_TOO_HIGH, scripted(losses, ratios));
    }

    @Test
    void theCauseUsesTheMedianAndIsUnknownWithoutChecks() {
        // first epoch 2.0, best 1.6: real progress, not yet fitted
        // one wild check does not move the median
        assertEquals(StallCause.PLATEAU, StallRules.cause(new double[]{1e-3, 2e-3, 5.0},
                LOW, HIGH, 2, 1.6, Double.NaN, false, false));
        // at the band's edges: equal to an edge is in the band, just past it is not
        assertEquals(StallCause.PLATEAU, StallRules.cause(new double[]{LOW},
                LOW, HIGH, 2, 1.6, Double.NaN, false, false));
        assertEquals(StallCause.PLATEAU, StallRules.cause(new double[]{HIGH},
                LOW, HIGH, 2, 1.6, Double.NaN, false, false));
        assertEquals(StallCause.LR_TOO_LOW, StallRules.cause(new double[]{Math.nextDown(LOW)},
                LOW, HIGH, 2, 1.6, Double.NaN, false, false));
        assertEquals(StallCause.LR_TOO_HIGH, StallRules.cause(new double[]{Math.nextUp(HIGH)},
                LOW, HIGH, 2, 1.6, Double.NaN, false, false));
        assertEquals(StallCause.UNKNOWN, StallRules.cause(new double[0], LOW, HIGH, 2, 1.6, Double.NaN, false, false));
        assertEquals(StallCause.UNKNOWN, StallRules.cause(new double[]{Double.NaN},
                LOW, HIGH, 2, 1.6, Double.NaN, false, false));
    }

    @Test
    void noProgressIsAFallOfLessThanFivePercentFromTheFirstEpoch() {
        double[] inBand = {1e-3};
        // t-1, t, t+1 around a 5% fall from 1.0
        assertEquals(StallCause.NO_PROGRESS, StallRules.cause(inBand, LOW, HIGH, 1.0, 0.951, Double.NaN, false, false));
        assertEquals(StallCause.PLATEAU, StallRules.cause(inBand, LOW, HIGH, 1.0, 0.95, Double.NaN, false, false));
        assertEquals(StallCause.PLATEAU, StallRules.cause(inBand, LOW, HIGH, 1.0, 0.949, Double.NaN, false, false));
        // a first epoch that already left its chance level got going: t-1, t, t+1 around 0.9 x 3.26 = 2.934
        assertEquals(StallCause.NO_PROGRESS, StallRules.cause(inBand, LOW, HIGH, 2.94, 2.93, 3.26, false, false));
        assertEquals(StallCause.NO_PROGRESS, StallRules.cause(inBand, LOW, HIGH, 0.9 * 3.26, 2.9, 3.26, false, false));
        assertEquals(StallCause.PLATEAU, StallRules.cause(inBand, LOW, HIGH, 2.93, 2.93, 3.26, false, false));
        // Adam at 30x on the letters: 2.62 in its first epoch, never better after it
        assertEquals(StallCause.PLATEAU, StallRules.cause(inBand, LOW, HIGH, 2.618, 2.618, 3.26, false, false));
        // an unknown first loss is no evidence of "no progress"
        assertTrue(Double.isNaN(StallRules.fall(Double.NaN, 0.5)));
        assertEquals(StallCause.PLATEAU, StallRules.cause(inBand,
                LOW, HIGH, Double.NaN, 0.5, Double.NaN, false, false));
        assertEquals(0.5, StallRules.fall(2.0, 1.0), 1e-15);
        // the first finite loss is remembered, and the lowest moves by any amount while the plateau's best does not
        StallRules rules = new StallRules(3, 1e-2);
        StallRules.State s = rules.next(rules.next(StallRules.State.INITIAL, Double.NaN).state(), 3.0).state();
        StallRules.Step step = rules.next(s, 2.999);
        assertEquals(3.0, step.state().first());
        assertEquals(2.999, step.state().lowest());
        assertEquals(3.0, step.best());
        assertEquals(2.999, rules.next(step.state(), Double.NaN).state().lowest());
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StallRules(0, 1e-3));
        assertEquals("Expected patience > 0, but got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainingHealthMonitor.builder().lossStall(3, Double.NaN));
        assertTrue(e.getMessage().equals("Expected lossStall threshold in [0.0, 1.0), but got NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingHealthMonitor.builder().lossStall(-2, 1e-3));
        assertEquals("Expected lossStall epochs > 0, but got -2", e.getMessage());
    }

    @Test
    void aDeadNetworkAndARateLoweredOnPurposeComeFirst() {
        double[] below = {1e-6};
        assertEquals(StallCause.NETWORK_DEAD, StallRules.cause(below, LOW, HIGH, 2.3, 2.29, Double.NaN, true, true),
                "dead whatever the ratios say: never 'try x10'");
        assertEquals(StallCause.LR_LOWERED, StallRules.cause(below, LOW, HIGH, 2.3, 0.5, Double.NaN, false, true));
        assertEquals(StallCause.LR_LOWERED, StallRules.cause(new double[]{1e-3},
                LOW, HIGH, 2.3, 0.5, Double.NaN, false, true));
        assertEquals(StallCause.LR_LOWERED, StallRules.cause(new double[0],
                LOW, HIGH, 2.3, 0.5, Double.NaN, false, true),
                "no check ran, but the rate was lowered: still expected");
        assertEquals(StallCause.LR_TOO_HIGH, StallRules.cause(new double[]{Math.nextUp(HIGH)},
                LOW, HIGH, 2.3, 0.5, Double.NaN,
                false, true), "still above the band after a cut: too high");
        assertEquals(StallCause.LR_TOO_LOW, StallRules.cause(below, LOW, HIGH, 2.3, 2.0, Double.NaN, false, false));
    }

    @Test
    void lowRatiosBelowThreeQuartersOfTheChanceLevelAreAPlateauNotATooLowRate() {
        // a stall is a pace that is no longer steady, so below three quarters the network has fitted
        double[] below = {1e-6};
        assertEquals(StallCause.LR_TOO_LOW, StallRules.cause(below, LOW, HIGH, 2.0, 1.5, Double.NaN, false, false),
                "three quarters of the first epoch (t)");
        assertEquals(StallCause.PLATEAU, StallRules.cause(below, LOW, HIGH, 2.0, Math.nextDown(1.5), Double.NaN, false,
                false), "below it (t+1): the network has fitted, its steps shrink with its gradients");
        assertEquals(StallCause.LR_TOO_LOW, StallRules.cause(below, LOW, HIGH, 2.0, 0.75, 1.0, false, false),
                "far below its first epoch, at three quarters of its chance level (t): not fitted");
        assertEquals(StallCause.PLATEAU, StallRules.cause(below,
                LOW, HIGH, 2.0, Math.nextDown(0.75), 1.0, false, false),
                "below three quarters of the chance level (t+1)");
    }

    @Test
    void aGoodRunAtATableFloorIsAPlateau() {
        // recorded: Kuhn and Johnson's two-predictor table, momentum at its best rate 1e-3, seed 0: first epoch 0.6869,
        // lowest 0.4136 against a chance level of 0.6908 (0.60 of it), stalled at epoch 6 with a median ratio of
        // 7.2e-5; the stall said "too low (try x10)", and 1e-2 ended with a test loss of 0.453 against 0.440
        assertEquals(StallCause.PLATEAU, StallRules.cause(new double[]{7.2e-5}, LOW, HIGH, 0.6869, 0.4136, 0.6908,
                false, false));
    }
}
