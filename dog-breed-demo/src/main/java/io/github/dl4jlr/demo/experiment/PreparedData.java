package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.demo.data.DatasetScanner;
import io.github.dl4jlr.demo.data.DecodedImages;
import io.github.dl4jlr.demo.data.ImageDataset;
import io.github.dl4jlr.demo.data.InMemoryImageIterator;
import io.github.dl4jlr.demo.data.LabeledImage;
import io.github.dl4jlr.demo.data.StratifiedSplit;
import io.github.dl4jlr.demo.data.SyntheticDogs;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decoded, standardized splits and how to iterate them.
 *
 * @param notes what was left out and why (unreadable files, classes without a readable image), for the report
 */
public record PreparedData(String description, boolean synthetic, List<String> labels, DecodedImages trainImages,
                           DecodedImages validationImages, DecodedImages testImages, int unreadable, List<String> notes) {

    private static final Logger log = LoggerFactory.getLogger(PreparedData.class);

    public PreparedData {
        labels = List.copyOf(labels);
        notes = List.copyOf(notes);
    }

    /**
     * Scans {@code dataDir} (or generates the stand-in data into {@code cacheDir} when it is {@code null}), splits it
     * 70/15/15 per class with seed 42, decodes every image once at {@code imageSize} and standardizes all splits with
     * the training set's per-channel statistics.
     *
     * @param progress advanced once per decoded image; its total is set here
     */
    public static PreparedData load(Path dataDir, Path cacheDir, int imagesPerClass, int imageSize, boolean augment,
                                    Progress progress) {
        return load(dataDir, cacheDir, imagesPerClass, imageSize, augment, false, progress);
    }

    /**
     * As above; with {@code imagenet} the pixels are put in ImageNet "caffe" form instead of standardized. Every file is
     * decoded before the split, so unreadable files never leave a split short: they are left out and named in one WARN,
     * and a class with no readable image is left out too. Fails only when fewer than 2 classes have a readable image.
     */
    public static PreparedData load(Path dataDir, Path cacheDir, int imagesPerClass, int imageSize, boolean augment,
                                    boolean imagenet, Progress progress) {
        boolean synthetic = dataDir == null;
        Path root = synthetic ? SyntheticDogs.ensure(cacheDir, imagesPerClass, 2024) : dataDir;
        ImageDataset scanned = DatasetScanner.scan(root);
        List<String> notes = new ArrayList<>();
        if (!scanned.emptyClasses().isEmpty()) {
            notes.add(scanned.emptyClasses().size() + " class folder(s) without image files were left out: "
                    + DatasetScanner.first(scanned.emptyClasses()) + ".");
        }
        progress.total(scanned.images().size());
        List<float[]> pixels = DecodedImages.decodeAll(scanned.images(), imageSize,
                Runtime.getRuntime().availableProcessors(), () -> progress.advance(1));
        Readable readable = Readable.of(scanned, pixels);
        if (!readable.unreadable().isEmpty()) {
            List<String> names = readable.unreadable().stream().map(Path::toString).toList();
            log.warn("Skipped {} unreadable image file(s) of {}: {}", names.size(), scanned.images().size(),
                    DatasetScanner.first(names));
            notes.add(names.size() + " unreadable image file(s) were skipped: " + DatasetScanner.first(names) + ".");
        }
        if (!readable.droppedClasses().isEmpty()) {
            notes.add(readable.droppedClasses().size() + " class(es) had no readable image and were left out: "
                    + DatasetScanner.first(readable.droppedClasses()) + ".");
        }
        ImageDataset ds = readable.dataset();
        StratifiedSplit split = StratifiedSplit.of(ds, 0.15, 0.15, 42);
        DecodedImages train = readable.decoded(split.train(), imageSize);
        DecodedImages val = readable.decoded(split.validation(), imageSize);
        DecodedImages test = readable.decoded(split.test(), imageSize);
        if (imagenet) {
            train.toImagenetCaffe();
            val.toImagenetCaffe();
            test.toImagenetCaffe();
        } else {
            float[][] stats = train.channelStats();
            train.standardize(stats);
            val.standardize(stats);
            test.standardize(stats);
        }
        String description = String.format(Locale.ROOT, "%s (%s layout), %d classes, %d images: %d train / %d validation / "
                        + "%d test (stratified, seed 42), decoded once to %dx%d, %s%s",
                synthetic ? "generated stand-in at " + root : root.toString(), ds.layout(), ds.labels().size(),
                ds.images().size(), train.count(), val.count(), test.count(), imageSize, imageSize,
                imagenet ? "in ImageNet caffe form (BGR, 0-255, means subtracted)" : "standardized per channel",
                augment ? "; training with random flips and 2-pixel shifts" : "");
        return new PreparedData(description, synthetic, ds.labels(), train, val, test, readable.unreadable().size(), notes);
    }

    /** The readable images of a scanned data set, relabelled over the classes that kept at least one. */
    private record Readable(ImageDataset dataset, Map<Path, float[]> pixels, List<Path> unreadable,
                            List<String> droppedClasses) {

        static Readable of(ImageDataset scanned, List<float[]> decoded) {
            Map<Path, float[]> pixels = new HashMap<>();
            List<Path> bad = new ArrayList<>();
            int[] perClass = new int[scanned.labels().size()];
            for (int i = 0; i < decoded.size(); i++) {
                LabeledImage img = scanned.images().get(i);
                if (decoded.get(i) == null) {
                    bad.add(img.file());
                } else {
                    pixels.put(img.file(), decoded.get(i));
                    perClass[img.label()]++;
                }
            }
            List<String> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            int[] newLabel = new int[perClass.length];
            for (int c = 0; c < perClass.length; c++) {
                newLabel[c] = perClass[c] > 0 ? kept.size() : -1;
                (perClass[c] > 0 ? kept : dropped).add(scanned.labels().get(c));
            }
            if (kept.size() < 2) {
                throw new IllegalArgumentException("Expected at least 2 classes with a readable image, but found "
                        + kept.size() + " (" + bad.size() + " of " + scanned.images().size() + " files could not be read as "
                        + "images). Add readable .jpg/.png images.");
            }
            List<LabeledImage> images = new ArrayList<>();
            for (LabeledImage img : scanned.images()) {
                if (pixels.containsKey(img.file())) {
                    images.add(new LabeledImage(img.file(), newLabel[img.label()]));
                }
            }
            return new Readable(new ImageDataset(scanned.layout(), kept, images, scanned.emptyClasses()), pixels, bad,
                    dropped);
        }

        DecodedImages decoded(List<LabeledImage> part, int size) {
            List<float[]> px = new ArrayList<>();
            int[] labels = new int[part.size()];
            for (int i = 0; i < part.size(); i++) {
                px.add(pixels.get(part.get(i).file()).clone());
                labels[i] = part.get(i).label();
            }
            return DecodedImages.of(size, px, labels);
        }
    }

    /** Training minibatches of one epoch: a permutation fixed by (seed, epoch), flips and crops when augmenting. */
    public DataSetIterator train(int batchSize, long seed, int epoch, boolean augment) {
        return new InMemoryImageIterator(trainImages, labels.size(), batchSize, augment, seed * 100_003L + epoch, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} training images without augmentation, for the training accuracy. */
    public DataSetIterator trainSample(int limit) {
        return new InMemoryImageIterator(trainImages, labels.size(), 256, false, 12345, limit);
    }

    public DataSetIterator validation() {
        return new InMemoryImageIterator(validationImages, labels.size(), 256, false, -1, Integer.MAX_VALUE);
    }

    public DataSetIterator test() {
        return new InMemoryImageIterator(testImages, labels.size(), 256, false, -1, Integer.MAX_VALUE);
    }

    public int iterationsPerEpoch(int batchSize) {
        return (trainImages.count() + batchSize - 1) / batchSize;
    }
}
