package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;

import static io.github.dl4jlr.finder.UpdaterFamily.ADAM;
import static io.github.dl4jlr.finder.UpdaterFamily.OTHER;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinueRateRuleTest {

    @Test
    void pointsToASearchOnlyWhenTheSuggestionIsMoreThanThreeTimesAwayFromTheRateItTrainedAt() {
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, 2.999e-3));
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, 3e-3), "3x apart is not more than 3x");
        assertTrue(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, 3.001e-3));
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, 1e-3 / 2.999));
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, 1e-3 / 3));
        assertTrue(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, 1e-3 / 3.001));
        // the worked values of the class comment
        assertFalse(ContinueRateRule.pointToSearch(true, 1, OTHER, 1e-2, 2.9e-2));
        assertFalse(ContinueRateRule.pointToSearch(true, 1, OTHER, 1e-2, 3.5e-3));
        assertTrue(ContinueRateRule.pointToSearch(true, 1, OTHER, 1e-2, 3.1e-2));
        assertTrue(ContinueRateRule.pointToSearch(true, 1, OTHER, 1e-2, 0.3));
        assertTrue(ContinueRateRule.pointToSearch(true, 1, OTHER, 1e-2, 1e-4));
        assertFalse(ContinueRateRule.pointToSearch(true, 1, ADAM, 1e-2, 0.3), "Adam at any distance");
        assertFalse(ContinueRateRule.pointToSearch(true, 1, ADAM, 1e-2, 1e-6));
    }

    @Test
    void saysNothingForANetworkThatHasNotLearnedOrNeverTookAStepAtItsRate() {
        assertFalse(ContinueRateRule.pointToSearch(false, 500, OTHER, 1e-3, 1e-1), "not trained");
        assertFalse(ContinueRateRule.pointToSearch(true, 0, OTHER, 1e-3, 1e-1),
                "a TransferLearning network starts at 0");
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, Double.NaN, 1e-1));
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, 0, 1e-1));
        assertFalse(ContinueRateRule.pointToSearch(true, 500, OTHER, 1e-3, Double.NaN));
    }

    @Test
    void theLineNamesBothRatesTheirDistanceAndTheSearchBracket() {
        assertEquals("LR finder: the network has trained at 1.0e-03, and the suggestion, 1.2e-02, is 12.0x above it; "
                + "on a trained network neither is the better rate to go on with every time: LearningRateSearch from "
                + "its weights (network(net), bracket(1.0e-03, 1.2e-02)) judges both, and the rates between, over your "
                + "own budget", FinderSummary.trainedAt(1e-3, 1.2e-2));
        assertEquals("LR finder: the network has trained at 1.0e-02, and the suggestion, 2.5e-04, is 40.0x below it; "
                + "on a trained network neither is the better rate to go on with every time: LearningRateSearch from "
                + "its weights (network(net), bracket(2.5e-04, 1.0e-02)) judges both, and the rates between, over your "
                + "own budget", FinderSummary.trainedAt(1e-2, 2.5e-4));
    }
}
