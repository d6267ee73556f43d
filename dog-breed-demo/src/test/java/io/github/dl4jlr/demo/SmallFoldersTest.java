package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.experiment.RunSummary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any folder with at least two readable classes gives a report: what cannot run at that size is skipped with its
 * reason, and nothing crashes. Every folder here has one corrupt file.
 */
@Tag("slow")
class SmallFoldersTest {

    /** {@code counts[c]} images of class c (a coloured square per class, lightly varied), plus one corrupt file. */
    private static Path folder(Path dir, int... counts) throws Exception {
        for (int c = 0; c < counts.length; c++) {
            Path cls = Files.createDirectories(dir.resolve("breed" + c));
            for (int i = 0; i < counts[c]; i++) {
                BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color((60 * c + 7 * i) % 256, (90 + 40 * c) % 256, (20 * i) % 256));
                g.fillRect(0, 0, 20, 20);
                g.dispose();
                ImageIO.write(img, "png", cls.resolve("img" + i + ".png").toFile());
            }
        }
        Files.writeString(dir.resolve("breed0").resolve("broken.jpg"), "not an image");
        return dir;
    }

    private static DogBreedDemo.Result run(Path data, Path results) throws Exception {
        return DogBreedDemo.run("--quick", "--data", data.toString(), "--results", results.toString(), "--no-progress");
    }

    private static void assertReport(DogBreedDemo.Result r) throws Exception {
        assertFalse(r.anyFailed(), "nothing fails: " + r.runs());
        String md = Files.readString(r.report());
        assertTrue(md.contains("1 unreadable image file(s) were skipped"), md);
        assertTrue(Files.isRegularFile(r.directory().resolve("report.html")));
        for (RunSummary s : r.runs()) {
            assertTrue(s.ran() || md.contains("| " + s.experiment() + " | " + s.seed() + " | SKIPPED | "),
                    "every skipped run is listed with its reason: " + s);
        }
    }

    @Test
    void twoClassesOfThreeImagesWithOneCorrupt(@TempDir Path dir) throws Exception {
        DogBreedDemo.Result r = run(folder(dir.resolve("data"), 3, 3), dir.resolve("results"));
        assertReport(r);
        RunSummary finder = r.runs().stream().filter(s -> s.experiment().equals("finder-1cycle")).findFirst().orElseThrow();
        assertEquals(RunSummary.Status.SKIPPED, finder.status());
        assertTrue(finder.reason().startsWith("1cycle over 2 iteration(s) is too short"), finder.reason());
        RunSummary pbt = r.runs().stream().filter(s -> s.experiment().equals("pbt-adam")).findFirst().orElseThrow();
        assertTrue(pbt.ran(), "a class of three keeps one validation image, so PBT runs: " + pbt);
    }

    @Test
    void threeClassesOfTenImagesWithOneCorrupt(@TempDir Path dir) throws Exception {
        DogBreedDemo.Result r = run(folder(dir.resolve("data"), 10, 10, 10), dir.resolve("results"));
        assertReport(r);
        assertEquals(14, r.runs().size(), r.runs().toString());
        assertTrue(r.runs().stream().filter(s -> !s.experiment().equals("finder-1cycle")).allMatch(RunSummary::ran),
                r.runs().toString());
    }

    @Test
    void oneClassWithASingleImage(@TempDir Path dir) throws Exception {
        DogBreedDemo.Result r = run(folder(dir.resolve("data"), 4, 1, 3), dir.resolve("results"));
        assertReport(r);
        assertTrue(Files.readString(r.report()).contains("3 classes"), "the single-image class is kept for training");
    }

    @Test
    void classesOfOneImageLeaveNothingToTestButStillGiveAReport(@TempDir Path dir) throws Exception {
        DogBreedDemo.Result r = run(folder(dir.resolve("data"), 1, 1), dir.resolve("results"));
        assertReport(r);
        assertEquals(14, r.runs().size(), r.runs().toString());
        assertTrue(r.runs().stream().noneMatch(RunSummary::ran));
        assertTrue(r.runs().stream().allMatch(s -> s.reason().startsWith("no test images")), r.runs().toString());
    }
}
