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
    void aRateNotYetHalvedExplainsARatioThatWouldBeInTheBandAtItsPeak() {
        // the class comment's worked values: a cosine decay 30% of the way down, band from 1e-4
        LrOwnerRules.State cosine = seen(1e-3, 7e-4);
        assertFalse(cosine.lowered());
        assertTrue(LrOwnerRules.explains(cosine, 8e-5, 1e-4), "8e-5 would be 1.1e-4 at the peak");
        assertFalse(LrOwnerRules.explains(cosine, 6e-5, 1e-4), "6e-5 would be 8.6e-5: the peak rate is low too");
        assertFalse(LrOwnerRules.explains(cosine, Double.NaN, 1e-4));
        assertTrue(LrOwnerRules.explains(seen(1e-2, 1e-3), 1e-9, 1e-4), "a rate cut 10x explains any low ratio");
        assertFalse(LrOwnerRules.explains(seen(1e-3), 8e-5, 1e-4), "a rate never lowered explains nothing");
        assertFalse(LrOwnerRules.explains(seen(7e-4, 1e-3), 8e-5, 1e-4), "nor does a warm-up");
        assertFalse(LrOwnerRules.explains(LrOwnerRules.State.INITIAL, 8e-5, 1e-4));
    }

    @Test
    void theRatioAtThePeakReachingTheBandIsTheEdge() {
        // peak 1, current 0.75, band from 0.25: the edge is a ratio of 0.1875 (exact in binary)
        LrOwnerRules.State s = seen(1.0, 0.75);
        assertFalse(LrOwnerRules.explains(s, Math.nextDown(0.1875), 0.25), "t-1");
        assertTrue(LrOwnerRules.explains(s, 0.1875, 0.25), "t");
        assertTrue(LrOwnerRules.explains(s, Math.nextUp(0.1875), 0.25), "t+1");
        assertFalse(LrOwnerRules.explains(s, 0.25, 0.25), "a ratio in the band is not low: nothing to explain");
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
