package io.github.dl4jlr.monitor;

import io.github.dl4jlr.monitor.RatioRules.Streak;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's pure rules, without a network. */
class MonitorPolicyTest {

    @Test
    void ratioIsMeanAbsUpdateOverMeanAbsParam() {
        assertEquals(1e-3, RatioRules.ratio(0.5, 500), 1e-18);
        assertTrue(Double.isNaN(RatioRules.ratio(0.1, 0)), "all-zero parameters have no ratio");
    }

    @Test
    void verdictsAtTheBandEdges() {
        assertEquals(RatioVerdict.OK, RatioRules.verdict(1e-4, 1e-4, 1e-2));
        assertEquals(RatioVerdict.OK, RatioRules.verdict(1e-2, 1e-4, 1e-2));
        assertEquals(RatioVerdict.LOW, RatioRules.verdict(9.99e-5, 1e-4, 1e-2));
        assertEquals(RatioVerdict.HIGH, RatioRules.verdict(1.001e-2, 1e-4, 1e-2));
        assertEquals(RatioVerdict.UNDEFINED, RatioRules.verdict(Double.NaN, 1e-4, 1e-2));
        assertTrue(RatioRules.judged(2));
        assertTrue(RatioRules.judged(4));
        assertFalse(RatioRules.judged(1), "vectors (biases) are not judged");
    }

    @Test
    void warnsOnceWhenPatienceRunsOutAndReArmsAfterRecovery() {
        Streak s = Streak.NONE;
        int warnings = 0;
        RatioVerdict[] script = {RatioVerdict.HIGH, RatioVerdict.HIGH, RatioVerdict.HIGH, RatioVerdict.HIGH,
                RatioVerdict.HIGH, RatioVerdict.OK, RatioVerdict.HIGH, RatioVerdict.HIGH, RatioVerdict.HIGH};
        int[] warnedAt = new int[2];
        for (int i = 0; i < script.length; i++) {
            s = s.next(script[i], false);
            if (s.shouldWarn(3)) {
                warnedAt[warnings++] = i;
                s = s.markWarned();
            }
        }
        assertEquals(2, warnings);
        assertEquals(2, warnedAt[0], "third consecutive HIGH");
        assertEquals(8, warnedAt[1], "third HIGH after coming back into the band");
    }

    @Test
    void aDirectionFlipStartsANewStreakAndUndefinedChecksAreIgnored() {
        Streak s = Streak.NONE.next(RatioVerdict.HIGH, false).next(RatioVerdict.HIGH, false)
                .next(RatioVerdict.LOW, false);
        assertEquals(new Streak(RatioVerdict.LOW, 1, false, 0), s);
        s = s.next(RatioVerdict.UNDEFINED, false).next(RatioVerdict.LOW, false);
        assertEquals(2, s.length());
        assertFalse(s.shouldWarn(3));
        assertTrue(s.next(RatioVerdict.LOW, false).shouldWarn(3));
    }

    @Test
    void adviceNamesTheDirection() {
        assertEquals("learning rate likely too high for this layer (try x0.1)", RatioRules.advice(RatioVerdict.HIGH));
        assertEquals("learning rate likely too low for this layer (try x10)", RatioRules.advice(RatioVerdict.LOW));
    }

    @Test
    void checkLineIsStableAndGreppable() {
        RatioCheck ok = new RatioCheck(0, 120, 1, 1e-3, List.of("0_W", "0_b", "1_W"), new double[]{1.2e-3, 8.1e-4, 9.7e-4},
                List.of(RatioVerdict.OK, RatioVerdict.UNDEFINED, RatioVerdict.OK), new double[]{Double.NaN, Double.NaN, Double.NaN});
        assertEquals("iter=120 epoch=1 lr=1.0e-03 update/param 0_W=1.2e-03 0_b=8.1e-04 1_W=9.7e-04 [ok]",
                MonitorMessages.check(ok));
        RatioCheck bad = new RatioCheck(0, 7, 0, 0.1, List.of("0_W", "0_b", "2_W"), new double[]{3.4e-2, Double.NaN, 2e-5},
                List.of(RatioVerdict.HIGH, RatioVerdict.UNDEFINED, RatioVerdict.LOW), new double[]{Double.NaN, Double.NaN, Double.NaN});
        assertEquals("iter=7 epoch=0 lr=1.0e-01 update/param 0_W=3.4e-02 0_b=n/a 2_W=2.0e-05 [high: 0_W; low: 2_W]",
                MonitorMessages.check(bad));
    }

    @Test
    void diagnosisBlamesWhatWasNonFiniteFirst() {
        Diagnosis injected = new Diagnosis(5, 0, 1e-3, Double.NaN, true, List.of(), List.of(), List.of("1_W"),
                List.of("1_W", "0_W"), List.of("0_W", "0_b", "1_W"), List.of("0_W", "1_W"), -1);
        assertEquals(Cause.PARAMS_ALREADY_NON_FINITE, injected.cause());
        assertEquals(List.of("1_W"), injected.culprits());
        assertEquals("1", injected.key());
        assertTrue(injected.message().contains("parameters 1_W were already NaN/Inf before this step"), injected.message());

        Diagnosis input = new Diagnosis(3, 0, 1e-3, Double.NaN, true, List.of("b"), List.of(), List.of(),
                List.of("1_W", "0_W"), List.of("0_W", "0_b"), List.of("0_W", "0_b"), -1);
        assertEquals(Cause.BAD_INPUT, input.cause());
        assertEquals("b", input.key(), "keyed to the input that holds the NaN, not to a layer");
        assertEquals(Boolean.FALSE, input.inputFinite());
        assertTrue(input.message().startsWith("Non-finite training state at iter=3 epoch=0 lr=1.0e-03 (score=NaN): "
                + "the minibatch input 'b' contains NaN/Inf"), input.message());

        Diagnosis labels = new Diagnosis(3, 0, 1e-3, Double.NaN, true, List.of(), List.of("out2"), List.of(),
                List.of(), List.of(), List.of(), -1);
        assertEquals(Cause.BAD_LABELS, labels.cause());
        assertEquals("out2", labels.key());
        assertTrue(labels.message().contains("labels for output 'out2' contain NaN/Inf"), labels.message());

        Diagnosis lr = new Diagnosis(9, 2, 1e3, 1e30, false, List.of(), List.of(), List.of(), List.of(),
                List.of("conv1_W"), List.of("conv1_W", "conv1_b"), -1);
        assertEquals(Cause.UPDATE_NON_FINITE, lr.cause());
        assertEquals("conv1", lr.key());
        assertNull(lr.inputFinite(), "data not inspected at a periodic check");
        assertTrue(lr.message().contains("The learning rate is likely too high: try x0.1"), lr.message());

        Diagnosis overflow = new Diagnosis(0, 0, 1e-3, Double.NaN, true, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), -1);
        assertEquals(Cause.LOSS_NON_FINITE, overflow.cause());
        assertEquals("loss", overflow.key());
        assertTrue(overflow.message().contains("overflowed (e.g. log(0))"), overflow.message());
    }

    @Test
    void causesSplitIntoDataAndLearningRateProblems() {
        assertTrue(Cause.BAD_INPUT.isDataProblem());
        assertTrue(Cause.BAD_LABELS.isDataProblem());
        assertFalse(Cause.BAD_INPUT.isLearningRateProblem());
        assertFalse(Cause.PARAMS_ALREADY_NON_FINITE.isLearningRateProblem());
        assertTrue(Cause.UPDATE_NON_FINITE.isLearningRateProblem());
        assertTrue(Cause.LOSS_NON_FINITE.isLearningRateProblem());
        assertTrue(Cause.LOSS_DIVERGED.isLearningRateProblem());
    }

    @Test
    void explosionMessageGivesTheNumbers() {
        LossExplosion e = new LossExplosion(9, 0, 10.0, 20.9, 20.9, 3.81, 4, true);
        assertEquals("Training diverged at iter=9 epoch=0 lr=1.0e+01: the median of the first minibatch losses, 20.9, "
                + "is 5.5x the loss before the first update, 3.81 (limit 4x; last minibatch loss 20.9). The learning rate "
                + "is likely too high: try x0.1 or run the LR finder.", e.message());
        assertTrue(new LossExplosion(90, 3, 0.1, 9.0, 5.0, 1.0, 4, false).message()
                .contains("the median of the recent minibatch losses, 5.00, is 5.0x its lowest level, 1.00 "));
        assertEquals("loss", e.key());
        assertEquals(Cause.LOSS_DIVERGED, e.cause());
    }

    @Test
    void aZeroRatioIsNotBlamedOnTheLearningRate() {
        assertTrue(RatioRules.advice(RatioVerdict.LOW, 0.0).startsWith("its updates are exactly zero: dead units"));
        assertEquals(RatioRules.advice(RatioVerdict.LOW), RatioRules.advice(RatioVerdict.LOW, 1e-6));
    }

    @Test
    void aLossFallingByMoreThanATenthOverTheStreakHoldsTheWarningBack() {
        assertTrue(RatioRules.fallingFast(1.0, 0.899), "t+1");
        assertFalse(RatioRules.fallingFast(1.0, 0.9), "t");
        assertFalse(RatioRules.fallingFast(1.0, 0.901), "t-1");
        assertFalse(RatioRules.fallingFast(Double.NaN, 0.5));
        assertFalse(RatioRules.fallingFast(1.0, Double.NaN));
    }

    @Test
    void aHighRatioCountsOnlyOnceTheLossStandsAFifthAboveItsBest() {
        assertTrue(RatioRules.risen(1.0, 1.201, 0.1), "t+1");
        assertFalse(RatioRules.risen(1.0, 1.2, 0.1), "t");
        assertFalse(RatioRules.risen(1.0, 1.199, 0.1), "t-1");
        assertFalse(RatioRules.risen(Double.NaN, 5.0, 0.1), "no level before the trend window");
        assertFalse(RatioRules.risen(0.0, 5.0, 0.1));
        assertFalse(RatioRules.risen(1.0, Double.NaN, 0.1));
        assertTrue(RatioRules.risen(1.0, 1.201, 0.0), "no full window yet: the factor alone");
    }

    @Test
    void aRiseIsMeasuredFromTheLargerOfTheLowestLevelAndTheBestEpochMean() {
        assertEquals(0.649, RatioRules.best(0.526, 0.649), 0.0);
        assertEquals(0.526, RatioRules.best(0.526, 0.5), 0.0, "a lower epoch mean does not lower the bar");
        assertEquals(0.526, RatioRules.best(0.526, Double.NaN), 0.0, "before any epoch ended");
        assertEquals(0.649, RatioRules.best(Double.NaN, 0.649), 0.0, "no level before the trend window yet");
        assertTrue(Double.isNaN(RatioRules.best(Double.NaN, Double.NaN)));
        // the computing jobs, plain SGD at its best rate: 0.652 is 1.24x the lowest level but not 1.2x the epoch's
        assertTrue(RatioRules.risen(0.526, 0.652, 0.0));
        assertFalse(RatioRules.risen(RatioRules.best(0.526, 0.649), 0.652, 0.0));
        // t-1, t, t+1 against an epoch mean of 0.5 above a lowest level of 0.4
        assertFalse(RatioRules.risen(RatioRules.best(0.4, 0.5), 0.599, 0.0));
        assertFalse(RatioRules.risen(RatioRules.best(0.4, 0.5), 0.6, 0.0));
        assertTrue(RatioRules.risen(RatioRules.best(0.4, 0.5), 0.601, 0.0));
    }

    @Test
    void aHighRatioCountsOnlyOnceTheRiseIsBeyondTheSpreadOfTheMinibatchLosses() {
        assertTrue(RatioRules.risen(1.0, 1.26, 0.25), "t+1");
        assertFalse(RatioRules.risen(1.0, 1.25, 0.25), "t");
        assertFalse(RatioRules.risen(1.0, 1.24, 0.25), "t-1");
        // the levels of telecom churn with plain SGD at its best rate (0.245 to 0.318, 1.3x) on a scripted spread
        assertFalse(RatioRules.risen(0.245, 0.318, 0.1));
        assertTrue(RatioRules.risen(0.245, 0.318, 0.05), "the same rise on a quieter loss");
    }

    @Test
    void aHighStreakWaitsForATrendWhileALowOneSpeaksAtOnce() {
        RatioRules.Streak high = RatioRules.Streak.NONE;
        RatioRules.Streak low = RatioRules.Streak.NONE;
        for (int i = 0; i < 3; i++) {
            high = high.next(RatioVerdict.HIGH, false);
            low = low.next(RatioVerdict.LOW, false);
        }
        // patience 3 reached at the third check, when only 3 loss levels exist (a trend needs 4)
        assertFalse(RatioRules.due(high, 3, true, false, false, true), "early ratios above the band are normal");
        assertTrue(RatioRules.due(low, 3, true, false, false, false), "too low is news from the first checks on");
        assertTrue(RatioRules.due(high, 3, false, false, false, true));
        assertFalse(RatioRules.due(high, 3, false, false, false, false),
                "a high ratio while the loss is no worse than its best is the rate doing its job");
        assertFalse(RatioRules.due(high, 3, false, true, false, true), "the loss falls fast: wait");
        assertFalse(RatioRules.due(low, 3, false, true, false, false));
        assertFalse(RatioRules.due(low, 3, false, false, true, false), "a network that has learned shows low ratios");
        assertTrue(RatioRules.due(low, 3, false, false, false, true), "a risen loss does not excuse a low ratio");
        assertFalse(RatioRules.due(high, 3, false, false, true, true),
                "once the loss is below half its start, a rise is read by the divergence rule, not the ratios");
        assertFalse(RatioRules.due(low.markWarned(), 3, false, false, false, false), "once per streak");
        assertFalse(RatioRules.due(low, 4, false, false, false, false), "patience not reached");
    }

    @Test
    void extremeStepsAreReportedAtOnceWhateverTheTrend() {
        // a ratio of 10x the band's top is extreme: 0.1 is, 0.0999 is not (band top 1e-2)
        assertTrue(RatioRules.extreme(0.1, 1e-2));
        assertFalse(RatioRules.extreme(0.0999, 1e-2));
        RatioRules.Streak s = RatioRules.Streak.NONE.next(RatioVerdict.HIGH, false).next(RatioVerdict.HIGH, true)
                .next(RatioVerdict.HIGH, true);
        assertEquals(new RatioRules.Streak(RatioVerdict.HIGH, 3, false, 2), s);
        // early and while the loss falls fast: 2 extreme checks of 3 wait (t-1), 3 speak (t), 4 too (t+1)
        assertFalse(RatioRules.due(s, 3, true, true, false, false), "t-1");
        RatioRules.Streak three = s.next(RatioVerdict.HIGH, true);
        assertTrue(RatioRules.due(three, 3, true, true, false, false), "t");
        assertTrue(RatioRules.due(three.next(RatioVerdict.HIGH, true), 3, true, true, false, false), "t+1");
        assertFalse(RatioRules.due(three, 3, true, true, true, false), "a network that has learned: no ratio advice");
        assertFalse(RatioRules.due(three.markWarned(), 3, true, true, false, false), "once per streak");
        assertEquals(0, three.next(RatioVerdict.HIGH, false).extreme(), "a check that is not extreme ends the count");
        assertEquals(0, three.next(RatioVerdict.OK, true).extreme());
        assertEquals(0, RatioRules.Streak.NONE.next(RatioVerdict.LOW, true).extreme(), "only above the band");
        assertEquals(three, three.next(RatioVerdict.UNDEFINED, true), "an undefined ratio changes nothing");
    }

    @Test
    void prodigyIsNeverToldToScaleItsMultiplierTenfold() {
        String high = RatioRules.prodigyAdvice(RatioVerdict.HIGH);
        String low = RatioRules.prodigyAdvice(RatioVerdict.LOW);
        assertTrue(high.contains("lower Prodigy's multiplier (e.g. 0.5)"), high);
        assertTrue(low.contains("Prodigy grows its step size by itself"), low);
        assertFalse(high.contains("x0.1") || low.contains("x10"), high + " / " + low);
    }

    @Test
    void aSpreadNaNBlamesTheReplicaItCameFrom() {
        Diagnosis spread = new Diagnosis(40, 0, 1e-3, Double.NaN, true, List.of(), List.of(), List.of("0_W"),
                List.of("0_W"), List.of("0_W"), List.of("0_W"), 0);
        assertEquals(Cause.PARAMS_ALREADY_NON_FINITE, spread.cause());
        assertTrue(spread.message().contains("replica 0 went non-finite first, and ParallelWrapper's parameter averaging "
                + "copied its state into this one"), spread.message());
        assertFalse(spread.message().contains("a manual change"), spread.message());
    }

    @Test
    void aDeadNetworkIsALearningRateProblemWithAdviceToGoLower() {
        DeadNetwork d = new DeadNetwork(40, 0, 0.3, 2.33, 2.30, List.of("0_W", "1_W"), 3, 20, 0.83);
        assertEquals(Cause.NETWORK_DEAD, d.cause());
        assertTrue(d.cause().isLearningRateProblem());
        assertEquals("The network is dead at iter=40 epoch=0 lr=3.0e-01: the loss, 2.33, sits at its chance level, 2.30, "
                + "and the gradients of 2 of its 3 weight arrays (0_W, 1_W) have vanished since iter=20. The learning rate was too high early (the first update moved the weights by 83% of their "
                + "size): roll back or restart at a lower rate (try x0.1, or pick one with LearningRateFinder); raising "
                + "it will not help.", d.message());
    }

    @Test
    void aDeadNetworkSaysWhereItsLossStandsAgainstItsChanceLevel() {
        // a sigmoid stuck on the rare class of a lopsided table sits far above its chance level
        assertTrue(new DeadNetwork(20, 0, 10, 2.88, 0.234, List.of("0_W"), 1, 10, 1.0).message()
                .contains("the loss, 2.88, is 12.3x its chance level, 0.234, and"));
        assertEquals("is 1.3x its chance level", DeadNetwork.whereToChance(Math.nextUp(1.25)), "t+1");
        assertEquals("sits at its chance level", DeadNetwork.whereToChance(1.25), "t");
        assertEquals("sits at its chance level", DeadNetwork.whereToChance(0.8), "t");
        assertEquals("is 80% of its chance level", DeadNetwork.whereToChance(Math.nextDown(0.8)), "t-1");
        assertEquals("is 50% of its chance level", DeadNetwork.whereToChance(0.5));
    }

    @Test
    void aLossBelowHalfItsStartHasLearned() {
        assertFalse(RatioRules.learned(2.0, Double.NaN, 1.0), "t");
        assertTrue(RatioRules.learned(2.0, Double.NaN, Math.nextDown(1.0)), "t+1");
        assertFalse(RatioRules.learned(Double.NaN, Double.NaN, 0.1), "no start: nothing learned");
        assertTrue(RatioRules.learned(2.0, 2.3, Math.nextDown(1.0)),
                "a chance level above the start: the start counts");
    }

    @Test
    void belowThreeQuartersWithAPaceThatIsNoLongerSteadyANetworkHasFitted() {
        assertFalse(RatioRules.fitted(2.0, 1.0, 0.75, false), "t: three quarters of the chance level");
        assertTrue(RatioRules.fitted(2.0, 1.0, Math.nextDown(0.75), false), "t+1");
        assertFalse(RatioRules.fitted(2.0, 1.0, Math.nextDown(0.75), true), "a steady pace: the rate sets it");
        assertFalse(RatioRules.fitted(2.0, 1.0, 0.5, true), "t: half, at a steady pace");
        assertTrue(RatioRules.fitted(2.0, 1.0, Math.nextDown(0.5), true), "t+1: learned, whatever the pace");
        assertFalse(RatioRules.fitted(2.0, Double.NaN, 1.5, false), "t: three quarters of the start");
        assertTrue(RatioRules.fitted(2.0, Double.NaN, Math.nextDown(1.5), false), "t+1");
        assertFalse(RatioRules.fitted(Double.NaN, Double.NaN, 0.1, false), "no start: nothing fitted");
    }

    @Test
    void onALopsidedTableTheLossMustFallBelowHalfItsChanceLevel() {
        // a draw of Statlog shuttle: a first loss of ln 7 = 1.95 (a uniform guess), a chance level (class frequencies)
        // of 0.65; SGD at a hundredth of a good rate stood at 0.48 and 0.36 after its second and third epochs
        assertFalse(RatioRules.learned(1.95, 0.65, 0.48), "halved from its start, but not below half of chance");
        assertFalse(RatioRules.learned(1.95, 0.65, 0.325), "t");
        assertTrue(RatioRules.learned(1.95, 0.65, Math.nextDown(0.325)), "t+1");
    }

    @Test
    void aRatioLineIsNewsOnlyTheFirstTimeOrWhenTwiceAsFarOut() {
        assertTrue(RatioRules.news(RatioVerdict.HIGH, 1.0e-2, Double.NaN), "the run's first line of its direction");
        assertFalse(RatioRules.news(RatioVerdict.HIGH, 1.1e-2, 1.0e-2), "a healthy run just over the band, again");
        assertFalse(RatioRules.news(RatioVerdict.HIGH, 1.99e-2, 1.0e-2));
        assertTrue(RatioRules.news(RatioVerdict.HIGH, 2.0e-2, 1.0e-2), "twice as high: worse");
        assertFalse(RatioRules.news(RatioVerdict.LOW, 6e-5, 1e-4));
        assertTrue(RatioRules.news(RatioVerdict.LOW, 5e-5, 1e-4), "half as low");
        assertTrue(RatioRules.news(RatioVerdict.LOW, 0, 1e-4), "zero updates: dead units, another story");
    }
}
