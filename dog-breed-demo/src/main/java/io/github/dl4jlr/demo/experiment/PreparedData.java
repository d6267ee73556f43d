package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.demo.data.DecodedImages;
import io.github.dl4jlr.demo.data.InMemoryImageIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

/** The decoded, standardized splits and how to iterate them. */
public record PreparedData(String description, boolean synthetic, List<String> labels, DecodedImages trainImages,
                           DecodedImages validationImages, DecodedImages testImages, int unreadable) {

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
