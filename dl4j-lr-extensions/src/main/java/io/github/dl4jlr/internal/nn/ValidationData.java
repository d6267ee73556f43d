package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;


/**
 * Held-out data that a tool judges its loss on instead of the training loss: a {@link DataSetIterator} or, for a
 * multi-input {@code ComputationGraph}, a {@link MultiDataSetIterator}. The loss is the mean over the whole iterator,
 * weighted by minibatch size ({@link NetworkAdapter#meanLoss}); the iterator is reset before each pass.
 */
public final class ValidationData {

    private final DataSetIterator single;
    private final MultiDataSetIterator multi;

    private ValidationData(DataSetIterator single, MultiDataSetIterator multi) {
        this.single = single;
        this.multi = multi;
    }

    /** @throws IllegalArgumentException naming {@code validation} when {@code data} is null */
    public static ValidationData of(DataSetIterator data) {
        return new ValidationData(Args.notNull("validation", data), null);
    }

    /** @throws IllegalArgumentException naming {@code validation} when {@code data} is null */
    public static ValidationData of(MultiDataSetIterator data) {
        return new ValidationData(null, Args.notNull("validation", data));
    }

    /** The mean loss of {@code net} over the whole iterator. */
    public double meanLoss(NetworkAdapter net) {
        return single != null ? net.meanLoss(single) : net.meanLoss(multi);
    }
}
