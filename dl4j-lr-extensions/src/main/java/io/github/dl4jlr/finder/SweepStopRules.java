package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.util.Args;
import io.github.dl4jlr.internal.util.LossTracker;

import java.util.Arrays;

/**
 * The pure rule that ends a range test when the loss diverges, and the smoothed curve the suggestion rules read. It
 * takes, per step, the loss and how far that step moved the parameters; no network is needed, and it is tested on
 * scripted sequences.
 *
 * <pre>
 *   smoothed  = bias-corrected EMA of the loss (beta = smoothing): the curve the rules read
 *   moved     = sum over steps of |update|_1 / |params|_1          (relative parameter movement so far)
 *   before    = upper quartile of the losses measured while moved &lt;= 1%   (the network as it came)
 *   reference = min(before, lowest smoothed value after the first w steps)
 *   recent    = median of the last w losses,  w = max(5, numIterations / 10)
 *   diverged  = moved &gt; 1% and ( recent &gt; t * reference  or  the last 3 losses are all &gt; t^2 * reference )
 * </pre>
 * with {@code t = divergenceFactor} (4).
 *
 * <p><b>Why movement, quartiles and medians.</b> A loss can only diverge once the parameters have moved. While they
 * have moved less than 1% of their size every loss is a sample of the same network on different minibatches, and on
 * an already-trained network those samples are small and heavy-tailed (0.005 next to 0.2): rules that compare the
 * smoothed loss or a few raw losses with the lowest value seen read that noise as a four-fold rise (a trained MLP
 * "diverged" at lr=3.4e-6, 700x below the rate it had trained at). So the losses of the unchanged network give the
 * reference through their upper quartile, which a few heavy minibatches do not pull down, and the recent level is
 * a median, which one or two heavy minibatches do not pull up; the smoothed minimum takes over once training
 * lowers the loss. A median lags a fast blow-up by a few steps, so three losses above {@code t^2} times the
 * reference also end the test. A range that starts too high is still caught at once: its first step moves the
 * parameters far, and the losses after it are compared with the one before it.
 *
 * <p>Worked values (t = 4, w = 5): losses 1.1 then 9.2, the first step having moved the parameters by 300%: before =
 * 1.1, recent = median(1.1, 9.2) = 5.15 &gt; 4.4: diverged at the second loss.
 *
 * <p>Immutable and thread-safe.
 */
final class SweepStopRules {

    /** Relative parameter movement below which the network counts as unchanged. */
    public static final double MOVEMENT_GATE = 0.01;

    /**
     * The rule's memory.
     *
     * @param loss         the EMA and the recent-loss window
     * @param moved        relative parameter movement so far
     * @param before       the losses measured while {@code moved <= MOVEMENT_GATE}
     * @param bestSmoothed the lowest smoothed value after the first {@code w} steps; +Infinity before
     */
    public record State(LossTracker.State loss, double moved, double[] before, double bestSmoothed) {
        public State {
            before = before.clone();
        }

        @Override
        public double[] before() {
            return before.clone();
        }

        /** min(upper quartile of {@link #before()}, {@link #bestSmoothed()}). */
        public double reference() {
            return before.length == 0 ? bestSmoothed : Math.min(upperQuartile(before), bestSmoothed);
        }
    }

    private final LossTracker tracker;
    private final double threshold;
    private final int window;

    /**
     * @param smoothing     EMA factor of the curve, in [0, 1)
     * @param threshold     divergence limit as a multiple of the reference; finite, {@code > 1}
     * @param numIterations the sweep's length, which sets {@code w = max(5, numIterations / 10)}
     */
    public SweepStopRules(double smoothing, double threshold, int numIterations) {
        Args.check(threshold > 1 && Double.isFinite(threshold), "divergenceFactor > 1 and finite", threshold);
        this.threshold = threshold;
        this.window = window(numIterations);
        this.tracker = new LossTracker(smoothing, window);
    }

    /** The recent window for a sweep of {@code numIterations} steps. */
    public static int window(int numIterations) {
        return Math.max(5, numIterations / 10);
    }

    public State initial() {
        return new State(LossTracker.State.INITIAL, 0, new double[0], Double.POSITIVE_INFINITY);
    }

    /**
     * The state after one step.
     *
     * @param loss         the step's finite loss
     * @param stepMovement {@code |update|_1 / |params|_1} of this step (a non-finite value counts as infinite)
     * @param afterStep    whether the loss was measured after this step's update (validation mode) rather than
     *                     before it (the minibatch score)
     */
    public State next(State s, double loss, double stepMovement, boolean afterStep) {
        Args.finite("loss", loss);
        double step = Double.isFinite(stepMovement) ? Math.abs(stepMovement) : Double.POSITIVE_INFINITY;
        double moved = s.moved() + step;
        boolean movedBefore = (afterStep ? moved : s.moved()) > MOVEMENT_GATE;
        LossTracker.State t = tracker.next(s.loss(), loss);
        double[] before = s.before;
        if (!movedBefore) {
            before = Arrays.copyOf(before, before.length + 1);
            before[before.length - 1] = loss;
        }
        double best = t.count() > window ? Math.min(s.bestSmoothed(), t.smoothed()) : s.bestSmoothed();
        return new State(t, moved, before, best);
    }

    /** Whether the loss has diverged (see the class comment). */
    public boolean diverged(State s) {
        double ref = s.reference();
        if (!(s.moved() > MOVEMENT_GATE) || s.loss().count() < 2 || !(ref > 0) || Double.isInfinite(ref)) {
            return false;
        }
        double[] recent = s.loss().recent();
        boolean lastThreeFar = recent.length >= 3;
        for (int i = recent.length - 3; lastThreeFar && i < recent.length; i++) {
            lastThreeFar = recent[i] > threshold * threshold * ref;
        }
        return s.loss().recentMedian() > threshold * ref || lastThreeFar;
    }

    /** The upper quartile (linear interpolation between order statistics). */
    static double upperQuartile(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = 0.75 * (v.length - 1);
        int lo = (int) pos;
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }
}
