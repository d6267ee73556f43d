package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.EpochMean;

import java.util.ArrayDeque;

/**
 * The epoch-level state of one run: the minibatch losses of the epoch so far, the stall rule's memory, and the recent
 * checks' median weight ratios. A ParallelWrapper's workers share one, so its epoch is judged on all their minibatches.
 */
final class EpochTrack {

    /** Bounds the ratio medians kept for the stall cause when epochs are very long. */
    private static final int MAX_RECENT_CHECKS = 10_000;

    final EpochMean losses = new EpochMean();
    StallRules.State stall = StallRules.State.INITIAL;
    /** {epoch, median weight ratio} of the recent checks, oldest first. */
    final ArrayDeque<double[]> recentRatios = new ArrayDeque<>();
    /** Whether a dead network was reported since the last epoch end. */
    boolean deadSeen;
    /** The lowest mean loss of an epoch that has ended; +Infinity before the first. */
    private double bestMean = Double.POSITIVE_INFINITY;
    /** Epochs ended, counted here: DL4J's epoch counter does not move in a {@code fit(DataSet)} loop. */
    private int ended;

    void add(double loss) {
        losses.add(loss);
    }

    void check(int epoch, double medianRatio) {
        recentRatios.addLast(new double[]{epoch, medianRatio});
        if (recentRatios.size() > MAX_RECENT_CHECKS) {
            recentRatios.pollFirst();
        }
    }

    /** The mean minibatch loss of the epoch, and a reset for the next one; NaN when it saw none. */
    double takeMean() {
        ended++;
        double mean = losses.takeMean();
        if (Double.isFinite(mean)) {
            bestMean = Math.min(bestMean, mean);
        }
        return mean;
    }

    /** Epochs ended ({@link #takeMean()} calls), those without minibatches included. */
    int ended() {
        return ended;
    }

    /** The lowest mean loss of an epoch that has ended; NaN before the first. */
    double bestMean() {
        return bestMean == Double.POSITIVE_INFINITY ? Double.NaN : bestMean;
    }

    /** The median ratios of the checks of the last {@code epochs} epochs up to {@code epoch}, dropping older ones. */
    double[] medians(int epoch, int epochs) {
        while (!recentRatios.isEmpty() && recentRatios.peekFirst()[0] <= epoch - epochs) {
            recentRatios.pollFirst();
        }
        return recentRatios.stream().mapToDouble(r -> r[1]).toArray();
    }
}
