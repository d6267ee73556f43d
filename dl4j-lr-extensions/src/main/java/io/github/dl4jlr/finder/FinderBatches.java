package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.nn.ChanceLevel;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.OutputLoss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The finder's training minibatches, from either iterator type: reset and reused when they run out; after
 * {@link #holdOut}, the first minibatches after every reset are the held-out ones and are skipped for training. An
 * iterator that cannot be reset is read once: it is left where the finder stopped.
 */
final class FinderBatches {

    /** Minibatches whose labels give the chance level: enough for the class frequencies, cheap to sum. */
    private static final int CHANCE_BATCHES = 20;

    private final BooleanSupplier hasNext;
    private final Supplier<?> next;
    private final Runnable reset;
    private final boolean resetSupported;
    private final BiConsumer<NetworkAdapter, Object> fit;
    private final UnaryOperator<Object> copy;
    /** Adds a minibatch's labels, with their masks, to a chance level. */
    private final BiConsumer<ChanceLevel, Object> labels;
    private final List<Object> heldOut = new ArrayList<>();
    private final ChanceLevel chance = new ChanceLevel();
    private int served;

    private FinderBatches(BooleanSupplier hasNext, Supplier<?> next, Runnable reset, boolean resetSupported,
                          BiConsumer<NetworkAdapter, Object> fit, UnaryOperator<Object> copy,
                          BiConsumer<ChanceLevel, Object> labels) {
        this.hasNext = hasNext;
        this.next = next;
        this.reset = reset;
        this.resetSupported = resetSupported;
        this.fit = fit;
        this.copy = copy;
        this.labels = labels;
    }

    static FinderBatches of(DataSetIterator it) {
        return new FinderBatches(it::hasNext, it::next, it::reset, it.resetSupported(),
                (net, ds) -> net.fit((DataSet) ds), ds -> ((DataSet) ds).copy(),
                (c, ds) -> c.add(java.util.Collections.singletonList(((DataSet) ds).getLabels()),
                        java.util.Collections.singletonList(((DataSet) ds).getLabelsMaskArray())));
    }

    static FinderBatches of(MultiDataSetIterator it) {
        return new FinderBatches(it::hasNext, it::next, it::reset, it.resetSupported(),
                (net, ds) -> net.fit((MultiDataSet) ds), ds -> ((MultiDataSet) ds).copy(),
                (c, ds) -> c.add(java.util.Arrays.asList(((MultiDataSet) ds).getLabels()), masks((MultiDataSet) ds)));
    }

    /** The labels' masks of a multi-minibatch, one per output (null entries when it has none). */
    private static List<INDArray> masks(MultiDataSet ds) {
        INDArray[] m = ds.getLabelsMaskArrays();
        return m == null ? java.util.Collections.nCopies(ds.getLabels().length, null) : java.util.Arrays.asList(m);
    }

    /** Why nothing can be held back, or null when something can. */
    String cannotHoldOut() {
        return resetSupported ? null : "the training iterator does not support reset(), so no minibatch can be held "
                + "back for the trials (set a validation iterator, or pass one that can be reset)";
    }

    /**
     * Takes the first minibatches after a reset as held-out data (copies): a fifth of the epoch, at most {@code max}
     * and at least one. Reads at most {@code 5 * max} minibatches to find out. Returns how many, 0 when the iterator
     * cannot be reset or has a single minibatch.
     */
    int holdOut(int max) {
        if (!resetSupported) {
            return 0;
        }
        reset.run();
        List<Object> first = new ArrayList<>();
        while (first.size() < 5 * max && hasNext.getAsBoolean()) {
            first.add(copy.apply(next.get()));
        }
        int k = first.size() < 2 ? 0 : Math.max(1, Math.min(max, first.size() / 5));
        heldOut.addAll(first.subList(0, k));
        reset.run();
        skipHeldOut();
        return k;
    }

    /** Mean of the held-out minibatches' losses, weighted by their sizes. */
    double heldOutLoss(NetworkAdapter net) {
        return net.meanLoss(heldOut);
    }

    /** Back to the first training minibatch after the held-out ones, when the iterator can be reset. */
    void rewind() {
        if (resetSupported) {
            reset.run();
            skipHeldOut();
        }
    }

    private void skipHeldOut() {
        for (int i = 0; i < heldOut.size() && hasNext.getAsBoolean(); i++) {
            next.get();
        }
    }

    void requireNonEmpty() {
        if (!hasNext.getAsBoolean() && resetSupported) {
            reset.run();
        }
        if (!hasNext.getAsBoolean()) {
            throw new IllegalArgumentException("Expected a non-empty training iterator, but it has no minibatches"
                    + (resetSupported ? "" : " and does not support reset()"));
        }
    }

    /** The chance-level loss of the minibatches trained on so far (see {@link ChanceLevel}). */
    double chanceLoss(List<OutputLoss> outputs) {
        return chance.loss(outputs);
    }

    void fitNext(NetworkAdapter net) {
        if (!hasNext.getAsBoolean()) {
            if (!resetSupported) {
                throw new IllegalArgumentException("Expected a training iterator that supports reset() or has at "
                        + "least numIterations minibatches, but it ran out after " + served + " and cannot be reset");
            }
            reset.run();
            skipHeldOut();
        }
        Object batch = next.get();
        if (served < CHANCE_BATCHES) {
            labels.accept(chance, batch);
        }
        fit.accept(net, batch);
        served++;
    }

    /** Minibatches trained on so far. */
    int served() {
        return served;
    }

    void resetIfPossible() {
        if (resetSupported) {
            reset.run();
        }
    }

    boolean resettable() {
        return resetSupported;
    }
}
