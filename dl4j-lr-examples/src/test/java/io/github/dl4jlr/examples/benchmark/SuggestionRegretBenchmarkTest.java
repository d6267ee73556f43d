package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.finder.FinderAudit;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuggestionRegretBenchmarkTest {

    @Test
    void namesWhatTheGridRatesBesideTheBestOneLose() {
        double[] grid = {1e-3, 3.1623e-3, 1e-2, 3.1623e-2};
        assertEquals("1.50 at 3.2e-03, 4.00 at 3.2e-02",
                SuggestionRegretBenchmark.neighbourRegrets(grid, new double[]{0.80, 0.905, 0.92, 0.88}));
    }

    @Test
    void aBestRateAtTheEndOfTheGridHasOneNeighbour() {
        double[] grid = {1e-3, 3.1623e-3, 1e-2};
        assertEquals("0.25 at 3.2e-03",
                SuggestionRegretBenchmark.neighbourRegrets(grid, new double[]{0.95, 0.9475, 0.90}));
    }

    @Test
    void theResidualGraphIsScoredOnTheVehiclesTestRows() {
        FinderAudit.Problem p = SuggestionRegretBenchmark.problem("vehicle-resnet", 1);
        assertEquals(20, p.epochs(), "the vehicles' budget");
        Model graph = p.model(new Adam(1e-3), 0);
        assertInstanceOf(ComputationGraph.class, graph);
        double untrained = p.score(graph, 0);
        assertTrue(untrained >= 0 && untrained <= 1, "an accuracy: " + untrained);
    }
}
