package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.data.DatasetScanner;
import io.github.dl4jlr.demo.data.DecodedImages;
import io.github.dl4jlr.demo.data.ImageDataset;
import io.github.dl4jlr.demo.data.LabeledImage;
import io.github.dl4jlr.demo.data.StratifiedSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetScannerTest {

    private static void image(Path file, int w, int h) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        ImageIO.write(img, "jpg", file.toFile());
    }

    private static String error(Path dir) {
        return assertThrows(IllegalArgumentException.class, () -> DatasetScanner.scan(dir)).getMessage();
    }

    @Test
    void readsTheStanfordLayoutWithOrWithoutTheImagesFolder(@TempDir Path dir) throws Exception {
        image(dir.resolve("Images/n02085620-Chihuahua/a.jpg"), 40, 30);
        image(dir.resolve("Images/n02085620-Chihuahua/b.jpg"), 40, 30);
        image(dir.resolve("Images/n02085782-Japanese_spaniel/c.jpg"), 40, 30);
        Files.writeString(dir.resolve("Images/n02085782-Japanese_spaniel/notes.txt"), "not an image");
        ImageDataset ds = DatasetScanner.scan(dir);
        assertEquals(List.of("n02085620-Chihuahua", "n02085782-Japanese_spaniel"), ds.labels());
        assertEquals(3, ds.images().size());
        assertEquals(ds.labels(), DatasetScanner.scan(dir.resolve("Images")).labels());
    }

    @Test
    void readsTheKaggleLayout(@TempDir Path dir) throws Exception {
        image(dir.resolve("train/x1.jpg"), 20, 20);
        image(dir.resolve("train/x2.jpg"), 20, 20);
        image(dir.resolve("train/x3.jpg"), 20, 20);
        Files.writeString(dir.resolve("labels.csv"), "id,breed\nx1,pug\nx2,beagle\nx3,pug\n");
        ImageDataset ds = DatasetScanner.scan(dir);
        assertEquals("kaggle", ds.layout());
        assertEquals(List.of("beagle", "pug"), ds.labels());
        assertEquals(1, ds.images().stream().filter(i -> i.label() == 0).count());
    }

    @Test
    void badLayoutsGetErrorsThatSayWhatToFix(@TempDir Path dir) throws Exception {
        assertTrue(error(dir.resolve("missing")).contains("does not exist. Pass --data"));

        image(dir.resolve("one/only/a.jpg"), 10, 10);
        assertTrue(error(dir.resolve("one")).startsWith("Expected at least 2 class folders"));

        image(dir.resolve("empty/a/x.jpg"), 10, 10);
        Files.createDirectories(dir.resolve("empty/b"));
        Files.createDirectories(dir.resolve("empty/c"));
        assertEquals("Expected at least 2 class folders with images in " + dir.resolve("empty") + ", but found 1; without "
                + "images: b, c. Add images (.jpg, .jpeg, .png, .bmp, .gif).", error(dir.resolve("empty")));
        image(dir.resolve("empty/d/y.jpg"), 10, 10);
        ImageDataset leftOut = DatasetScanner.scan(dir.resolve("empty"));
        assertEquals(List.of("a", "d"), leftOut.labels(), "empty class folders are left out, not fatal");
        assertEquals(List.of("b", "c"), leftOut.emptyClasses());

        Path k = dir.resolve("kaggle");
        image(k.resolve("train/x1.jpg"), 10, 10);
        Files.writeString(k.resolve("labels.csv"), "id,breed\nx1,pug\nx2\n,beagle\n");
        assertEquals("2 malformed row(s) in " + k.resolve("labels.csv") + " (expected id,breed): line 3: 'x2', line 4: ',beagle'",
                error(k));
        Files.writeString(k.resolve("labels.csv"), "id,breed\nx1,pug\nghost,beagle\n");
        assertEquals("1 id(s) in " + k.resolve("labels.csv") + " have no image train/<id>.jpg: ghost. Fix labels.csv or add "
                + "the images.", error(k));
        Files.writeString(k.resolve("labels.csv"), "name,label\nx1,pug\n");
        assertTrue(error(k).startsWith("Expected the header 'id,breed'"));
    }

    @Test
    void unreadableFilesAreSkippedAndListed(@TempDir Path dir) throws Exception {
        image(dir.resolve("a/good.jpg"), 50, 30);
        Files.writeString(dir.resolve("a/truncated.jpg"), "\u00ff\u00d8\u00ff garbage");
        Files.write(dir.resolve("a/empty.png"), new byte[0]);
        List<LabeledImage> files = List.of(new LabeledImage(dir.resolve("a/good.jpg"), 0),
                new LabeledImage(dir.resolve("a/truncated.jpg"), 0), new LabeledImage(dir.resolve("a/empty.png"), 1));
        DecodedImages d = DecodedImages.decode(files, 8, 2, () -> { });
        assertEquals(1, d.count());
        assertEquals(2, d.unreadable().size());
        assertEquals(3 * 8 * 8, d.pixels().get(0).length);
    }

    @Test
    void splitIsStratifiedDeterministicAndKeepsEveryImage() {
        List<LabeledImage> images = new java.util.ArrayList<>();
        for (int c = 0; c < 5; c++) {
            for (int i = 0; i < 20 + 7 * c; i++) {
                images.add(new LabeledImage(Path.of("c" + c, "img" + i + ".jpg"), c));
            }
        }
        ImageDataset ds = new ImageDataset("folders", List.of("a", "b", "c", "d", "e"), images);
        StratifiedSplit s = StratifiedSplit.of(ds, 0.15, 0.15, 42);
        assertEquals(images.size(), s.train().size() + s.validation().size() + s.test().size(), "every image kept");
        Set<Path> seen = new HashSet<>();
        for (List<LabeledImage> part : List.of(s.train(), s.validation(), s.test())) {
            part.forEach(i -> assertTrue(seen.add(i.file()), "no image in two splits"));
        }
        for (int c = 0; c < 5; c++) {
            int n = 20 + 7 * c;
            int cls = c;
            assertEquals(Math.round(n * 0.15), s.test().stream().filter(i -> i.label() == cls).count(), "stratified test, class " + c);
            assertEquals(Math.round(n * 0.15), s.validation().stream().filter(i -> i.label() == cls).count());
        }
        assertEquals(s, StratifiedSplit.of(ds, 0.15, 0.15, 42), "deterministic");
        assertTrue(!s.test().equals(StratifiedSplit.of(ds, 0.15, 0.15, 43).test()), "the seed matters (as before)");
    }

    @Test
    void smallClassesKeepATestImageFromTwoAndAValidationImageFromThree() {
        List<LabeledImage> images = new java.util.ArrayList<>();
        int[] sizes = {1, 2, 3, 4};
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                images.add(new LabeledImage(Path.of("c" + c, "img" + i + ".jpg"), c));
            }
        }
        StratifiedSplit s = StratifiedSplit.of(new ImageDataset("folders", List.of("a", "b", "c", "d"), images), 0.15, 0.15, 42);
        int[][] expected = {{1, 0, 0}, {1, 0, 1}, {1, 1, 1}, {2, 1, 1}};   // train, validation, test per class
        for (int c = 0; c < sizes.length; c++) {
            int cls = c;
            assertEquals(expected[c][0], s.train().stream().filter(i -> i.label() == cls).count(), "train, class " + c);
            assertEquals(expected[c][1], s.validation().stream().filter(i -> i.label() == cls).count(), "val, class " + c);
            assertEquals(expected[c][2], s.test().stream().filter(i -> i.label() == cls).count(), "test, class " + c);
        }
    }
}
