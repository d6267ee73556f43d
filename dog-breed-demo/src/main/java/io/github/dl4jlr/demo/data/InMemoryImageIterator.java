package io.github.dl4jlr.demo.data;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Minibatches from {@link DecodedImages} held in memory. With a shuffle seed the order is a fixed permutation (the
 * same after {@link #reset()}, so an epoch can be replayed exactly after a resume); with augmentation each image is
 * flipped horizontally with probability 1/2 and shifted by up to 2 pixels (a padded random crop). The augmentation of
 * the image at position p is drawn from {@code (seed, p)} alone, so it does not depend on how DL4J's prefetch thread
 * interleaves calls: reruns with the same seed see the same pixels.
 */
public final class InMemoryImageIterator implements DataSetIterator {

    private final DecodedImages images;
    private final int classes;
    private final int batchSize;
    private final boolean augment;
    private final long seed;
    private final List<Integer> order;
    private int cursor;

    /**
     * @param shuffleSeed permutation seed, or a negative value for file order
     * @param limit       use at most this many images (the first of the permutation)
     */
    public InMemoryImageIterator(DecodedImages images, int classes, int batchSize, boolean augment, long shuffleSeed,
                                 int limit) {
        this.images = images;
        this.classes = classes;
        this.batchSize = batchSize;
        this.augment = augment;
        this.seed = shuffleSeed;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < images.count(); i++) {
            idx.add(i);
        }
        if (shuffleSeed >= 0) {
            Collections.shuffle(idx, new Random(shuffleSeed));
        }
        this.order = idx.subList(0, Math.min(limit, idx.size()));
        reset();
    }

    @Override
    public boolean hasNext() {
        return cursor < order.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int b = Math.min(num, order.size() - cursor);
        int s = images.size();
        int plane = s * s;
        float[] features = new float[b * 3 * plane];
        float[] labels = new float[b * classes];
        int[] all = images.labels();
        for (int k = 0; k < b; k++) {
            int i = order.get(cursor + k);
            float[] px = images.pixels().get(i);
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed * 1_000_003L + cursor + k);
            boolean flip = augment && r.nextBoolean();
            int dx = augment ? r.nextInt(5) - 2 : 0;
            int dy = augment ? r.nextInt(5) - 2 : 0;
            int base = k * 3 * plane;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < s; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < s; x++) {
                        int sx = (flip ? s - 1 - x : x) + dx;
                        // Outside the image: 0, the standardized mean.
                        features[base + c * plane + y * s + x] = sx < 0 || sy < 0 || sx >= s || sy >= s
                                ? 0f : px[c * plane + sy * s + sx];
                    }
                }
            }
            labels[k * classes + all[i]] = 1f;
        }
        cursor += b;
        return new DataSet(Nd4j.create(features, new long[]{b, 3, s, s}, 'c'), Nd4j.create(labels, new long[]{b, classes}, 'c'));
    }

    @Override
    public int inputColumns() {
        return 3 * images.size() * images.size();
    }

    @Override
    public int totalOutcomes() {
        return classes;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        cursor = 0;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    public int numExamples() {
        return order.size();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("Images are standardized when cached");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
