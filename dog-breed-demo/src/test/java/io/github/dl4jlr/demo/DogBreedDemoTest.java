package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.experiment.EpochMetrics;
import org.deeplearning4j.common.resources.DL4JResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class DogBreedDemoTest {

    /** Shared between tests and runs so the stand-in data is generated once. */
    private static final Path CACHE = Paths.get("target", "test-data-cache").toAbsolutePath();

    @Test
    void quickRunProducesEveryOutput(@TempDir Path results) throws Exception {
        DogBreedDemo.Result r = DogBreedDemo.run("--quick", "--results", results.toString(), "--cache-dir", CACHE.toString(),
                "--no-progress");

        assertEquals(12, r.runs().size());
        Path dir = results.resolve("quick");
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(EpochMetrics.HEADER, metrics.get(0));
        assertEquals(1 + 12 * 2, metrics.size(), "one row per experiment and epoch");
        String report = Files.readString(r.report());
        assertTrue(report.contains("**Stand-in data.**"), "every report says the data is a stand-in");
        assertTrue(report.contains("### Adam at 0.001 is clearly the best of 0.1, 0.01 and 0.001"), report);
        assertTrue(report.contains("### Adam has the highest accuracy and the lowest loss of the optimizers"), report);
        assertTrue(report.contains("(indicative: 1 seed; a firm verdict needs 3 or more)"), "one seed is said: " + report);
        assertTrue(report.contains("| adadelta | none (AdaDelta) |"), report);
        assertTrue(report.contains("| sgd | 1e-03 |") && report.contains("| rmsprop | 1e-03 |"),
                "the article's protocol: one common learning rate: " + report);
        assertTrue(report.contains("uses the same value, 1e-3"), report);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("src=\"data:image/png;base64,"), "charts are embedded in the HTML");
        long mdTables = report.lines().filter(l -> l.startsWith("|---")).count();
        assertEquals(mdTables, html.split("<table>", -1).length - 1, "every Markdown table is in the HTML");
        assertTrue(mdTables >= 4, "claims and groups have tables: " + mdTables);
        for (String png : List.of("lr-sweep.png", "optimizers.png", "learning-rates.png", "summary.png", "lr-finder.png",
                "pbt.png")) {
            assertNotNull(ImageIO.read(dir.resolve(png).toFile()), png);
            assertTrue(html.contains("alt=\""), png);
        }
        assertTrue(report.contains("](pbt.png)") && report.contains("](lr-finder.png)")
                && report.contains("](learning-rates.png)"), "the report shows PBT, the finder and the learning rates");
        assertFalse(r.anyFailed(), r.runs().toString());
        for (var run : r.runs()) {
            assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(run.experiment() + "-seed0").resolve("run.log")),
                    "monitor lines go to the run's folder");
        }
        // A good LR beats a bad one: the best lr-sweep run clearly beats plain SGD at 1e-3, which barely moves in 2 epochs.
        double sgd = r.runs().stream().filter(s -> s.experiment().equals("sgd")).findFirst().orElseThrow().bestTestAccuracy();
        double bestSweep = r.runs().stream().filter(s -> s.group().equals("lr-sweep"))
                .mapToDouble(s -> s.bestTestAccuracy()).max().orElseThrow();
        assertTrue(bestSweep > sgd, "best sweep " + bestSweep + " vs sgd " + sgd);
        assertTrue(r.runs().stream().allMatch(s -> !(s.bestTestAccuracy() >= 1.0)), "nothing reaches 100%");
    }

    @Test
    void aKilledRunResumesWithoutRedoingFinishedWork(@TempDir Path results) throws Exception {
        String[] args = {"--quick", "--experiments", "adam-lr0.01,adam", "--epochs", "3", "--results", results.toString(),
                "--cache-dir", CACHE.toString(), "--no-progress"};
        Path runs = results.resolve("quick").resolve("runs");
        Path firstDone = runs.resolve("adam-lr0.01-seed0").resolve("result.json");
        Path secondEpochs = runs.resolve("adam-seed0").resolve("epochs.csv");

        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DogBreedDemo.class.getName()));
        cmd.addAll(List.of(args));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(results.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(firstDone) && Files.exists(secondEpochs)) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(secondEpochs), "the child got into the second run: " + Files.readString(results.resolve("child.log")));
        } finally {
            child.destroyForcibly().waitFor();          // SIGKILL: no shutdown hooks, no cleanup
        }
        FileTime finishedAt = Files.getLastModifiedTime(firstDone);
        List<String> rowsBeforeKill = Files.readAllLines(secondEpochs);
        assertTrue(rowsBeforeKill.size() >= 2 && rowsBeforeKill.size() < 4, "killed mid-run: " + rowsBeforeKill);

        List<String> resumed = new ArrayList<>(List.of(args));
        resumed.add("--resume");
        DogBreedDemo.Result r = DogBreedDemo.run(resumed.toArray(String[]::new));

        assertEquals(finishedAt, Files.getLastModifiedTime(firstDone), "the finished run was not redone");
        List<String> rowsAfter = Files.readAllLines(secondEpochs);
        assertEquals(4, rowsAfter.size(), "all three epochs of the interrupted run");
        assertEquals(rowsBeforeKill.subList(0, rowsBeforeKill.size()), rowsAfter.subList(0, rowsBeforeKill.size()),
                "completed epochs are kept, not retrained");
        assertEquals(2, r.runs().size());
        assertEquals(1 + 2 * 3, Files.readAllLines(results.resolve("quick").resolve("metrics.csv")).size());
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
        assertEquals("Expected a group of [lr-sweep, optimizers, dl4j-defaults], but got optimisers", e.getMessage());
    }
}
