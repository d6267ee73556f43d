package io.github.dl4jlr.updater;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One updater block's state view, laid out as {@code arrays} vectors of the block's parameter count followed by scalar
 * slots. DL4J sizes a block's view as the sum of {@code stateSize(n)} over the block's variables, so an updater that
 * needs {@code k * n + c} per variable gets {@code k * N + V * c} for a block of N parameters in V variables: the
 * layout is known only once N is, at the first update. The scalars (step counter, global step sizes) live in the view,
 * so {@code ModelSerializer} and Java serialization carry them.
 */
final class BlockState {

    private final INDArray view;
    private final int arrays;
    private final long n;

    /**
     * @param view   the block's flat state view
     * @param arrays how many parameter-sized vectors come first
     * @param n      the block's parameter count
     */
    BlockState(INDArray view, int arrays, long n, int scalars) {
        if (view.length() < arrays * n + scalars) {
            throw new IllegalStateException("Expected an updater state of at least " + (arrays * n + scalars)
                    + " values for " + n + " parameters, but got " + view.length());
        }
        this.view = view.reshape(view.length());
        this.arrays = arrays;
        this.n = n;
    }

    /** The {@code i}-th parameter-sized vector (a view). */
    INDArray array(int i) {
        return view.get(NDArrayIndex.interval(i * n, (i + 1) * n));
    }

    double scalar(int slot) {
        return view.getDouble(arrays * n + slot);
    }

    void scalar(int slot, double value) {
        view.putScalar(arrays * n + slot, value);
    }

    long n() {
        return n;
    }
}
