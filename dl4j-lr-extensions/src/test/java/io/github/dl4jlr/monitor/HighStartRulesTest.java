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

    private static HighStartRules.State run(double[] checks, double... epochLosses) {
        HighStartRules.State s = HighStartRules.State.INITIAL;
        for (double c : checks) {
            s = HighStartRules.check(s, c);
        }
        for (double l : epochLosses) {
            s = HighStartRules.epochEnd(s, l);
        }
        return s;
    }

    @Test
    void extremeFirstStepsAndALossThatNeverLeftItsChanceLevelAreStuckAfterThreeEpochs() {
        // momentum SGD at 30x its good rate on the computing jobs, seed 1: the epoch means of its first three epochs
        HighStartRules.State s = run(new double[]{0.343, 0.21, 0.05}, 1.033, 1.013, 1.046);
        assertEquals(0.343, s.firstPeak(), 0.0);
        assertEquals(1.013, s.lowestEpoch(), 0.0);
        assertEquals(3, s.epochs());
        assertFalse(HighStartRules.stuck(run(new double[]{0.343}, 1.033, 1.013), CHANCE, HIGH, false),
                "two epochs: not yet");
        assertTrue(HighStartRules.stuck(s, CHANCE, HIGH, false), "the end of the third epoch");
        assertTrue(HighStartRules.stuck(HighStartRules.epochEnd(s, 1.1), CHANCE, HIGH, false));
        assertFalse(HighStartRules.stuck(s, CHANCE, HIGH, true),
                "once said, or after a dead-network or too-high line, it has nothing to add");
    }

    @Test
    void onlyTheFirstChecksCountAsTheFirstSteps() {
        double[] late = {0.05, 0.05, 0.05, 0.9};
        assertTrue(Double.isNaN(HighStartRules.check(HighStartRules.State.INITIAL, Double.NaN).firstPeak()),
                "an unjudged check leaves no peak");
        assertEquals(0.05, run(late).firstPeak(), 0.0, "the fourth check is not a first step");
        assertEquals(HighStartRules.FIRST_CHECKS, run(late).checks());
        assertFalse(HighStartRules.stuck(run(late, 1.1, 1.1, 1.1), CHANCE, HIGH, false));
    }

    @Test
    void theFirstStepsMustBeExtremeAtTenTimesTheBandsTop() {
        assertFalse(HighStartRules.stuck(run(new double[]{0.099}, 1.1, 1.1, 1.1), CHANCE, HIGH, false), "t-1");
        assertTrue(HighStartRules.stuck(run(new double[]{0.1}, 1.1, 1.1, 1.1), CHANCE, HIGH, false), "t");
        assertTrue(HighStartRules.stuck(run(new double[]{0.101}, 1.1, 1.1, 1.1), CHANCE, HIGH, false), "t+1");
        assertFalse(HighStartRules.stuck(run(new double[]{0.1}, 1.1, 1.1, 1.1), CHANCE, 0.02, false),
                "relative to the user's band");
        assertFalse(HighStartRules.stuck(run(new double[0], 1.1, 1.1, 1.1), CHANCE, HIGH, false),
                "no check at all: nothing to say");
    }

    @Test
    void anEpochBelowThreeQuartersOfTheChanceLevelMeansTheNetworkLearned() {
        double at = ChanceLevel.LEARNED * CHANCE;
        double[] first = {0.4};
        assertFalse(HighStartRules.stuck(run(first, 1.1, Math.nextDown(at), 1.1), CHANCE, HIGH, false),
                "one epoch just below three quarters of the chance level, even between two above it");
        assertTrue(HighStartRules.stuck(run(first, 1.1, at, 1.1), CHANCE, HIGH, false), "at it");
        assertTrue(HighStartRules.stuck(run(first, 1.1, Math.nextUp(at), 1.1), CHANCE, HIGH, false), "above it");
        assertFalse(HighStartRules.stuck(run(first, 1.1, 1.1, 1.1), Double.NaN, HIGH, false),
                "no chance level known (not a cross-entropy output)");
        assertFalse(HighStartRules.stuck(run(first, Double.NaN, Double.NaN, Double.NaN), CHANCE, HIGH, false),
                "no finite epoch loss known");
        HighStartRules.State nan = run(first, 1.1, Double.NaN, Double.POSITIVE_INFINITY);
        assertEquals(1.1, nan.lowestEpoch(), 0.0, "an epoch without a finite mean leaves the lowest as it was");
        assertEquals(3, nan.epochs(), "but counts");
    }
}
