package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.experiment.EpochMetrics;
import io.github.dl4jlr.demo.experiment.Progress;
import io.github.dl4jlr.demo.experiment.RunSummary;
import org.deeplearning4j.common.resources.DL4JResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class DogBreedDemoTest {

    /** This class's own cache, so the stand-in data is generated once for its tests and shared with no other class. */
    private static final Path CACHE = Paths.get("target", "test-data-cache", "DogBreedDemoTest").toAbsolutePath();

    @Test
    void quickRunProducesEveryOutput(@TempDir Path results) throws Exception {
        DogBreedDemo.Result r = DogBreedDemo.run("--quick", "--results", results.toString(), "--cache-dir", CACHE.toString(),
                "--no-progress");

        assertEquals(14, r.runs().size(), "lr-sweep, optimizers and lr-free, one seed");
        Path dir = results.resolve("quick");
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(EpochMetrics.HEADER, metrics.get(0));
        assertEquals(1 + 14 * 2, metrics.size(), "one row per experiment and epoch");
        String report = Files.readString(r.report());
        assertTrue(report.contains("**Stand-in data.**"), "every report says the data is a stand-in");
        assertTrue(report.contains("### Adam at 0.001 is clearly the best of 0.1, 0.01 and 0.001"), report);
        assertTrue(report.contains("### Adam has the highest accuracy and the lowest loss of the optimizers"), report);
        assertTrue(report.contains("### With no learning rate chosen, the learning-rate-free updaters do as well as Adam"),
                report);
        assertTrue(report.contains("(indicative: 1 seed; a firm verdict needs 3 or more)"), "one seed is said: " + report);
        assertTrue(report.contains("| adadelta | none (AdaDelta) |"), report);
        assertTrue(report.contains("| sgd | 1e-03 |") && report.contains("| rmsprop | 1e-03 |"),
                "the article's protocol: one common learning rate: " + report);
        assertTrue(report.contains("uses the same value, 1e-3"), report);
        assertTrue(report.contains("| prodigy | none chosen: its estimate d x 1 |")
                        && report.contains("| schedule-free-adamw | 2.5e-03 (authors' default), no schedule |"),
                "the learning-rate-free pair at their authors' defaults: " + report);
        assertTrue(report.matches("(?s).*to prepare the images, \\d+ s to train 14 runs \\((\\d at a time in this JVM|one "
                + "at a time);.*"), "the report says how long each part took: " + report);
        assertTrue(report.contains("| s/run |"), report);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("src=\"data:image/png;base64,"), "charts are embedded in the HTML");
        long mdTables = report.lines().filter(l -> l.startsWith("|---")).count();
        assertEquals(mdTables, html.split("<table>", -1).length - 1, "every Markdown table is in the HTML");
        assertTrue(mdTables >= 4, "claims and groups have tables: " + mdTables);
        for (String png : List.of("lr-sweep.png", "optimizers.png", "lr-free.png", "learning-rates.png", "summary.png",
                "lr-finder.png", "pbt.png")) {
            assertNotNull(ImageIO.read(dir.resolve(png).toFile()), png);
        }
        assertTrue(report.contains("](pbt.png)") && report.contains("](lr-finder.png)")
                && report.contains("](learning-rates.png)"), "the report shows PBT, the finder and the learning rates");
        assertFalse(r.anyFailed(), r.runs().toString());
        for (RunSummary run : r.runs()) {
            assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(run.experiment() + "-seed0").resolve("run.log")),
                    "monitor lines go to the run's folder");
        }
    }

    /**
     * One after the other, two at a time, and two at a time halted (as a kill would) and resumed: the same numbers,
     * and each run's log holds only its own lines.
     */
    @Test
    void parallelAndResumedRunsGiveTheSequentialResult(@TempDir Path dir) throws Exception {
        List<String> common = List.of("--quick", "--experiments", "adam,pbt-adam,prodigy", "--epochs", "2",
                "--cache-dir", CACHE.toString(), "--no-progress");
        DogBreedDemo.Result sequential = DogBreedDemo.run(args(common, "--results", dir.resolve("seq").toString(),
                "--parallel", "1"));
        DogBreedDemo.Result parallel = DogBreedDemo.run(args(common, "--results", dir.resolve("par").toString(),
                "--parallel", "2"));

        assertEquals(withoutTimes(sequential.directory()), withoutTimes(parallel.directory()));
        assertOwnLinesOnly(parallel.directory().resolve("runs"));

        String[] halted = args(common, "--results", dir.resolve("halted").toString(), "--parallel", "2",
                "--halt-after-epochs", "3");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DogBreedDemo.class.getName()));
        cmd.addAll(List.of(halted));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertEquals(Progress.HALT_EXIT_CODE, child.waitFor(), Files.readString(dir.resolve("child.log")));
        Path runs = dir.resolve("halted").resolve("quick").resolve("runs");
        Map<Path, List<String>> rowsBefore = files(runs, "epochs.csv");
        Map<Path, FileTime> finishedBefore = new HashMap<>();
        for (Path p : files(runs, "result.json").keySet()) {
            finishedBefore.put(p, Files.getLastModifiedTime(p));
        }
        assertTrue(rowsBefore.values().stream().mapToInt(l -> l.size() - 1).sum() >= 3,
                "the child was halted after its third epoch: " + rowsBefore);

        DogBreedDemo.Result resumed = DogBreedDemo.run(args(List.of(halted).subList(0, halted.length - 2), "--resume"));

        assertEquals(withoutTimes(sequential.directory()), withoutTimes(resumed.directory()));
        for (Map.Entry<Path, List<String>> e : rowsBefore.entrySet()) {
            List<String> after = Files.readAllLines(e.getKey()).subList(0, e.getValue().size());
            if (e.getKey().getParent().getFileName().toString().startsWith("pbt-")) {
                // PBT's round is committed after its row is written, and the halt comes in between: the round is
                // trained again from its (seeded) start, to the same numbers
                assertEquals(metricsOnly(e.getValue()), metricsOnly(after), "the retrained PBT round: " + e.getKey());
            } else {
                assertEquals(e.getValue(), after, "completed epochs are kept, not retrained: " + e.getKey());
            }
        }
        for (Map.Entry<Path, FileTime> e : finishedBefore.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), "a finished run is not redone");
        }
    }

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** metrics.csv without the columns that time the runs (seconds, images per second, data wait). */
    private static List<String> withoutTimes(Path resultDir) throws IOException {
        return metricsOnly(Files.readAllLines(resultDir.resolve("metrics.csv")));
    }

    private static List<String> metricsOnly(List<String> csvLines) {
        List<String> out = new ArrayList<>();
        for (String line : csvLines) {
            String[] f = line.split(",", -1);
            out.add(String.join(",", List.of(f).subList(0, 9)));
        }
        return out;
    }

    private static Map<Path, List<String>> files(Path runs, String name) throws IOException {
        Map<Path, List<String>> out = new HashMap<>();
        try (Stream<Path> s = Files.list(runs)) {
            for (Path run : s.toList()) {
                Path f = run.resolve(name);
                if (Files.isRegularFile(f)) {
                    out.put(f, Files.readAllLines(f));
                }
            }
        }
        return out;
    }

    /** Every per-epoch line in a run's log names that run. */
    private static void assertOwnLinesOnly(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            for (Path run : s.toList()) {
                String id = run.getFileName().toString().replace("-seed", " seed ");
                List<String> epochLines = Files.readAllLines(run.resolve("run.log")).stream()
                        .filter(l -> l.matches(".* seed \\d+ epoch \\d+/\\d+: .*")).toList();
                assertFalse(epochLines.isEmpty(), run.toString());
                assertTrue(epochLines.stream().allMatch(l -> l.contains(" - " + id + " epoch ")),
                        run + " holds another run's lines: " + epochLines);
            }
        }
    }

    @AfterEach
    void restoreDl4jHome() {
        DL4JResources.resetBaseDirectoryLocation();
    }

    @Test
    void pretrainedWeightsMustBeInTheLocalCache(@TempDir Path emptyDl4jHome) {
        DL4JResources.setBaseDirectory(emptyDl4jHome.toFile());   // never the developer's ~/.deeplearning4j
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DogBreedDemo.run("--quick", "--pretrained", "vgg16", "--cache-dir", CACHE.toString()));
        assertTrue(e.getMessage().startsWith("No vgg16 weights in the DL4J model cache: expected "), e.getMessage());
        assertTrue(e.getMessage().contains("vgg16_dl4j_inference.zip (Adler32 3501732770)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DogBreedDemo.run("--pretrained", "alexnet"));
        assertEquals("Expected --pretrained vgg16 or resnet50, but got alexnet", e.getMessage());
    }

    @Test
    void unknownExperimentIdsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DogBreedDemo.run("--quick", "--experiments", "adamw", "--cache-dir", CACHE.toString()));
        assertTrue(e.getMessage().startsWith("Expected an experiment id of [adam-lr0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DogBreedDemo.run("--quick", "--groups", "optimisers", "--cache-dir", CACHE.toString()));
        assertEquals("Expected a group of [lr-sweep, optimizers, lr-free, dl4j-defaults], but got optimisers",
                e.getMessage());
    }
}
