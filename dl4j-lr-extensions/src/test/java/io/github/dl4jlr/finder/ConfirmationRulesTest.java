package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confirmation stage's pure rules on scripted curves and trial outcomes. */
class ConfirmationRulesTest {

    /** The curve of SuggestionRulesTest: steepest at 20, valley at 21, blend at 22, min/10 = lr[23]. */
    private static double[] lrs() {
        double[] lrs = new double[40];
        for (int i = 0; i < 40; i++) {
            lrs[i] = Math.pow(10, -6 + i / 8.0);
        }
        return lrs;
    }

    private static double[] curve() {
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            loss[i] = i <= 11 ? 2.0 + 0.001 * i : i <= 31 ? 2.0 - 0.05 * (i - 11) : 1.0 + 0.3 * (i - 31);
        }
        for (int i = 21; i <= 31; i++) {
            loss[i] -= 0.2;
        }
        return loss;
    }

    @Test
    void suggestionsWithinTheMergeFactorAreOneCandidateAtTheLowestRate() {
        double[] lrs = lrs();
        List<Candidate> c = ConfirmationRules.candidates(lrs, curve(), 0.5, 1.5);
        // Neighbouring points are 10^(1/8) = 1.33x apart: steepest+valley merge, blend+min/10 merge, 1.78x between.
        assertEquals(2, c.size(), c.toString());
        assertEquals(List.of(SuggestionMethod.VALLEY, SuggestionMethod.STEEPEST), c.get(0).methods());
        assertEquals(lrs[20], c.get(0).learningRate(), 0.0);
        assertEquals(20, c.get(0).curveIndex());
        assertEquals("valley+steepest", c.get(0).label());
        assertEquals(List.of(SuggestionMethod.MINIMUM_DIV_10, SuggestionMethod.BLEND), c.get(1).methods());
        assertEquals(lrs[22], c.get(1).learningRate(), 1e-15);
    }

    @Test
    void withoutMergingEveryRuleIsACandidateInAscendingOrder() {
        List<Candidate> c = ConfirmationRules.candidates(lrs(), curve(), 0.5, 1.0);
        assertEquals(4, c.size());
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.get(i).learningRate() > c.get(i - 1).learningRate());
        }
    }

    @Test
    void aCurveWithoutSuggestionsHasNoCandidates() {
        assertEquals(List.of(), ConfirmationRules.candidates(new double[]{1e-3, 1e-2}, new double[]{1, 2}, 0.5, 1.5));
    }

    @Test
    void trialLengthIsThreeQuartersOfTheSweepAndAtLeastTen() {
        assertEquals(75, ConfirmationRules.trialIterations(100));
        assertEquals(66, ConfirmationRules.trialIterations(88));
        assertEquals(10, ConfirmationRules.trialIterations(12));
        assertArrayEquals(new int[]{19, 38, 56, 75}, ConfirmationRules.checkpoints(75));
        assertArrayEquals(new int[]{1, 2, 3, 4}, ConfirmationRules.checkpoints(4));
        assertArrayEquals(new int[]{1, 2}, ConfirmationRules.checkpoints(2));
    }

    private static TrialOutcome trial(double lr, double finalLoss, boolean diverged) {
        return new TrialOutcome(Candidate.ofRules(lr, List.of(SuggestionMethod.BLEND), 0), new int[]{10, 20},
                new double[]{finalLoss + 0.1, finalLoss}, diverged, 20);
    }

    @Test
    void theLowestFinalHeldOutLossWinsAndAToleranceLeansToTheLowerRate() {
        List<TrialOutcome> t = List.of(trial(1e-4, 0.80, false), trial(1e-3, 0.52, false), trial(1e-2, 0.50, false),
                trial(1e-1, Double.NaN, true));
        assertEquals(OptionalInt.of(2), ConfirmationRules.choose(t, 0.0));
        assertEquals(OptionalInt.of(1), ConfirmationRules.choose(t, 0.05), "0.52 <= 0.50 * 1.05 (t)");
        assertEquals(OptionalInt.of(2), ConfirmationRules.choose(t, 0.039), "0.52 > 0.50 * 1.039 (t-1)");
        assertEquals(OptionalInt.of(1), ConfirmationRules.choose(t, 0.041), "(t+1)");
    }

    @Test
    void divergedTrialsAreOutAndAllDivergedMeansNoWinner() {
        List<TrialOutcome> t = List.of(trial(1e-3, 0.1, true), trial(1e-2, 0.9, false));
        assertEquals(OptionalInt.of(1), ConfirmationRules.choose(t, 0.0), "the diverged one never wins, however low");
        assertEquals(OptionalInt.empty(), ConfirmationRules.choose(List.of(trial(1e-3, 0.1, true)), 0.0));
        assertEquals(OptionalInt.empty(), ConfirmationRules.choose(List.of(), 0.0));
    }

    @Test
    void aTieGoesToTheLowerRate() {
        List<TrialOutcome> t = List.of(trial(1e-2, 0.5, false), trial(1e-3, 0.5, false));
        assertEquals(OptionalInt.of(1), ConfirmationRules.choose(t, 0.0));
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfirmationRules.choose(List.of(), 1.0));
        assertEquals("Expected tolerance in [0.0, 1.0), but got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfirmationRules.candidates(lrs(), curve(), 0.5, 0.5));
        assertEquals("Expected mergeFactor >= 1 and finite, but got 0.5", e.getMessage());
    }

    @Test
    void theStableBracketIsHalfDecadesBelowTheDivergencePoint() {
        List<Double> b = ConfirmationRules.stableBracket(0.42, 1e-7);
        assertEquals(4, b.size());
        assertEquals(0.42 / Math.pow(10, 2.5), b.get(0), 1e-15);
        assertEquals(0.42 / 10, b.get(3), 1e-15, "a network trained at 1e-2 whose sweep diverged at 0.42: from 4.2e-2");
        // none below the sweep's start (t-1, t, t+1 around top / 316 = floor)
        double top = 1.0;
        assertEquals(4, ConfirmationRules.stableBracket(top, top / Math.pow(10, 2.5) * 0.999).size());
        assertEquals(4, ConfirmationRules.stableBracket(top, top / Math.pow(10, 2.5)).size());
        assertEquals(3, ConfirmationRules.stableBracket(top, top / Math.pow(10, 2.5) * 1.001).size());
        assertEquals(List.of(0.5), ConfirmationRules.stableBracket(1.0, 0.5), "at least one, at the floor");
    }

    @Test
    void theBracketIsExtendedOnlyWhenAnEndLeadsEveryOtherTrialByMoreThanTheTolerance() {
        // the lowest loss at the largest rate, the next one 4.8% above it (t-1), 5.2% above it (t+1); at t, exactly
        // 5%, the tie holds (loss <= best * 1.05)
        List<TrialOutcome> tiedUp = List.of(trial(1e-3, 0.524, false), trial(1e-2, 0.50, false));
        assertTrue(ConfirmationRules.extension(tiedUp, 0.05, 10, 1e-7).isEmpty(), "a tie: the good rates lie inside");
        List<TrialOutcome> clearUp = List.of(trial(1e-3, 0.526, false), trial(1e-2, 0.50, false));
        assertEquals(1e-2 * Math.sqrt(10), ConfirmationRules.extension(clearUp, 0.05, 10, 1e-7).getAsDouble(), 1e-15);
        List<TrialOutcome> atFive = List.of(trial(1e-3, 0.625, false), trial(1e-2, 0.5, false));
        assertTrue(ConfirmationRules.extension(atFive, 0.25, 10, 1e-7).isEmpty(), "0.625 = 0.5 * 1.25: tied");
        // the same at the smallest rate
        List<TrialOutcome> clearDown = List.of(trial(1e-3, 0.40, false), trial(1e-2, 0.50, false));
        assertEquals(1e-3 / Math.sqrt(10), ConfirmationRules.extension(clearDown, 0.05, 10, 1e-7).getAsDouble(),
                1e-15);
        // the lowest loss inside: no extension, tied or not
        List<TrialOutcome> inside = List.of(trial(1e-3, 0.70, false), trial(1e-2, 0.50, false),
                trial(1e-1, 0.70, false));
        assertTrue(ConfirmationRules.extension(inside, 0.05, 10, 1e-7).isEmpty());
        assertTrue(ConfirmationRules.extension(List.of(trial(1e-3, 0.1, true)), 0.05, 10, 1e-7).isEmpty(),
                "all diverged");
    }

    @Test
    void aTrainedNetworksTiedTrialsNeitherWalkTheBracketNorPickItsLowestRate() {
        // held-out losses of a trained network's four bracket trials (a musk MLP after 5 epochs of momentum SGD):
        // the smallest rate leads by 0.3%, which is no evidence that a smaller one would do better
        List<TrialOutcome> t = List.of(trial(1.6e-3, 0.326, false), trial(5.1e-3, 0.329, false),
                trial(1.6e-2, 0.327, false), trial(5.1e-2, 0.456, false));
        assertTrue(ConfirmationRules.extension(t, 0.05, 0.51, 1e-7).isEmpty());
        assertEquals(List.of(0, 1, 2), ConfirmationRules.tied(t, 0.05));
        assertEquals(OptionalInt.of(1), ConfirmationRules.chooseOnBracket(t, 0.05), "the middle of 1.6e-3 ... 1.6e-2");
        assertEquals(OptionalInt.of(2), ConfirmationRules.largestTied(t, 0.05), "a network that has learned: the "
                + "largest of 1.6e-3 ... 1.6e-2");
        assertEquals(OptionalInt.of(0), ConfirmationRules.choose(t, 0.05), "the curve's rule: the lowest tied rate");
        assertEquals(OptionalInt.of(0), ConfirmationRules.chooseOnBracket(t, 0.0), "tolerance 0: the plain minimum");
        assertEquals(OptionalInt.of(0), ConfirmationRules.largestTied(t, 0.0), "tolerance 0: the plain minimum");
    }

    @Test
    void theWinnerRuleFollowsTheCandidatesAndTheNetworkAndPicksByItsOwnMethod() {
        assertEquals(ConfirmationRules.Winner.LOWEST, ConfirmationRules.Winner.of(false, true), "the curve's rules");
        assertEquals(ConfirmationRules.Winner.LOWEST, ConfirmationRules.Winner.of(false, false));
        assertEquals(ConfirmationRules.Winner.LARGEST, ConfirmationRules.Winner.of(true, true));
        assertEquals(ConfirmationRules.Winner.MIDDLE, ConfirmationRules.Winner.of(true, false));
        List<TrialOutcome> gap = tiedAcrossAGap();
        assertEquals(ConfirmationRules.choose(gap, 0.05), ConfirmationRules.Winner.LOWEST.pick(gap, 0.05));
        assertEquals(ConfirmationRules.chooseOnBracket(gap, 0.05), ConfirmationRules.Winner.MIDDLE.pick(gap, 0.05));
        assertEquals(ConfirmationRules.largestTied(gap, 0.05), ConfirmationRules.Winner.LARGEST.pick(gap, 0.05));
        assertEquals(List.of(OptionalInt.of(0), OptionalInt.of(2), OptionalInt.of(3)), List.of(
                ConfirmationRules.Winner.LOWEST.pick(gap, 0.05), ConfirmationRules.Winner.MIDDLE.pick(gap, 0.05),
                ConfirmationRules.Winner.LARGEST.pick(gap, 0.05)), "three different picks of the same trials");
        assertEquals("largest rate", ConfirmationRules.Winner.LARGEST.label());
    }

    /** Four tied rates, evenly spaced, in the order a bracket and its extension were tried. */
    private static List<TrialOutcome> fourTied() {
        double h = Math.sqrt(10);
        return List.of(trial(1e-3 * h, 0.50, false), trial(1e-3, 0.51, false), trial(1e-2, 0.50, false),
                trial(1e-2 * h, 0.51, false));
    }

    /** Tied rates 1e-4, 1e-3 and 1e-2 with untied ones between and above them. */
    private static List<TrialOutcome> tiedAcrossAGap() {
        double h = Math.sqrt(10);
        return List.of(trial(1e-4, 0.50, false), trial(1e-4 * h, 0.90, false), trial(1e-3, 0.50, false),
                trial(1e-2, 0.51, false), trial(1e-2 * h, 0.90, false));
    }

    /** One rate alone within the tolerance, a diverged one above it with a lower last loss, and an untied one. */
    private static List<TrialOutcome> aloneBesideADivergedOne() {
        return List.of(trial(1e-3, 0.40, false), trial(1e-2, 0.10, true), trial(1e-1, 0.60, false));
    }

    @Test
    void onANetworkThatHasLearnedTheLargestTiedRateWins() {
        List<TrialOutcome> four = fourTied();
        assertEquals(OptionalInt.of(3), ConfirmationRules.largestTied(four, 0.05));
        // the largest rate's loss 4.8% above the best (t-1), exactly 5% (t), 5.2% (t+1): tied, tied, out
        for (double[] c : new double[][]{{0.524, 1}, {0.525, 1}, {0.526, 0}}) {
            List<TrialOutcome> edge = List.of(trial(1e-3, 0.50, false), trial(1e-2, c[0], false));
            assertEquals(OptionalInt.of((int) c[1]), ConfirmationRules.largestTied(edge, 0.05), "at " + c[0]);
        }
        // tied rates with an untied one between them, and an untied one above: the largest tied rate, 1e-2
        assertEquals(OptionalInt.of(3), ConfirmationRules.largestTied(tiedAcrossAGap(), 0.05));
        // a diverged trial is never tied, however large its rate; all diverged: no winner
        assertEquals(OptionalInt.of(0), ConfirmationRules.largestTied(aloneBesideADivergedOne(), 0.05));
        assertEquals(OptionalInt.empty(), ConfirmationRules.largestTied(List.of(trial(1e-3, 0.1, true)), 0.05));
        // tolerance 0: the plain minimum, the lower rate on an exact tie
        assertEquals(OptionalInt.of(0), ConfirmationRules.largestTied(four, 0.0));
    }

    @Test
    void theBracketsWinnerIsTheTiedRateNearestTheGeometricMiddleOfTheTiedOnes() {
        double h = Math.sqrt(10);
        // four tied, evenly spaced: the middle lies between the second and third, equally near: the lower one
        List<TrialOutcome> four = fourTied();
        assertEquals(OptionalInt.of(0), ConfirmationRules.chooseOnBracket(four, 0.05));
        assertEquals(List.of(1, 0, 2, 3), ConfirmationRules.tied(four, 0.05), "by ascending rate");
        // two tied: the lower one
        List<TrialOutcome> two = List.of(trial(1e-3, 0.50, false), trial(1e-3 * h, 0.51, false),
                trial(1e-2, 0.60, false));
        assertEquals(OptionalInt.of(0), ConfirmationRules.chooseOnBracket(two, 0.05));
        // tied rates with an untied one between them: the tied rate nearest the middle of 1e-4 ... 1e-2 is 1e-3
        assertEquals(OptionalInt.of(2), ConfirmationRules.chooseOnBracket(tiedAcrossAGap(), 0.05));
        // one rate alone within the tolerance wins; a diverged trial is never tied; all diverged: no winner
        assertEquals(OptionalInt.of(0), ConfirmationRules.chooseOnBracket(aloneBesideADivergedOne(), 0.05));
        assertEquals(OptionalInt.empty(), ConfirmationRules.chooseOnBracket(List.of(trial(1e-3, 0.1, true)), 0.05));
        assertEquals(List.of(), ConfirmationRules.tied(List.of(), 0.05));
    }

    @Test
    void anEndThatWinsExtendsTheBracketByAHalfDecadeWithinItsLimits() {
        double h = Math.sqrt(10);
        List<Double> tried = List.of(1e-3, 1e-3 * h, 1e-2, 1e-2 * h);
        double top = 1.0;
        assertEquals(1e-2 * h * h, ConfirmationRules.extension(tried, 3, top, 1e-7).getAsDouble(), 1e-15,
                "the largest won: one half-decade up, to top / 3.16 at most");
        assertTrue(ConfirmationRules.extension(List.of(1e-3, 0.1, 1 / h), 2, top, 1e-7).isEmpty(),
                "already at top / 3.16: no further");
        assertEquals(1e-3 / h, ConfirmationRules.extension(tried, 0, top, 1e-7).getAsDouble(), 1e-15,
                "the smallest won: one half-decade down");
        assertTrue(ConfirmationRules.extension(tried, 0, top, 1e-3 / h * 1.01).isEmpty(), "not below the start");
        assertTrue(ConfirmationRules.extension(tried, 1, top, 1e-7).isEmpty(), "a winner inside: done");
        assertTrue(ConfirmationRules.extension(tried, -1, top, 1e-7).isEmpty(), "every trial diverged");
        assertEquals("top/10", ConfirmationRules.bracketLabel(0.1, 1.0));
    }
}
