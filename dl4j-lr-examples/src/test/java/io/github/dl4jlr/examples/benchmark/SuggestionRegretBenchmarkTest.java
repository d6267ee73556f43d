package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
