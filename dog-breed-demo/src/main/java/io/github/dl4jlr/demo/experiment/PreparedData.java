package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.demo.data.DatasetScanner;
import io.github.dl4jlr.demo.data.DecodedImages;
import io.github.dl4jlr.demo.data.ImageDataset;
import io.github.dl4jlr.demo.data.InMemoryImageIterator;
import io.github.dl4jlr.demo.data.StratifiedSplit;
import io.github.dl4jlr.demo.data.SyntheticDogs;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The decoded, standardized splits and how to iterate them. */
public record PreparedData(String description, boolean synthetic, List<String> labels, DecodedImages trainImages,
                           DecodedImages validationImages, DecodedImages testImages, int unreadable) {

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

    /** As above; with {@code imagenet} the pixels are put in ImageNet "caffe" form instead of standardized. */
    public static PreparedData load(Path dataDir, Path cacheDir, int imagesPerClass, int imageSize, boolean augment,
                                    boolean imagenet, Progress progress) {
        boolean synthetic = dataDir == null;
        Path root = synthetic ? SyntheticDogs.ensure(cacheDir, imagesPerClass, 2024) : dataDir;
        ImageDataset ds = DatasetScanner.scan(root);
        StratifiedSplit split = StratifiedSplit.of(ds, 0.15, 0.15, 42);
        int threads = Runtime.getRuntime().availableProcessors();
        progress.total(ds.images().size());
        Runnable decoded = () -> progress.advance(1);
        DecodedImages train = DecodedImages.decode(split.train(), imageSize, threads, decoded);
        DecodedImages val = DecodedImages.decode(split.validation(), imageSize, threads, decoded);
        DecodedImages test = DecodedImages.decode(split.test(), imageSize, threads, decoded);
        train.warnAboutUnreadable("training", split.train().size());
        val.warnAboutUnreadable("validation", split.validation().size());
        test.warnAboutUnreadable("test", split.test().size());
        boolean[] seen = new boolean[ds.labels().size()];
        for (int l : train.labels()) {
            seen[l] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("Class " + ds.labels().get(c) + " has no readable training image left "
                        + "after skipping unreadable files; add images to it or remove the folder.");
            }
        }
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
        int unreadable = train.unreadable().size() + val.unreadable().size() + test.unreadable().size();
        String description = String.format(Locale.ROOT, "%s (%s layout), %d classes, %d images: %d train / %d validation / "
                        + "%d test (stratified, seed 42), decoded once to %dx%d, %s%s",
                synthetic ? "generated stand-in at " + root : root.toString(), ds.layout(), ds.labels().size(),
                ds.images().size(), train.count(), val.count(), test.count(), imageSize, imageSize,
                imagenet ? "in ImageNet caffe form (BGR, 0-255, means subtracted)" : "standardized per channel",
                augment ? "; training with random flips and 2-pixel shifts" : "");
        return new PreparedData(description, synthetic, ds.labels(), train, val, test, unreadable);
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
