package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether the network's learning carries over to the validation rows, on scripted epoch ends. */
class GeneralizationRulesTest {

    private static GeneralizationRules.State ends(double... trainingThenValidation) {
        GeneralizationRules.State s = GeneralizationRules.State.INITIAL;
        for (int i = 0; i < trainingThenValidation.length; i += 2) {
            s = GeneralizationRules.epochEnd(s, trainingThenValidation[i], trainingThenValidation[i + 1]);
        }
        return s;
    }

    @Test
    void theWorkedValuesOfTheClassComment() {
        assertFalse(ends(0.45, 0.47, 0.40, 0.46).carriesOver(), "the validation loss fell a fifth as far");
        assertTrue(ends(0.45, 0.47, 0.40, 0.435).carriesOver(), "seven tenths");
        assertTrue(ends(0.45, 0.47, 0.445, 0.48).carriesOver(), "a training fall of 1.1% gives nothing to judge");
        assertFalse(ends(0.45, 0.47, 0.30, 0.52).carriesOver(), "the validation loss rose");
    }

    @Test
    void theValidationLossMustFallBySixTenthsOfTheTrainingLossFall() {
        // the training loss fell 0.625, so the edge is a validation fall of 0.375 (0.6 x 0.625 rounds to it exactly)
        assertTrue(ends(1.0, 1.0, 0.375, Math.nextDown(0.625)).carriesOver());
        assertTrue(ends(1.0, 1.0, 0.375, 0.625).carriesOver());
        assertFalse(ends(1.0, 1.0, 0.375, Math.nextUp(0.625)).carriesOver());
    }

    @Test
    void nothingIsKnownBeforeTheSecondEpochEnd() {
        assertFalse(GeneralizationRules.State.INITIAL.known());
        GeneralizationRules.State first = ends(0.45, 0.47);
        assertFalse(first.known());
        assertFalse(first.carriesOver(), "unknown is not carrying over");
        assertTrue(GeneralizationRules.holdsRaise(true, first), "advice to raise waits for the second epoch end");
        assertFalse(GeneralizationRules.holdsRaise(false, first), "without validation data nothing waits");
        assertTrue(ends(0.45, 0.47, 0.40, 0.435).known());
    }

    @Test
    void anEpochWithoutAFiniteLossChangesNothing() {
        GeneralizationRules.State s = ends(0.45, 0.47);
        assertEquals(s, GeneralizationRules.epochEnd(s, Double.NaN, 0.4));
        assertEquals(s, GeneralizationRules.epochEnd(s, 0.4, Double.POSITIVE_INFINITY));
        assertEquals(GeneralizationRules.State.INITIAL,
                GeneralizationRules.epochEnd(GeneralizationRules.State.INITIAL, Double.NaN, 0.5));
        GeneralizationRules.State later = GeneralizationRules.epochEnd(s, 0.40, 0.46);
        assertEquals(0.45, later.firstTraining());
        assertEquals(0.47, later.firstValidation());
        assertEquals(2, later.ends());
        assertEquals(0.46, later.bestValidation());
        GeneralizationRules.State above = GeneralizationRules.epochEnd(later, 0.39, 0.462);
        assertEquals(0.46, above.bestValidation());
        assertTrue(above.pastBest());
        assertFalse(later.pastBest(), "at its best");
    }

    @Test
    void aStallThatWouldRaiseTheRateOrCallItAPlateauIsOverfittingWhenTheLearningDoesNotCarryOver() {
        GeneralizationRules.State not = ends(0.45, 0.47, 0.40, 0.46, 0.38, 0.465);
        GeneralizationRules.State does = ends(0.45, 0.47, 0.40, 0.435);
        for (StallCause c : StallCause.values()) {
            boolean reading = c == StallCause.LR_TOO_LOW || c == StallCause.NO_PROGRESS || c == StallCause.PLATEAU;
            assertEquals(reading ? StallCause.OVERFITTING : c, GeneralizationRules.stallCause(c, true, not), c.name());
            assertEquals(c, GeneralizationRules.stallCause(c, true, does), c.name());
            assertEquals(c, GeneralizationRules.stallCause(c, false, not), "the training loss stalled: " + c);
            assertEquals(c, GeneralizationRules.stallCause(c, true, ends(0.45, 0.47)), "unknown: " + c);
        }
    }
}
