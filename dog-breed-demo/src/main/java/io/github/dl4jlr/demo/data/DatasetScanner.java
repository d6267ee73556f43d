package io.github.dl4jlr.demo.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the images and labels of a data set in one of its published layouts:
 * <ul>
 *   <li>Stanford Dogs: {@code DIR/Images/n02085620-Chihuahua/*.jpg}, or {@code DIR} itself holding the class folders;</li>
 *   <li>Kaggle "Dog Breed Identification": {@code DIR/train/<id>.jpg} plus {@code DIR/labels.csv} with {@code id,breed}.</li>
 * </ul>
 * Every problem is reported with what to fix; nothing is silently dropped here (unreadable image content is handled
 * when decoding).
 */
public final class DatasetScanner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatasetScanner.class);

    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private DatasetScanner() {
    }

    public static ImageDataset scan(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Data folder " + dir + " does not exist. Pass --data with the Stanford "
                    + "Dogs folder (the one holding Images/) or a Kaggle Dog Breed Identification folder (train/ and labels.csv).");
        }
        if (Files.isRegularFile(dir.resolve("labels.csv")) && Files.isDirectory(dir.resolve("train"))) {
            return kaggle(dir);
        }
        Path classes = Files.isDirectory(dir.resolve("Images")) ? dir.resolve("Images") : dir;
        return folders(classes);
    }

    private static ImageDataset folders(Path root) {
        List<Path> classDirs = list(root).stream().filter(Files::isDirectory).sorted().toList();
        if (classDirs.size() < 2) {
            throw new IllegalArgumentException("Expected at least 2 class folders in " + root + ", but found "
                    + classDirs.size() + ". Point --data at the folder that holds one sub-folder per breed (Stanford Dogs: Images/).");
        }
        List<String> labels = new ArrayList<>();
        List<LabeledImage> images = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (Path c : classDirs) {
            List<Path> files = list(c).stream().filter(DatasetScanner::isImage).sorted().toList();
            if (files.isEmpty()) {
                empty.add(c.getFileName().toString());
                continue;
            }
            int label = labels.size();
            labels.add(c.getFileName().toString());
            files.forEach(f -> images.add(new LabeledImage(f, label)));
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("Expected at least 2 class folders with images in " + root + ", but found "
                    + labels.size() + (empty.isEmpty() ? "" : "; without images: " + first(empty))
                    + ". Add images (.jpg, .jpeg, .png, .bmp, .gif).");
        }
        if (!empty.isEmpty()) {
            log.warn("Left out {} class folder(s) without images in {}: {}", empty.size(), root, first(empty));
        }
        return new ImageDataset("folders", labels, images, empty);
    }

    private static ImageDataset kaggle(Path dir) {
        Path csv = dir.resolve("labels.csv");
        List<String> malformed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.trim().equalsIgnoreCase("id,breed")) {
                throw new IllegalArgumentException("Expected the header 'id,breed' in " + csv + ", but got '" + header + "'");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                    malformed.add("line " + n + ": '" + line + "'");
                    continue;
                }
                Path file = dir.resolve("train").resolve(f[0].trim() + ".jpg");
                if (!Files.isRegularFile(file)) {
                    unknown.add(f[0].trim());
                    continue;
                }
                rows.add(new String[]{file.toString(), f[1].trim()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + csv, e);
        }
        if (!malformed.isEmpty()) {
            throw new IllegalArgumentException(malformed.size() + " malformed row(s) in " + csv + " (expected id,breed): "
                    + first(malformed));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.size() + " id(s) in " + csv + " have no image train/<id>.jpg: "
                    + first(unknown) + ". Fix labels.csv or add the images.");
        }
        TreeSet<String> breeds = new TreeSet<>();
        rows.forEach(row -> breeds.add(row[1]));
        if (breeds.size() < 2) {
            throw new IllegalArgumentException("Expected at least 2 breeds in " + csv + ", but found " + breeds.size());
        }
        List<String> labels = new ArrayList<>(breeds);
        List<LabeledImage> images = new ArrayList<>();
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        rows.forEach(row -> images.add(new LabeledImage(Path.of(row[0]), labels.indexOf(row[1]))));
        return new ImageDataset("kaggle", labels, images);
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(p) && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
    }

    public static String first(List<String> items) {
        int n = Math.min(5, items.size());
        return String.join(", ", items.subList(0, n)) + (items.size() > n ? " (+" + (items.size() - n) + " more)" : "");
    }
}
