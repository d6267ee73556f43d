package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.monitor.StallCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StallCheckBenchmarkTest {

    @Test
    void irisForFourEpochsGivesOneRowPerRateAndNamesTheFarTooLowOnes(@TempDir Path dir) throws Exception {
        List<StallCheckBenchmark.Run> runs = StallCheckBenchmark.run("--datasets", "iris", "--epochs", "4",
                "--out", dir.toString());
        assertEquals(10, runs.size());
        StallCheckBenchmark.Run slowest = runs.get(0);
        assertEquals(1e-5, slowest.lr());
        assertEquals(3, slowest.improvements().length);
        assertEquals(1, slowest.stalls().size(), slowest.stalls().toString());
        assertEquals(StallCause.LR_TOO_LOW, slowest.stalls().get(0).cause());
        List<String> csv = Files.readAllLines(dir.resolve("stall-check.csv"));
        assertEquals(StallCheckBenchmark.HEADER, csv.get(0));
        assertEquals(11, csv.size());
        assertTrue(csv.get(1).startsWith("iris,sgd,1.0E-5,4,") && csv.get(1).endsWith(",3:LR_TOO_LOW"), csv.get(1));
    }

    @Test
    void epochsMustMatchTheDataSets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StallCheckBenchmark.run("--datasets", "iris,blobs", "--epochs", "4"));
        assertEquals("Expected one --epochs value per data set (2), but got 1", e.getMessage());
    }
}
