package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result's own judgments on scripted sweeps, without a network. */
class LrFinderResultTest {

    private static LrFinderResult startingAt(double loss, double chance) {
        double[] lrs = {1e-7, 1e-6, 1e-5, 1e-4, 1e-3};
        double[] losses = {loss, loss, loss, loss, loss};
        return new LrFinderResult(lrs, losses, losses, StopReason.COMPLETED, SuggestionMethod.AUTO, 0.5, null)
                .withChanceLoss(chance);
    }

    @Test
    void aNetworkHasLearnedBelowThreeQuartersOfItsChanceLevel() {
        // t-1, t, t+1 around 0.75 x 2.0 = 1.5
        assertTrue(startingAt(1.49, 2.0).trained());
        assertFalse(startingAt(1.5, 2.0).trained(), "at three quarters: not yet");
        assertFalse(startingAt(1.51, 2.0).trained());
        // a hard two-class table after 5 epochs: 0.42 against 0.668; a fresh network's 0.87 of it stays fresh
        assertTrue(startingAt(0.42, 0.668).trained());
        assertFalse(startingAt(0.87 * 0.668, 0.668).trained());
        assertFalse(startingAt(0.42, Double.NaN).trained(), "no chance level known");
    }
}
