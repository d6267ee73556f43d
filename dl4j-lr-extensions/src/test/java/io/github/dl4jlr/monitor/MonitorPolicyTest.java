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
            s = s.next(script[i]);
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
        Streak s = Streak.NONE.next(RatioVerdict.HIGH).next(RatioVerdict.HIGH).next(RatioVerdict.LOW);
        assertEquals(new Streak(RatioVerdict.LOW, 1, false), s);
        s = s.next(RatioVerdict.UNDEFINED).next(RatioVerdict.LOW);
        assertEquals(2, s.length());
        assertFalse(s.shouldWarn(3));
        assertTrue(s.next(RatioVerdict.LOW).shouldWarn(3));
    }

    @Test
    void adviceNamesTheDirection() {
        assertEquals("learning rate likely too high for this layer (try x0.1)", RatioRules.advice(RatioVerdict.HIGH));
        assertEquals("learning rate likely too low for this layer (try x10)", RatioRules.advice(RatioVerdict.LOW));
    }

    @Test
    void checkLineIsStableAndGreppable() {
        RatioCheck ok = new RatioCheck(120, 1, 1e-3, List.of("0_W", "0_b", "1_W"), new double[]{1.2e-3, 8.1e-4, 9.7e-4},
                List.of(RatioVerdict.OK, RatioVerdict.UNDEFINED, RatioVerdict.OK));
        assertEquals("iter=120 epoch=1 lr=1.0e-03 update/param 0_W=1.2e-03 0_b=8.1e-04 1_W=9.7e-04 [ok]",
                TrainingHealthMonitor.format(ok));
        RatioCheck bad = new RatioCheck(7, 0, 0.1, List.of("0_W", "0_b", "2_W"), new double[]{3.4e-2, Double.NaN, 2e-5},
                List.of(RatioVerdict.HIGH, RatioVerdict.UNDEFINED, RatioVerdict.LOW));
        assertEquals("iter=7 epoch=0 lr=1.0e-01 update/param 0_W=3.4e-02 0_b=n/a 2_W=2.0e-05 [high: 0_W; low: 2_W]",
                TrainingHealthMonitor.format(bad));
    }

    @Test
    void diagnosisBlamesWhatWasNonFiniteFirst() {
        Diagnosis injected = new Diagnosis(5, 0, 1e-3, Double.NaN, true, List.of(), List.of(), List.of("1_W"),
                List.of("1_W", "0_W"), List.of("0_W", "0_b", "1_W"), List.of("0_W", "1_W"));
        assertEquals(Cause.PARAMS_ALREADY_NON_FINITE, injected.cause());
        assertEquals(List.of("1_W"), injected.culprits());
        assertEquals("1", injected.key());
        assertTrue(injected.message().contains("parameters 1_W were already NaN/Inf before this step"), injected.message());

        Diagnosis input = new Diagnosis(3, 0, 1e-3, Double.NaN, true, List.of("b"), List.of(), List.of(),
                List.of("1_W", "0_W"), List.of("0_W", "0_b"), List.of("0_W", "0_b"));
        assertEquals(Cause.BAD_INPUT, input.cause());
        assertEquals("b", input.key(), "keyed to the input that holds the NaN, not to a layer");
        assertEquals(Boolean.FALSE, input.inputFinite());
        assertTrue(input.message().startsWith("Non-finite training state at iter=3 epoch=0 lr=1.0e-03 (score=NaN): "
                + "the minibatch input 'b' contains NaN/Inf"), input.message());

        Diagnosis labels = new Diagnosis(3, 0, 1e-3, Double.NaN, true, List.of(), List.of("out2"), List.of(),
                List.of(), List.of(), List.of());
        assertEquals(Cause.BAD_LABELS, labels.cause());
        assertEquals("out2", labels.key());
        assertTrue(labels.message().contains("labels for output 'out2' contain NaN/Inf"), labels.message());

        Diagnosis lr = new Diagnosis(9, 2, 1e3, 1e30, false, List.of(), List.of(), List.of(), List.of(),
                List.of("conv1_W"), List.of("conv1_W", "conv1_b"));
        assertEquals(Cause.UPDATE_NON_FINITE, lr.cause());
        assertEquals("conv1", lr.key());
        assertNull(lr.inputFinite(), "data not inspected at a periodic check");
        assertTrue(lr.message().contains("The learning rate is likely too high: try x0.1"), lr.message());

        Diagnosis overflow = new Diagnosis(0, 0, 1e-3, Double.NaN, true, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
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
        LossExplosion e = new LossExplosion(2, 0, 10.0, 20.9, 20.9, 3.81, 4, true);
        assertEquals("Training diverged at iter=2 epoch=0 lr=1.0e+01: the median of the recent minibatch losses, 20.9, "
                + "is 5.5x the loss before the first update, 3.81 (limit 4x; last minibatch loss 20.9). The learning rate "
                + "is likely too high: try x0.1 or run the LR finder.", e.message());
        assertTrue(new LossExplosion(90, 3, 0.1, 9.0, 5.0, 1.0, 4, false).message()
                .contains("is 5.0x its lowest level, 1.00 "));
        assertEquals("loss", e.key());
        assertEquals(Cause.LOSS_DIVERGED, e.cause());
    }

    @Test
    void aZeroRatioIsNotBlamedOnTheLearningRate() {
        assertTrue(RatioRules.advice(RatioVerdict.LOW, 0.0).startsWith("its updates are exactly zero: dead units"));
        assertEquals(RatioRules.advice(RatioVerdict.LOW), RatioRules.advice(RatioVerdict.LOW, 1e-6));
    }
}
