package io.github.dl4jlr.internal.util;

/**
 * The mean of an epoch's finite minibatch losses (NaN and infinities are left out), taken and reset at the epoch's
 * end. Thread-safe: a ParallelWrapper's workers add to one.
 */
public final class EpochMean {

    private double sum;
    private long count;

    /** Adds one minibatch loss, unless it is NaN or infinite. */
    public synchronized void add(double loss) {
        if (Double.isFinite(loss)) {
            sum += loss;
            count++;
        }
    }

    /** The mean so far, and a reset for the next epoch; NaN when no finite loss was added. */
    public synchronized double takeMean() {
        double mean = count > 0 ? sum / count : Double.NaN;
        sum = 0;
        count = 0;
        return mean;
    }

    /** Forgets what was added. */
    public synchronized void clear() {
        sum = 0;
        count = 0;
    }
}
