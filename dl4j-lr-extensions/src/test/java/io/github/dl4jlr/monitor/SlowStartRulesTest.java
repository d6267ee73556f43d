package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slow-start rule on scripted checks and epoch ends, without a network. */
class SlowStartRulesTest {

    private static final double CHANCE = 2.3;

    private static SlowStartRules.State checks(double rate, double... peaks) {
        SlowStartRules.State s = SlowStartRules.State.INITIAL;
        for (double p : peaks) {
            s = SlowStartRules.check(s, p, rate);
        }
        return s;
    }

    @Test
    void smallStepsAllAlongAndALossNearChanceAfterThreeEpochsIsSlow() {
        SlowStartRules.State s = checks(3.2e-3, 6.8e-4, 5.1e-4, 4.9e-4);
        assertEquals(6.8e-4, s.peakRatio(), 0.0);
        assertFalse(SlowStartRules.slow(s, 2, 2.2, CHANCE, false, false), "epoch 2: not yet");
        assertTrue(SlowStartRules.slow(s, 3, 2.2, CHANCE, false, false), "the end of the third epoch");
        assertTrue(SlowStartRules.slow(s, 4, 2.2, CHANCE, false, false));
        assertFalse(SlowStartRules.slow(s, 4, 2.2, CHANCE, false, true),
                "said once per run: once said, the line has advised raising the rate");
    }

    @Test
    void oneLargeRatioEarlyIsAGoodRateWhateverFollows() {
        assertFalse(SlowStartRules.slow(checks(0.316, 7.3e-2, 5e-4, 4e-4), 3, 2.2, CHANCE, false, false));
        assertFalse(SlowStartRules.slow(checks(1e-2, 1e-4, SlowStartRules.SMALL_PEAK), 3, 2.2, CHANCE, false, false),
                "at the limit");
        assertTrue(SlowStartRules.slow(checks(1e-2, 1e-4, 2.99e-3), 3, 2.2, CHANCE, false, false), "just below it");
        assertFalse(SlowStartRules.slow(checks(1e-2, Double.NaN), 3, 2.2, CHANCE, false, false),
                "no judged ratio yet: nothing to say");
        assertEquals(5e-4, checks(1e-2, 5e-4, Double.NaN).peakRatio(), 0.0, "an unjudged check keeps the peak");
    }

    @Test
    void aNetworkThatHasLearnedIsNotSlowAFineTunedOneIncluded() {
        SlowStartRules.State s = checks(1e-4, 2e-4, 1e-4);
        assertTrue(SlowStartRules.slow(s, 3, 0.5 * CHANCE, CHANCE, false, false), "at half the chance level");
        assertFalse(SlowStartRules.slow(s, 3, 0.49 * CHANCE, CHANCE, false, false), "below it");
        assertFalse(SlowStartRules.slow(s, 3, 0.05, CHANCE, false, false), "fine-tuning a trained network");
        assertFalse(SlowStartRules.slow(s, 3, 2.2, Double.NaN, false, false), "no chance level known");
    }

    @Test
    void aMovingRateADeadNetworkOrAnEarlierLineKeepItQuiet() {
        SlowStartRules.State warmUp = SlowStartRules.check(checks(1e-4, 5e-4), 6e-4, 2.1e-4);
        assertTrue(warmUp.rateMoved(), "a warm-up: the early checks were made at a lower rate");
        assertFalse(SlowStartRules.slow(warmUp, 3, 2.2, CHANCE, false, false));
        assertFalse(SlowStartRules.check(checks(1e-4, 5e-4), 6e-4, 2e-4).rateMoved(), "2x is still the same rate");
        assertTrue(SlowStartRules.check(checks(1e-4, 5e-4), 6e-4, 4.9e-5).rateMoved(), "lowered below half");
        SlowStartRules.State s = checks(1e-3, 5e-4);
        assertFalse(SlowStartRules.slow(s, 3, 2.2, CHANCE, true, false), "dead: the dead-network line speaks");
        assertFalse(SlowStartRules.slow(s, 3, 2.2, CHANCE, false, true), "a line already said to raise the rate");
    }
}
