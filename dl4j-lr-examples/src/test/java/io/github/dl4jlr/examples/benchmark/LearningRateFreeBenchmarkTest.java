package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class LearningRateFreeBenchmarkTest {

    @Test
    void comparesBothUpdatersWithTheGridsBestAdamAndWritesARowEach(@TempDir Path dir) throws Exception {
        List<LearningRateFreeBenchmark.Row> rows = LearningRateFreeBenchmark.run("--problems", "iris", "--seeds", "1",
                "--grid", "1e-3,1e-2", "--out", dir.toString());
        assertEquals(List.of("adam", "adam-cosine", "prodigy", "schedule-free-adamw", "schedule-free-adamw@y"),
                rows.stream().map(LearningRateFreeBenchmark.Row::method).toList());
        assertTrue(rows.stream().filter(r -> r.method().startsWith("adam")).allMatch(r -> r.lr() > 0),
                "Adam's rows name the grid rate they won with: " + rows);
        assertTrue(rows.stream().filter(r -> !r.method().startsWith("adam")).allMatch(r -> Double.isNaN(r.lr())),
                "no rate was chosen for the learning-rate-free pair: " + rows);
        assertEquals(1 + 5, Files.readAllLines(dir.resolve("lr-free.csv")).size());
    }
}
