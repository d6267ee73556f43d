package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepSizeEstimateBenchmarkTest {

    @Test
    void aTinyGridWritesOneRowPerLearningRateWithAnEstimate(@TempDir Path dir) throws Exception {
        List<StepSizeEstimateBenchmark.Cell> cells = StepSizeEstimateBenchmark.run("--datasets", "iris", "--seeds", "1",
                "--optimizers", "sgd-momentum", "--grid", "0.003,0.03", "--frequency", "2", "--out", dir.toString());
        assertEquals(1, cells.size());
        StepSizeEstimateBenchmark.Cell c = cells.get(0);
        assertEquals(2, c.rows().size());
        StepSizeEstimateBenchmark.Row best = c.rows().stream()
                .max(java.util.Comparator.comparingDouble(StepSizeEstimateBenchmark.Row::accuracy)).orElseThrow();
        assertEquals(best.lr(), c.bestLr(), "the best rate is the one with the highest accuracy: " + c.rows());
        for (StepSizeEstimateBenchmark.Row r : c.rows()) {
            assertTrue(r.estimate() > 0 && Double.isFinite(r.estimate()), "an estimate was measured: " + r);
        }
        List<String> csv = Files.readAllLines(dir.resolve("step-size-estimate.csv"));
        assertEquals(StepSizeEstimateBenchmark.HEADER, csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("iris,sgd-momentum,0.003,"), csv.get(1));
    }

    @Test
    void percentilesAndDriftIgnoreMissingEstimates() {
        assertEquals(1.0, StepSizeEstimateBenchmark.percentile(new double[]{3, Double.NaN, 1, 2}, 0.1));
        assertEquals(3.0, StepSizeEstimateBenchmark.percentile(new double[]{3, Double.NaN, 1, 2}, 0.9));
        assertTrue(Double.isNaN(StepSizeEstimateBenchmark.percentile(new double[]{Double.NaN}, 0.5)));
    }
}
