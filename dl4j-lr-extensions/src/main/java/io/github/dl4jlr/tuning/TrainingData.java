package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.dataset.ExistingMiniBatchDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.File;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Where PBT members get their training data, on whichever JVM trains them: a serializable source, so that a
 * distributed {@link MemberTrainer} can ship it to its workers.
 *
 * <p>Two ways to provide one:
 * <ul>
 *   <li>{@link #of(SerializableSupplier)}: code that builds the iterator, e.g. from data every worker can generate or
 *       read (a lambda whose captured values are serializable).</li>
 *   <li>{@link #savedMiniBatches(String)}: a folder every worker can read (a shared or replicated file system) holding
 *       minibatches saved with {@code DataSet.save(new File(dir, "dataset-" + i + ".bin"))}, read with ND4J's
 *       {@code ExistingMiniBatchDataSetIterator}.</li>
 * </ul>
 */
@FunctionalInterface
public interface TrainingData extends Serializable {

    /** A serializable {@link Supplier}. */
    @FunctionalInterface
    interface SerializableSupplier<T> extends Supplier<T>, Serializable {
    }

    /**
     * The iterator for {@code member} in {@code round} (reset before each epoch).
     *
     * @param member the member that trains
     * @param round its round, from 0
     * @return the iterator for {@code member} in {@code round} (reset before each epoch)
     */
    DataSetIterator iterator(int member, int round);

    /**
     * The same iterator for every member and round, from {@code supplier}.
     *
     * @param supplier builds a fresh iterator; serializable with what it captures
     * @return the same iterator for every member and round, from {@code supplier}
     */
    static TrainingData of(SerializableSupplier<DataSetIterator> supplier) {
        Args.notNull("supplier", supplier);
        return (member, round) -> supplier.get();
    }

    /**
     * Minibatches saved as {@code dataset-0.bin, dataset-1.bin, ...} in {@code dir}, which every worker can read.
     *
     * @param dir a folder every worker can read, holding {@code dataset-0.bin, dataset-1.bin, ...}
     * @return minibatches saved as {@code dataset-0.bin, dataset-1.bin, ...} in {@code dir}, which every worker can
     *     read
     */
    static TrainingData savedMiniBatches(String dir) {
        Args.notNull("dir", dir);
        return (member, round) -> {
            File root = new File(dir);
            if (!new File(root, "dataset-0.bin").isFile()) {
                throw new IllegalArgumentException("Expected saved minibatches dataset-0.bin, dataset-1.bin, ... in " + dir
                        + " on this machine, but there is no " + new File(root, "dataset-0.bin"));
            }
            return new ExistingMiniBatchDataSetIterator(root);
        };
    }
}
