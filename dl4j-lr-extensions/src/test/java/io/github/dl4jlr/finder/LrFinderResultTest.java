package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result's own judgments on scripted sweeps, without a network. */
class LrFinderResultTest {

    private static LrFinderResult startingAt(double loss, double chance) {
        return fittedOn(0, loss, chance);
    }

    /** A 5-step sweep of a network fitted on {@code prior} minibatches before it. */
    private static LrFinderResult fittedOn(int prior, double loss, double chance) {
        double[] lrs = {1e-7, 1e-6, 1e-5, 1e-4, 1e-3};
        double[] losses = {loss, loss, loss, loss, loss};
        return new LrFinderResult(lrs, losses, losses, StopReason.COMPLETED, SuggestionMethod.AUTO, 0.5, null, prior,
                null)
                .withChanceLoss(chance);
    }

    @Test
    void aNetworkFittedOnAtLeastAsManyMinibatchesAsTheSweepTookIsTrainedWhateverItsLoss() {
        // t-1, t, t+1 around the sweep's 5 steps, at a loss that reads as fresh
        assertFalse(fittedOn(4, 1.9, 2.0).trained(), "fewer steps than the sweep: read as fresh");
        assertTrue(fittedOn(5, 1.9, 2.0).trained());
        assertTrue(fittedOn(6, 1.9, 2.0).trained());
        assertFalse(fittedOn(0, 1.9, 2.0).trained(), "a fresh network");
        assertTrue(fittedOn(6, 1.9, Double.NaN).trained(), "the count needs no chance level");
        assertEquals(6, fittedOn(6, 1.9, 2.0).priorIterations());
        assertTrue(fittedOn(6, 1.9, 2.0).with(null, 1.0).trained(), "kept when the trials are added");
        assertEquals("trained (fitted on 6 minibatches before the sweep, at least the sweep's 5)",
                FinderSummary.trainedBecause(fittedOn(6, 1.9, 2.0)));
        assertEquals("learned (its loss before the sweep, 1.40, is below three quarters of 2.00, the loss of "
                + "predicting only the class frequencies or the mean target)",
                FinderSummary.trainedBecause(fittedOn(6, 1.4, 2.0)));
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
