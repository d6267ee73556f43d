package io.github.dl4jlr.examples.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark benchmark on its smallest setting: it measures what it says (no timing is asserted). */
@Tag("slow")
class PbtSparkBenchmarkTest {

    @Test
    void measuresTheLocalTrainerAndEmbeddedSpark() throws Exception {
        List<PbtSparkBenchmark.Row> rows = PbtSparkBenchmark.run("--populations", "2", "--modes", "local-2,spark-local",
                "--rounds", "2");
        assertEquals(2, rows.size());
        for (PbtSparkBenchmark.Row r : rows) {
            assertEquals(2, r.population());
            assertTrue(r.bytesPerTask() > 4 * 80_000, "an MLP 20-256-256-10 ships its parameters and Adam's state: "
                    + r.bytesPerTask());
        }
        assertEquals(rows.get(0).bytesPerTask(), rows.get(1).bytesPerTask(), "both trainers ship the same member state");
        assertEquals("local-2", rows.get(0).mode());
        assertTrue(rows.get(1).mode().startsWith("spark-local (local[2])"), rows.get(1).mode());
    }
}
