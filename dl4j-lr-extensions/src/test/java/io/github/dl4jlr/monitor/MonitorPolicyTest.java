package io.github.dl4jlr.monitor;

import io.github.dl4jlr.monitor.RatioRules.Streak;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        Diagnosis injected = new Diagnosis(5, 0, 1e-3, Double.NaN, true, true, List.of("1_W"), List.of("1_W", "0_W"),
                List.of("0_W", "0_b", "1_W"), List.of("0_W", "1_W"));
        assertEquals(List.of("1_W"), injected.culprits());
        assertEquals("1", injected.firstLayer());
        assertTrue(injected.message().contains("parameters 1_W were already NaN/Inf before this step"), injected.message());

        Diagnosis input = new Diagnosis(3, 0, 1e-3, Double.NaN, false, true, List.of(), List.of("1_W", "0_W"),
                List.of("0_W", "0_b"), List.of("0_W", "0_b"));
        assertEquals("0", input.firstLayer());
        assertTrue(input.message().startsWith("Non-finite training state at iter=3 epoch=0 lr=1.0e-03 (score=NaN): "
                + "the minibatch input contains NaN/Inf"), input.message());

        Diagnosis lr = new Diagnosis(9, 2, 1e3, 1e30, true, true, List.of(), List.of(), List.of("conv1_W"),
                List.of("conv1_W", "conv1_b"));
        assertEquals("conv1", lr.firstLayer());
        assertTrue(lr.message().contains("The learning rate is likely too high: try x0.1"), lr.message());
    }
}
