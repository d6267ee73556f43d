package io.github.dl4jlr.internal.rules;

import io.github.dl4jlr.control.PlateauDecision;
import io.github.dl4jlr.internal.rules.PlateauRules.State;
import io.github.dl4jlr.internal.rules.PlateauRules.Step;
import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.control.ThresholdMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plateau rule on scripted loss sequences. */
class PlateauRulesTest {

    /** Decisions for a loss sequence; the LR can be reduced {@code room} times. */
    private static List<PlateauDecision> run(PlateauRules p, int room, double... losses) {
        List<PlateauDecision> out = new ArrayList<>();
        State s = State.INITIAL;
        int left = room;
        for (double loss : losses) {
            Step step = p.next(s, loss, left > 0);
            if (step.decision() == PlateauDecision.REDUCE) {
                left--;
            }
            s = step.state();
            out.add(step.decision());
        }
        return out;
    }

    private static final PlateauDecision N = PlateauDecision.NONE;
    private static final PlateauDecision R = PlateauDecision.REDUCE;
    private static final PlateauDecision X = PlateauDecision.EXHAUSTED;

    @Test
    void cutsAtThePatiencethEpochWithoutImprovement() {
        PlateauRules p = new PlateauRules(3, 0, ThresholdMode.RELATIVE, 0);
        assertEquals(List.of(N, N, N, N, R, N, N, R), run(p, 9, 1.0, 0.9, 0.9, 0.95, 0.91, 0.92, 0.93, 0.94));
    }

    @Test
    void anImprovementResetsTheCount() {
        PlateauRules p = new PlateauRules(2, 0, ThresholdMode.RELATIVE, 0);
        assertEquals(List.of(N, N, N, N, N, N, R), run(p, 9, 1.0, 1.0, 0.8, 0.8, 0.7, 0.75, 0.72));
    }

    @Test
    void relativeThresholdNeedsAProportionalGain() {
        PlateauRules p = new PlateauRules(2, 0.1, ThresholdMode.RELATIVE, 0);
        // 1.0 -> 0.95 is 5%, not the 10% needed; 0.85 is 15%.
        assertEquals(List.of(N, N, R, N, N), run(p, 9, 1.0, 0.95, 0.92, 0.85 * 0.9 / 0.9, 0.8));
        assertTrue(p.improves(0.899, 1.0));
        assertFalse(p.improves(0.9, 1.0));
    }

    @Test
    void absoluteThresholdNeedsAFixedGain() {
        PlateauRules p = new PlateauRules(2, 0.05, ThresholdMode.ABSOLUTE, 0);
        assertTrue(p.improves(10.94, 11.0));
        assertFalse(p.improves(10.96, 11.0));
        assertEquals(List.of(N, N, R), run(p, 9, 11.0, 10.96, 10.97));
    }

    @Test
    void cooldownIgnoresBadEpochsAfterACut() {
        PlateauRules p = new PlateauRules(2, 0, ThresholdMode.RELATIVE, 2);
        //             best  bad1 bad2->R  cool cool  bad1  bad2->R
        assertEquals(List.of(N, N, R, N, N, N, R), run(p, 9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    @Test
    void atTheFloorPatienceRunningOutAgainIsExhaustion() {
        PlateauRules p = new PlateauRules(2, 0, ThresholdMode.RELATIVE, 0);
        assertEquals(List.of(N, N, R, N, X, N, X), run(p, 1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    @Test
    void nanNeverImproves() {
        PlateauRules p = new PlateauRules(2, 0, ThresholdMode.RELATIVE, 0);
        assertEquals(List.of(N, N, R), run(p, 9, 1.0, Double.NaN, Double.NaN));
        assertFalse(p.improves(Double.NaN, Double.POSITIVE_INFINITY));
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlateauRules(0, 1e-4, ThresholdMode.RELATIVE, 0));
        assertEquals("Expected patience > 0, but got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PlateauRules(3, -1e-4, ThresholdMode.RELATIVE, 0));
        assertEquals("Expected threshold >= 0 and finite, but got -1.0E-4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().factor(1.0).build());
        assertEquals("Expected factor in (0.0, 1.0), but got 1.0", e.getMessage());
    }
}
