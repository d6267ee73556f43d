package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.experiment.EpochMetrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo on embedded Spark gives the numbers of a local run, and {@code --resume} works there too. */
@Tag("slow")
class DemoOnSparkTest {

    private static final Path CACHE = Paths.get("target", "test-data-cache", "DemoOnSparkTest").toAbsolutePath();

    private static String[] args(Path results, String... extra) {
        List<String> a = new ArrayList<>(List.of("--quick", "--experiments", "adam-lr0.01,sgd-step,pbt-adam,finder-1cycle",
                "--results", results.toString(), "--cache-dir", CACHE.toString(), "--no-progress"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Every metric of every row, without the timing columns (seconds, images/s, data wait), which differ by nature. */
    private static List<String> numbers(Path metrics) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            if (line.equals(EpochMetrics.HEADER)) {
                continue;
            }
            String[] f = line.split(",", -1);
            out.add(String.join(",", List.of(f).subList(0, 9)));
        }
        return out;
    }

    @Test
    void sameNumbersAsALocalRunAndResumeWorks(@TempDir Path dir) throws Exception {
        DogBreedDemo.Result local = DogBreedDemo.run(args(dir.resolve("local")));
        DogBreedDemo.Result spark = DogBreedDemo.run(args(dir.resolve("spark"), "--spark-master", "local[2]"));
        assertFalse(spark.anyFailed(), spark.runs().toString());
        List<String> expected = numbers(local.directory().resolve("metrics.csv"));
        assertEquals(4 * 2, expected.size());
        assertEquals(expected, numbers(spark.directory().resolve("metrics.csv")), "same numbers, not close");
        assertEquals(local.runs().stream().map(r -> r.experiment() + r.bestTestAccuracy() + r.note()).toList(),
                spark.runs().stream().map(r -> r.experiment() + r.bestTestAccuracy() + r.note()).toList());
        assertTrue(Files.readString(spark.report()).contains("](pbt.png)"));

        // A run whose result was lost continues from its last checkpoint; finished ones are kept.
        Path run = spark.directory().resolve("runs").resolve("adam-lr0.01-seed0");
        Files.delete(run.resolve("result.json"));
        DogBreedDemo.Result resumed = DogBreedDemo.run(args(dir.resolve("spark"), "--spark-master", "local[2]", "--resume"));
        assertTrue(Files.isRegularFile(run.resolve("result.json")));
        assertEquals(expected, numbers(resumed.directory().resolve("metrics.csv")));
    }
}
