package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dead-network rule on scripted gradients and losses. */
class DeadNetworkRulesTest {

    private static final DeadNetworkRules RULES = new DeadNetworkRules(3);

    /** Feeds per-array gradients with the loss levels and the chance level; the check that reports dead, or -1. */
    private static int deadAt(double chance, double[][] gradients, double[] levels) {
        DeadNetworkRules.State s = DeadNetworkRules.State.INITIAL;
        int at = -1;
        for (int i = 0; i < gradients.length; i++) {
            DeadNetworkRules.Step step = RULES.next(s, 10 * i, gradients[i], levels[i], chance);
            s = step.state();
            if (step.dead()) {
                assertEquals(-1, at, "reported once per streak");
                at = i;
            }
        }
        return at;
    }

    private static double[][] same(int n, double... gradients) {
        double[][] g = new double[n][];
        for (int i = 0; i < n; i++) {
            g[i] = gradients.clone();
        }
        return g;
    }

    private static double[] level(int n, double value) {
        double[] l = new double[n];
        java.util.Arrays.fill(l, value);
        return l;
    }

    @Test
    void workedValues() {
        double[][] g = {{9e-3, 9e-3, 3e-2}, {5e-4, 1e-4, 9e-4}, {0, 0, 2e-4}, {0, 0, 2e-4}, {0, 0, 2e-4}};
        assertEquals(4, deadAt(2.30, g, new double[]{2.7, 2.2, 2.4, 2.3, 2.3}),
                "two of three arrays at 0, the output layer keeps label noise");
        DeadNetworkRules.Step step = RULES.next(DeadNetworkRules.State.INITIAL, 0, g[0], 2.7, 2.3);
        step = RULES.next(step.state(), 10, g[2], 2.3, 2.3);
        assertArrayEquals(new int[]{0, 1}, step.collapsed());
    }

    @Test
    void aTooLowRateKeepsItsGradientAndIsNeverDead() {
        // digits, Adam 1e-5: the loss stays near chance, the gradients stay about where they began
        double[][] g = {{9.4e-3, 9.4e-3, 2.8e-2}, {6.6e-3, 6.3e-3, 1.8e-2}, {6.5e-3, 6.1e-3, 1.9e-2},
                {7.4e-3, 7.7e-3, 1.9e-2}, {7e-3, 7e-3, 2e-2}};
        assertEquals(-1, deadAt(2.30, g, new double[]{2.74, 2.47, 2.5, 2.53, 2.5}));
    }

    @Test
    void aConvergedNetworkIsFarBelowChanceAndNeverDead() {
        double[][] g = {{9e-3, 9e-3}, {1e-6, 1e-6}, {1e-8, 1e-8}, {0, 0}, {0, 0}, {0, 0}};
        assertEquals(-1, deadAt(2.30, g, new double[]{2.7, 0.01, 1e-4, 1e-5, 1e-6, 1e-7}));
    }

    @Test
    void theCollapseShareAndStuckEdges() {
        // collapsed: gradient <= 1e-3 x its peak (t-1: just above, t: equal)
        double[][] above = {{1, 1}, {1.0001e-3, 1.0001e-3}, {1.0001e-3, 1.0001e-3}, {1.0001e-3, 1.0001e-3}};
        assertEquals(-1, deadAt(2.3, above, level(4, 2.3)));
        double[][] equal = {{1, 1}, {1e-3, 1e-3}, {1e-3, 1e-3}, {1e-3, 1e-3}};
        assertEquals(3, deadAt(2.3, equal, level(4, 2.3)));
        // at least half of the arrays: 1 of 2 counts, 1 of 3 does not
        assertEquals(3, deadAt(2.3, new double[][]{{1, 1}, {0, 1}, {0, 1}, {0, 1}}, level(4, 2.3)));
        assertEquals(-1, deadAt(2.3, new double[][]{{1, 1, 1}, {0, 1, 1}, {0, 1, 1}, {0, 1, 1}}, level(4, 2.3)));
        // stuck: level >= 0.5 x chance
        double[][] zero = {{1}, {0}, {0}, {0}};
        assertEquals(-1, deadAt(2.0, zero, new double[]{2, 0.999, 0.999, 0.999}));
        assertEquals(3, deadAt(2.0, zero, new double[]{2, 1.0, 1.0, 1.0}));
    }

    @Test
    void aHealthyCheckEndsTheStreakButTheReportStandsUntilTheNetworkLearns() {
        DeadNetworkRules.State s = RULES.next(DeadNetworkRules.State.INITIAL, 0, new double[]{1}, 2.3, 2.3).state();
        for (int i = 1; i <= 3; i++) {
            s = RULES.next(s, 10 * i, new double[]{0}, 2.3, 2.3).state();
        }
        assertTrue(s.warned());
        assertEquals(10, s.since(), "the streak began at the first symptomatic check");
        assertFalse(RULES.next(s, 40, new double[]{0}, 2.3, 2.3).dead(), "once per streak");
        s = RULES.next(s, 50, new double[]{0.5}, 2.3, 2.3).state();
        assertFalse(s.symptomatic());
        assertEquals(-1, s.since());
        assertArrayEquals(new double[]{1.0}, s.peaks(), "the peaks are kept");
        assertTrue(s.warned(), "still at chance: the report stands");
        // a second streak at the chance level is the same dead network: not said again
        for (int i = 6; i <= 9; i++) {
            DeadNetworkRules.Step step = RULES.next(s, 10 * i, new double[]{0}, 2.3, 2.3);
            assertFalse(step.dead(), "check " + i);
            s = step.state();
        }
        assertEquals(60, s.since(), "the second streak is still tracked");
    }

    @Test
    void aLossBelowTheStuckLineRearmsTheReport() {
        // after biomass, Adam at 30x: gradients vanished at 14x the chance level, flickered, vanished again at 1.1x;
        // a network that then learns and dies again is news
        double chance = 1.0;
        DeadNetworkRules.State s = DeadNetworkRules.State.INITIAL;
        double[][] g = {{1}, {0}, {0}, {0}, {0.2}, {0}, {0}, {0}, {0.3}, {0}, {0}, {0}};
        double[] levels = {1.6, 14.3, 14.1, 1.5, 1.5, 1.13, 1.04, 1.02, 0.4, 0.6, 0.6, 0.6};
        StringBuilder reported = new StringBuilder();
        for (int i = 0; i < g.length; i++) {
            DeadNetworkRules.Step step = RULES.next(s, 10 * i, g[i], levels[i], chance);
            s = step.state();
            if (step.dead()) {
                reported.append(i).append(' ');
            }
        }
        // t-1, t, t+1 of the stuck line: 0.5 x chance re-arms below it, not at it
        assertEquals("3 11 ", reported.toString(), "said at the first streak, then after the loss went below 0.5");
        DeadNetworkRules.State warned = s;
        assertTrue(RULES.next(warned, 100, new double[]{0.5}, 0.5, chance).state().warned(), "at the line: stuck");
        assertFalse(RULES.next(warned, 100, new double[]{0.5}, 0.4999, chance).state().warned(), "below it: learns");
    }

    @Test
    void unmeasuredGradientsChangeNothing() {
        DeadNetworkRules.State s = RULES.next(DeadNetworkRules.State.INITIAL, 0, new double[]{1}, 2.3, 2.3).state();
        DeadNetworkRules.Step step = RULES.next(s, 10, null, 2.3, 2.3);
        assertEquals(s, step.state());
        assertFalse(step.dead());
        assertFalse(RULES.next(s, 10, new double[]{0}, 2.3, Double.NaN).state().symptomatic(), "no chance level: never stuck");
        assertFalse(RULES.next(DeadNetworkRules.State.INITIAL, 0, new double[]{0, 0}, 2.3, 2.3).state().symptomatic(),
                "arrays that never had a gradient are not judged");
    }

    @Test
    void theChanceLossOfTheClassFrequencies() {
        assertEquals(Math.log(10), io.github.dl4jlr.internal.nn.ChanceLevel.loss(new double[]{.1, .1, .1, .1, .1, .1, .1, .1, .1, .1},
                true), 1e-12);
        assertEquals(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)), io.github.dl4jlr.internal.nn.ChanceLevel.loss(new double[]{0.9, 0.1},
                true), 1e-12, "unbalanced: 0.325, far below ln 2");
        assertEquals(2 * Math.log(2), io.github.dl4jlr.internal.nn.ChanceLevel.loss(new double[]{0.5, 0.5}, false), 1e-12,
                "two independent sigmoid units: DL4J sums their binary cross-entropies");
        assertEquals(0, io.github.dl4jlr.internal.nn.ChanceLevel.loss(new double[]{1, 0}, true), 1e-12);
        assertTrue(Double.isNaN(io.github.dl4jlr.internal.nn.ChanceLevel.loss(new double[0], true)));
    }

    @Test
    void badPatienceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeadNetworkRules(0));
        assertEquals("Expected patience > 0, but got 0", e.getMessage());
    }
}
