package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ChanceLevel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The high-start rule on scripted checks and epoch ends, without a network. */
class HighStartRulesTest {

    /** The computing jobs' chance level (4 classes of run time). */
    private static final double CHANCE = 1.133;
    private static final double HIGH = 1e-2;

    private static HighStartRules.State checks(double... ratios) {
        HighStartRules.State s = HighStartRules.State.INITIAL;
        for (double c : ratios) {
            s = HighStartRules.check(s, c);
        }
        return s;
    }

    /** The epoch-level state after epochs with these mean losses (NaN: an epoch without a finite minibatch loss). */
    private static EpochTrack epochs(double... means) {
        EpochTrack e = new EpochTrack();
        for (double m : means) {
            e.add(m);
            e.takeMean();
        }
        return e;
    }

    private static boolean stuck(HighStartRules.State s, EpochTrack e, double chance, double high, boolean said) {
        return HighStartRules.stuck(s, e.ended(), e.bestMean(), chance, high, said);
    }

    private static boolean stuck(HighStartRules.State s, double... epochMeans) {
        return stuck(s, epochs(epochMeans), CHANCE, HIGH, false);
    }

    @Test
    void extremeFirstStepsAndALossThatNeverLeftItsChanceLevelAreStuckAfterThreeEpochs() {
        // momentum SGD at 30x its good rate on the computing jobs, seed 1: the epoch means of its first three epochs
        HighStartRules.State s = checks(0.343, 0.21, 0.05);
        EpochTrack e = epochs(1.033, 1.013, 1.046);
        assertEquals(0.343, s.firstPeak(), 0.0);
        assertEquals(1.013, e.bestMean(), 0.0);
        assertEquals(3, e.ended());
        assertFalse(stuck(checks(0.343), 1.033, 1.013), "two epochs: not yet");
        assertTrue(stuck(s, e, CHANCE, HIGH, false), "the end of the third epoch");
        assertTrue(stuck(s, 1.033, 1.013, 1.046, 1.1));
        assertFalse(stuck(s, e, CHANCE, HIGH, true),
                "once said, or after a dead-network or too-high line, it has nothing to add");
    }

    @Test
    void onlyTheFirstChecksCountAsTheFirstSteps() {
        HighStartRules.State late = checks(0.05, 0.05, 0.05, 0.9);
        assertTrue(Double.isNaN(checks(Double.NaN).firstPeak()), "an unjudged check leaves no peak");
        assertEquals(0.05, late.firstPeak(), 0.0, "the fourth check is not a first step");
        assertEquals(HighStartRules.FIRST_CHECKS, late.checks());
        assertFalse(stuck(late, 1.1, 1.1, 1.1));
    }

    @Test
    void theFirstStepsMustBeExtremeAtTenTimesTheBandsTop() {
        EpochTrack e = epochs(1.1, 1.1, 1.1);
        assertFalse(stuck(checks(0.099), e, CHANCE, HIGH, false), "t-1");
        assertTrue(stuck(checks(0.1), e, CHANCE, HIGH, false), "t");
        assertTrue(stuck(checks(0.101), e, CHANCE, HIGH, false), "t+1");
        assertFalse(stuck(checks(0.1), e, CHANCE, 0.02, false), "relative to the user's band");
        assertFalse(stuck(checks(), e, CHANCE, HIGH, false), "no check at all: nothing to say");
    }

    @Test
    void anEpochBelowThreeQuartersOfTheChanceLevelMeansTheNetworkLearned() {
        double at = ChanceLevel.LEARNED * CHANCE;
        HighStartRules.State first = checks(0.4);
        assertFalse(stuck(first, 1.1, Math.nextDown(at), 1.1),
                "one epoch just below three quarters of the chance level, even between two above it");
        assertTrue(stuck(first, 1.1, at, 1.1), "at it");
        assertTrue(stuck(first, 1.1, Math.nextUp(at), 1.1), "above it");
        assertFalse(stuck(first, epochs(1.1, 1.1, 1.1), Double.NaN, HIGH, false),
                "no chance level known (not a cross-entropy output)");
        assertFalse(stuck(first, Double.NaN, Double.NaN, Double.NaN), "no finite epoch loss known");
        EpochTrack nan = epochs(1.1, Double.NaN, Double.POSITIVE_INFINITY);
        assertEquals(1.1, nan.bestMean(), 0.0, "an epoch without a finite mean leaves the lowest as it was");
        assertEquals(3, nan.ended(), "but counts");
        assertTrue(stuck(first, nan, CHANCE, HIGH, false));
    }
}
