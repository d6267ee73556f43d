package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class UpdaterCostBenchmarkTest {

    @Test
    void measuresStateMemoryAsTheUpdatersDefineIt(@TempDir Path dir) throws Exception {
        List<UpdaterCostBenchmark.Row> rows = UpdaterCostBenchmark.run("--rounds", "1", "--iterations", "2",
                "--out", dir.toString());
        assertTrue(rows.size() >= 3, rows.toString());
        for (UpdaterCostBenchmark.Row r : rows) {
            long perParam = switch (r.updater()) {
                case "adam" -> 2;
                case "prodigy" -> 4;
                case "schedule-free-adamw" -> 2;
                default -> -1;
            };
            if (perParam > 0) {
                assertTrue(r.stateBytes() >= perParam * 4 * r.params(), "state of " + r.updater() + ": " + r);
                assertTrue(r.stateBytes() < (perParam + 1) * 4 * r.params(), "and little more: " + r);
            }
        }
        assertEquals(0, rows.stream().filter(r -> r.updater().equals("adam")).mapToDouble(r -> r.vsAdamPercent())
                .sum(), 1e-9, "Adam is the reference");
    }
}
