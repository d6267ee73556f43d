package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class TrainedNetworkBenchmarkTest {

    @Test
    void comparesTheSuggestionForATrainedNetworkWithAContinuationGrid(@TempDir Path dir) throws Exception {
        List<TrainedNetworkBenchmark.Cell> cells = TrainedNetworkBenchmark.run("--problems", "blobs", "--optimizers",
                "adam", "--seeds", "1", "--grid", "1e-3", "--out", dir.toString());
        assertEquals(1, cells.size());
        TrainedNetworkBenchmark.Cell c = cells.get(0);
        assertEquals(1e-3, c.keptLr(), 0, "Adam trained at 1e-3 before the finder ran");
        assertEquals(c.bestAccuracy(), c.keptAccuracy(), 0, "continuing at it is the grid's only rate here");
        assertEquals(0, c.keptRegretPoints(), 0);
        assertEquals(1, c.perSeed().length + c.broken(), "the seed is either measured or left out, with the reason");
        assertTrue(c.ratio() >= 1, "a factor between the suggestion and the grid's best: " + c.ratio());
        List<String> csv = Files.readAllLines(dir.resolve("trained-network.csv"));
        assertEquals(TrainedNetworkBenchmark.HEADER, csv.get(0));
        assertTrue(csv.get(1).startsWith("blobs,adam,"), csv.get(1));
        assertTrue(csv.get(1).endsWith(String.format(Locale.ROOT, ",1.00e-03,%.4f,0.00,0,NaN,NaN", c.keptAccuracy())),
                csv.get(1));
    }

    @Test
    void withValidationTheCellTrainsOnFourFifthsOfTheRows(@TempDir Path dir) throws Exception {
        List<TrainedNetworkBenchmark.Cell> cells = TrainedNetworkBenchmark.run("--problems", "wine", "--optimizers",
                "momentum", "--seeds", "1", "--grid", "1e-3", "--validation", "--search", "--out", dir.toString());
        assertEquals(1, cells.size());
        TrainedNetworkBenchmark.Cell c = cells.get(0);
        assertEquals(1, c.perSeed().length + c.broken());
        assertTrue(Double.isNaN(c.keptAccuracy()), "not measured: the grid lacks the rate it trained at");
        if (c.perSeed().length == 1) {
            double apart = Math.max(c.suggestion() / 1e-2, 1e-2 / c.suggestion());
            assertEquals(apart > 3 ? 1 : 0, c.searched(), "a search where the rates lie more than 3x apart: " + apart);
            assertTrue(c.advisedAccuracy() > 0.5, "the search's winner, or the suggestion: " + c.advisedAccuracy());
            if (c.searched() == 0) {
                assertEquals(c.suggestionAccuracy(), c.advisedAccuracy(), 0);
            }
        }
    }

    @Test
    void theSearchNeedsTheHeldOutFifth() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainedNetworkBenchmark.run("--problems", "wine", "--search"));
        assertEquals("Expected --validation with --search: the search judges its candidates on the held-out fifth",
                e.getMessage());
    }

    @Test
    void withSearchAdamAnAdamNetworkIsSearchedWhereTheTwoRatesLieFarApart(@TempDir Path dir) throws Exception {
        List<TrainedNetworkBenchmark.Cell> cells = TrainedNetworkBenchmark.run("--problems", "wine", "--optimizers",
                "adam", "--seeds", "1", "--grid", "1e-3", "--validation", "--search", "--search-adam", "--out",
                dir.toString());
        TrainedNetworkBenchmark.Cell c = cells.get(0);
        if (c.perSeed().length == 1) {
            double apart = Math.max(c.suggestion() / 1e-3, 1e-3 / c.suggestion());
            assertEquals(apart > 3 ? 1 : 0, c.searched(), "the other conditions still hold: " + apart);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainedNetworkBenchmark.run("--problems", "wine", "--validation", "--search-adam"));
        assertEquals("Expected --search with --search-adam: it widens where --search runs", e.getMessage());
    }
}
