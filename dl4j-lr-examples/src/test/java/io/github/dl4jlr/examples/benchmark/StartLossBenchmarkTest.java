package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartLossBenchmarkTest {

    @Test
    void aFreshNetworkStartsNearItsChanceLevelAndATrainedOneBelowIt() {
        List<StartLossBenchmark.Row> fresh = StartLossBenchmark.run("--problems", "iris", "--seeds", "1");
        assertEquals(1, fresh.size());
        assertEquals(2, fresh.get(0).shares().length, "one seed, Adam and momentum");
        assertTrue(fresh.get(0).min() > 0.75, "fresh outputs are near uniform: " + fresh.get(0).min());
        List<StartLossBenchmark.Row> trained = StartLossBenchmark.run("--problems", "iris", "--seeds", "1",
                "--epochs", "30");
        assertTrue(trained.get(0).max() < fresh.get(0).min(), "training lowers it: " + trained.get(0).max());
    }

    @Test
    void aNegativeEpochCountIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartLossBenchmark.run("--epochs", "-1"));
        assertEquals("Expected --epochs >= 0, but got -1", e.getMessage());
    }
}
