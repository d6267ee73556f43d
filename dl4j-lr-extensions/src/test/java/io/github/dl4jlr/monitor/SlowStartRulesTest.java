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

    private static SlowStartRules.State epochs(SlowStartRules.State s, double... losses) {
        for (double l : losses) {
            s = SlowStartRules.epochEnd(s, l);
        }
        return s;
    }

    @Test
    void aLossWhoseFallShrankToUnderAThirdHasDoneItsQuickLearningAndIsNotSlow() {
        SlowStartRules.State small = checks(3.2e-4, 2.2e-3, 1.9e-3);
        double chance = 0.3;
        // falls of 0.6, then 0.19 (t-1), 0.2 (t: exactly a third), 0.21 (t+1)
        assertFalse(SlowStartRules.slow(epochs(small, 1.0, 0.4, 0.21), 3, 0.21, chance, false, false));
        SlowStartRules.State atThird = epochs(small, 1.0, 0.4, 0.2);
        assertEquals(0.2, atThird.lastFall(), 1e-12);
        assertEquals(0.6, atThird.largestFall(), 1e-12);
        assertTrue(SlowStartRules.slow(atThird, 3, 0.2, chance, false, false));
        assertTrue(SlowStartRules.slow(epochs(small, 1.0, 0.4, 0.19), 3, 0.19, chance, false, false));
        // a cell segmentation table with Adam at its best rate: 0.828, 0.547, 0.475, 0.438 against a chance level of
        // 0.668; from the third epoch on it falls at a pace of its own, 0.072 then 0.037, far below its first fall
        SlowStartRules.State cells = epochs(small, 0.828, 0.547, 0.475);
        assertFalse(SlowStartRules.steady(cells), "the fall shrank from 0.281 to 0.072");
        assertFalse(SlowStartRules.slow(cells, 3, 0.475, 0.668, false, false));
        SlowStartRules.State later = SlowStartRules.epochEnd(cells, 0.438);
        assertEquals(0.281, later.largestFall(), 1e-9, "the largest fall, not the one before");
        assertFalse(SlowStartRules.slow(later, 4, 0.438, 0.668, false, false), "0.037 against 0.281, not 0.072");
        // a rate 100x too low on a CNN: 2.473, 2.328, 2.270 fell by 0.145, then 0.058 (0.40 of it)
        assertTrue(SlowStartRules.slow(epochs(small, 2.473, 2.328, 2.270), 3, 2.27, CHANCE, false, false));
    }

    @Test
    void withoutThreeEpochLossesOrAFallBeforeThePaceDoesNotKeepItQuiet() {
        SlowStartRules.State s = checks(1e-3, 5e-4);
        assertTrue(SlowStartRules.steady(epochs(s, 2.3, 2.2)), "two epoch losses: nothing to compare");
        assertTrue(SlowStartRules.steady(epochs(s, 2.2, 2.3, 2.25)), "it rose before: no quick part to have done");
        assertTrue(SlowStartRules.steady(epochs(s, 2.3, 2.25, 2.15)), "a fall larger than the one before");
        assertTrue(SlowStartRules.steady(epochs(s, 2.3, Double.NaN, 2.2, 2.1)),
                "an epoch without minibatches is skipped");
        assertEquals(2.1, epochs(s, 2.3, Double.NaN, 2.2, 2.1).epochLoss(), 0.0);
        assertFalse(SlowStartRules.slow(epochs(s, 2.3, 2.2, 2.2), 3, 2.2, CHANCE, false, false),
                "it stopped falling: a stall, which the stall check names");
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
