package io.github.dl4jlr.finder;

import io.github.dl4jlr.finder.SuggestionRules.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules on hand-made curves whose answers are known by construction. */
class SuggestionRulesTest {

    /** 40 points, lr = 10^(-6 + i/8): creeping up until 11, falls until 31 with the steepest step at 20->21, then rises. */
    private static double[] lrs(int n) {
        double[] lrs = new double[n];
        for (int i = 0; i < n; i++) {
            lrs[i] = Math.pow(10, -6 + i / 8.0);
        }
        return lrs;
    }

    private static double[] valleyCurve() {
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            if (i <= 11) {
                loss[i] = 2.0 + 0.001 * i;                // creeping up: no fall here
            } else if (i <= 31) {
                loss[i] = 2.0 - 0.05 * (i - 11);          // steady fall from 2.0 to 1.0
            } else {
                loss[i] = 1.0 + 0.3 * (i - 31);           // blow-up
            }
        }
        for (int i = 21; i <= 31; i++) {
            loss[i] -= 0.2;                               // 20->21 drops 0.25, every other step 0.05; minimum 0.8 at 31
        }
        return loss;
    }

    @Test
    void minimumDiv10TakesTheLowestLossInsideTheWindow() {
        double[] lrs = lrs(40);
        Suggestion s = SuggestionRules.suggest(SuggestionMethod.MINIMUM_DIV_10, lrs, valleyCurve()).orElseThrow();
        assertEquals(31, s.index());
        assertEquals(lrs[31] / 10, s.learningRate(), 1e-18);
    }

    @Test
    void steepestFindsTheLargestDropPerLogLr() {
        double[] lrs = lrs(40);
        Suggestion s = SuggestionRules.suggest(SuggestionMethod.STEEPEST, lrs, valleyCurve()).orElseThrow();
        assertEquals(20, s.index());
        assertEquals(lrs[20], s.learningRate());
    }

    @Test
    void valleyIsHalfWayAlongTheLongestFall() {
        // Window: points 4..34 (skip 40/10 = 4 at the start, min(5, 8) = 5 at the end). Longest strictly falling
        // subsequence: one creeping point, the latest being 11, then 12..31; half-way from 11 to 31 is 21.
        double[] lrs = lrs(40);
        Suggestion s = SuggestionRules.suggest(SuggestionMethod.VALLEY, lrs, valleyCurve()).orElseThrow();
        assertEquals(21, s.index());
        Suggestion early = SuggestionRules.suggest(SuggestionMethod.VALLEY, lrs, valleyCurve(), 0.0).orElseThrow();
        assertEquals(11, early.index());
        Suggestion late = SuggestionRules.suggest(SuggestionMethod.VALLEY, lrs, valleyCurve(), 1.0).orElseThrow();
        assertEquals(31, late.index());
    }

    @Test
    void blendIsTheMiddleOfValleyAndMinDiv10OnTheLogAxis() {
        // valley at index 21 (lr 10^-3.375), minimum at 31 (lr 10^-2.125, /10 = 10^-3.125):
        // blend = 10^((-3.375 - 3.125) / 2) = 10^-3.25 = 5.6234e-4, which is the LR of index 22 exactly.
        Suggestion s = SuggestionRules.suggest(SuggestionMethod.BLEND, lrs(40), valleyCurve()).orElseThrow();
        assertEquals(5.6234132519e-4, s.learningRate(), 1e-13);
        assertEquals(22, s.index());
        assertEquals(SuggestionMethod.BLEND, s.method());
    }

    @Test
    void autoDependsOnTheUpdaterSoThePureRulesRejectIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuggestionRules.suggest(SuggestionMethod.AUTO, lrs(40), valleyCurve()));
        assertEquals("Expected a concrete method (AUTO depends on the updater: resolve it with "
                + "SuggestionMethod.resolve(UpdaterFamily) first), but got AUTO", e.getMessage());
    }

    @Test
    void autoResolvesToBlendForAdamAndMinDiv10ForOtherUpdaters() {
        assertEquals(SuggestionMethod.BLEND, SuggestionMethod.AUTO.resolve(UpdaterFamily.ADAM));
        assertEquals(SuggestionMethod.MINIMUM_DIV_10, SuggestionMethod.AUTO.resolve(UpdaterFamily.OTHER));
        assertEquals(SuggestionMethod.MINIMUM_DIV_10, SuggestionMethod.AUTO.resolve(null));
        for (SuggestionMethod m : concrete()) {
            assertEquals(m, m.resolve(UpdaterFamily.ADAM));
            assertEquals(m, m.resolve(UpdaterFamily.OTHER));
        }
    }

    private static List<SuggestionMethod> concrete() {
        List<SuggestionMethod> all = Arrays.stream(SuggestionMethod.values()).filter(SuggestionMethod::isConcrete).toList();
        assertEquals(4, all.size());
        return all;
    }

    @Test
    void steepestUsesTheActualLrSpacingOfALinearRamp() {
        // Linear ramp 0.1, 0.2, ..., 3.0. The loss drops by 0.1 at every step from index 3 to 25: equal per index,
        // but log-LR moves less and less per step, so per unit of log-LR the last drop in the window is steepest.
        int n = 30;
        double[] lrs = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            lrs[i] = 0.1 * (i + 1);
            loss[i] = i < 3 ? 3.0 : i <= 25 ? 3.0 - 0.1 * (i - 3) : 0.8 + (i - 25);
        }
        // window 3..25 (skip 3 at the start, min(5, 6) = 5 at the end): the last segment 23->24 has the smallest d(log lr)
        Suggestion s = SuggestionRules.suggest(SuggestionMethod.STEEPEST, lrs, loss).orElseThrow();
        assertEquals(23, s.index());
    }

    @Test
    void nothingNonFiniteReachesARule() {
        double[] lrs = lrs(40);
        double[] loss = valleyCurve();
        loss[26] = Double.NaN;    // the run stopped here: only the prefix 0..25 counts, window 2..20
        for (SuggestionMethod m : concrete()) {
            Suggestion s = SuggestionRules.suggest(m, lrs, loss).orElseThrow();
            assertFalse(s.index() >= 26, m + " used index " + s.index());
        }
        assertEquals(20, SuggestionRules.suggest(SuggestionMethod.MINIMUM_DIV_10, lrs, loss).orElseThrow().index());
    }

    @Test
    void tooShortACurveGivesNoSuggestion() {
        double[] lrs = lrs(40);
        double[] loss = valleyCurve();
        loss[2] = Double.POSITIVE_INFINITY;
        for (SuggestionMethod m : concrete()) {
            assertEquals(Optional.empty(), SuggestionRules.suggest(m, lrs, loss));
        }
        assertEquals(Optional.empty(), SuggestionRules.suggest(SuggestionMethod.VALLEY, new double[0], new double[0]));
    }

    @Test
    void rejectsMismatchedArrays() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuggestionRules.suggest(SuggestionMethod.VALLEY, new double[3], new double[2]));
        assertEquals("Expected lrs and losses of equal length, but got 3 and 2", e.getMessage());
    }

    @Test
    void fallComparesTheLowestLossWithTheMedianOfTheWindowsFirstQuarter() {
        // Window 4..34; its first quarter (31 / 4 = 7 points, 4..10) has median loss[7] = 2.007; lowest loss[31] = 0.8.
        assertEquals(1 - 0.8 / 2.007, SuggestionRules.fall(lrs(40), valleyCurve()), 1e-12);
    }

    @Test
    void aLevelNoisyCurveHasAlmostNoFall() {
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            loss[i] = i % 2 == 0 ? 0.050 : 0.047;      // a trained network: level, noisy
        }
        double fall = SuggestionRules.fall(lrs(40), loss);
        assertEquals(0.06, fall, 1e-12, "median 0.050 of 4..10, lowest 0.047");
        assertTrue(SuggestionRules.flat(lrs(40), loss), "lowest at point 5, in the first half 4..19");
        assertFalse(SuggestionRules.flat(lrs(40), valleyCurve()), "falls by half, lowest at point 31");
    }

    @Test
    void aCurveLowestWhileTheLrIsStillTinyIsFlatHoweverFarItFell() {
        double[] loss = valleyCurve();
        loss[9] = 0.5;                                   // an easy minibatch early in the window (4..35)
        assertEquals(1 - 0.5 / 2.006, SuggestionRules.fall(lrs(40), loss), 1e-12, "a large fall (head median 2.006)");
        assertTrue(SuggestionRules.flat(lrs(40), loss));
        double at9 = valleyCurve()[9];
        loss[9] = at9;
        loss[18] = 0.5;                                  // still in the first half (4..19): noise on a level curve
        assertTrue(SuggestionRules.flat(lrs(40), loss));
        loss[18] = valleyCurve()[18];
        loss[20] = 0.5;                                  // just past the middle: a readable low point
        assertFalse(SuggestionRules.flat(lrs(40), loss));
    }

    @Test
    void fallIsNanWhenItCannotBeJudged() {
        assertTrue(Double.isNaN(SuggestionRules.fall(lrs(2), new double[]{1.0, 0.5})), "too short");
        assertFalse(SuggestionRules.flat(lrs(2), new double[]{1.0, 0.5}), "too short to call flat");
        double[] negative = new double[40];
        java.util.Arrays.fill(negative, -1.0);
        assertTrue(Double.isNaN(SuggestionRules.fall(lrs(40), negative)), "a loss that is not positive");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuggestionRules.fall(new double[3], new double[2]));
        assertEquals("Expected lrs and losses of equal length, but got 3 and 2", e.getMessage());
    }

    @Test
    void lowestIsTheWindowsMinimumAndAgreesWithMinDiv10() {
        // Window 4..34 of the valley curve; its lowest loss is loss[31] = 0.8 (see the fall test above).
        assertEquals(31, SuggestionRules.lowest(lrs(40), valleyCurve()).getAsInt());
        assertEquals(31, SuggestionRules.suggest(SuggestionMethod.MINIMUM_DIV_10, lrs(40), valleyCurve()).orElseThrow()
                .index());
        assertTrue(SuggestionRules.lowest(lrs(2), new double[]{1.0, 0.5}).isEmpty(), "too short");
    }
}
