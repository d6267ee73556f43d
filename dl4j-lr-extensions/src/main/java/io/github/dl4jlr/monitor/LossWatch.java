package io.github.dl4jlr.monitor;

import io.github.dl4jlr.util.Args;
import io.github.dl4jlr.util.LossTracker;

import java.util.Arrays;

/**
 * The pure rules behind the health monitor's view of the minibatch loss: when a finite loss has diverged, and whether
 * it is at a healthy level. No network is needed; it is tested on scripted loss sequences.
 *
 * <pre>
 *   level     = median of the last 25 losses (all of them while fewer)
 *   reference = lowest level over full windows of 25 so far
 *   start     = the first loss, measured before any update
 *
 *   diverged  = while fewer than 25 losses, and only if the first update moved the parameters by more than 10% of
 *               their size: the median of the losses after the first (the last 9 at most) &gt; factor * start
 *             = from 25 losses on: the 40th percentile of the last 25 losses &gt; factor * reference
 *   healthy   = level &lt;= 2 * (fewer than 25 losses ? start : reference)
 * </pre>
 *
 * <p><b>Why medians.</b> On a well-trained network the minibatch losses are heavy-tailed (most at 0.005, one in ten at
 * 0.2): averages, and comparisons with the lowest value seen, read that noise as a four-fold rise within a few
 * thousand iterations. A median of 25 moves only when most minibatches get worse, which is what a divergence is (tested
 * on 5000 iterations with one minibatch in ten 20x heavier; when a quarter of them are 10x heavier it can still
 * trip); the
 * price is that a blow-up in the middle of training is seen about a dozen iterations late (a NaN is still seen at
 * once). At the start, the first loss is the one clean sample of the network before any update: when the first update
 * moves it far (Adam at lr 10 moves every weight by about its own size; healthy first updates measured 0.6% for Adam
 * at 1e-3 and 2.7% for SGD at 0.1) and the losses after it are far above, that is a divergence after three losses.
 *
 * <p>Worked values (factor 4): first loss 3.81 with a first update of 100%, then 20.9, 20.9: median(20.9, 20.9) &gt;
 * 15.24, diverged at the third loss.
 */
public final class LossWatch {

    /** Losses in the level's window. */
    public static final int WINDOW = 25;
    /** Losses after the first that the start rule takes the median of. */
    public static final int START_WINDOW = 9;
    /** Relative size of the first update above which the start rule applies. */
    public static final double START_MOVEMENT = 0.1;
    /** A level within this multiple of the reference is healthy. */
    public static final double HEALTHY_FACTOR = 2.0;

    /**
     * @param losses    the statistics of all finite losses so far (window {@link #WINDOW})
     * @param start     the first loss; NaN before it
     * @param firstMove relative size of the first update; NaN until known
     * @param reference lowest level over full windows; +Infinity before the first full window
     */
    public record State(LossTracker.State losses, double start, double firstMove, double reference) {
        public static final State INITIAL = new State(LossTracker.State.INITIAL, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY);

        /** The median of the last {@link #WINDOW} losses. */
        public double level() {
            return losses.recentMedian();
        }
    }

    private final LossTracker tracker;
    private final double factor;

    /** @param factor divergence limit; finite, {@code > 1} */
    public LossWatch(double factor) {
        Args.check(factor > 1 && Double.isFinite(factor), "divergenceFactor > 1 and finite", factor);
        this.factor = factor;
        this.tracker = new LossTracker(0.9, WINDOW);
    }

    /** After one more finite loss; a non-finite one leaves the state unchanged (callers handle NaN/Inf first). */
    public State next(State s, double loss) {
        if (!Double.isFinite(loss)) {
            return s;
        }
        LossTracker.State t = tracker.next(s.losses(), loss);
        double start = Double.isNaN(s.start()) ? loss : s.start();
        double reference = t.count() >= WINDOW ? Math.min(s.reference(), t.recentMedian()) : s.reference();
        return new State(t, start, s.firstMove(), reference);
    }

    /** Records how far the first update moved the parameters ({@code |update|_1 / |params|_1}). */
    public State firstMove(State s, double relativeUpdate) {
        return new State(s.losses(), s.start(), relativeUpdate, s.reference());
    }

    /** Whether the loss has diverged (see the class comment). */
    public boolean diverged(State s) {
        int n = s.losses().count();
        if (n >= WINDOW) {
            return s.reference() > 0 && quantile(s.losses().recent(), 0.4) > factor * s.reference();
        }
        if (n < 3 || !(s.firstMove() > START_MOVEMENT) || !(s.start() > 0)) {
            return false;
        }
        double[] recent = s.losses().recent();
        double[] afterFirst = Arrays.copyOfRange(recent, Math.max(1, recent.length - START_WINDOW), recent.length);
        return LossTracker.median(afterFirst) > factor * s.start();
    }

    /** Whether the loss is at a healthy level (see the class comment); true before any loss. */
    public boolean healthy(State s) {
        int n = s.losses().count();
        if (n == 0) {
            return true;
        }
        double ref = n >= WINDOW ? s.reference() : s.start();
        return !(ref > 0) || s.level() <= HEALTHY_FACTOR * ref;
    }

    public double factor() {
        return factor;
    }

    /** The {@code q} quantile of {@code values} (linear interpolation between order statistics). */
    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) pos;
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }
}
