package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who owns the learning rate, on scripted rates. */
class LrOwnerRulesTest {

    private static LrOwnerRules.State seen(double... rates) {
        LrOwnerRules.State s = LrOwnerRules.State.INITIAL;
        for (double r : rates) {
            s = LrOwnerRules.next(s, r);
        }
        return s;
    }

    @Test
    void workedValues() {
        assertFalse(seen(1e-2).lowered());
        assertFalse(seen(1e-2, 1e-2).lowered());
        assertTrue(seen(1e-2, 1e-2, 1e-3).lowered());
        assertEquals(1e-2, seen(1e-2, 1e-2, 1e-3).peak());
        assertFalse(seen(1e-3, 1e-2).lowered(), "a warm-up raises the peak");
    }

    @Test
    void halfThePeakIsTheEdge() {
        assertFalse(seen(1.0, 0.5000001).lowered(), "t-1");
        assertTrue(seen(1.0, 0.5).lowered(), "t");
        assertTrue(seen(1.0, 0.4999999).lowered(), "t+1");
    }

    @Test
    void aNaNRateChangesNothingAndNothingSeenIsNotLowered() {
        assertFalse(LrOwnerRules.State.INITIAL.lowered());
        assertEquals(seen(1e-2, 1e-3), LrOwnerRules.next(seen(1e-2, 1e-3), Double.NaN));
    }

    @Test
    void theOwnerByPrecedence() {
        assertEquals(LrOwnerRules.Owner.ROLLBACK, LrOwnerRules.owner(true, true, true));
        assertEquals(LrOwnerRules.Owner.PLATEAU, LrOwnerRules.owner(false, true, true));
        assertEquals(LrOwnerRules.Owner.SCHEDULE, LrOwnerRules.owner(false, false, true));
        assertEquals(LrOwnerRules.Owner.OTHER, LrOwnerRules.owner(false, false, false));
        assertEquals("ReduceLROnPlateau", LrOwnerRules.Owner.PLATEAU.text());
    }
}
