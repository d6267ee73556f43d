package io.github.dl4jlr.internal.util;

import java.util.Arrays;

/**
 * Pure running statistics of a loss sequence: a bias-corrected exponential moving average, its lowest value, and the
 * last few losses (for medians). No network is needed.
 *
 * <pre>
 *   average  = beta * average + (1 - beta) * loss
 *   smoothed = average / (1 - beta^n)                 n = losses seen so far, including this one
 *   best     = min(smoothed) over all losses so far
 *   recent   = the last {@code window} losses (all of them while fewer)
 * </pre>
 *
 * <p>Worked values (beta 0.9, window 5): losses 1, 1, 1, 20 give smoothed 1, 1, 1, 6.52, best 1 and recent
 * median 1.
 *
 * <p>Immutable and thread-safe; the state between losses is the value class {@link State}.
 */
public final class LossTracker {

    /**
     * The tracker's memory after some losses.
     *
     * @param count    losses seen
     * @param betaPow  beta to the power {@code count}, for the bias correction
     * @param average  the uncorrected EMA
     * @param smoothed the bias-corrected EMA after the last loss; NaN before the first
     * @param best     the lowest smoothed value so far; +Infinity before the first loss
     * @param recent   the last finite losses, oldest first (at most the window)
     */
    public record State(int count, double betaPow, double average, double smoothed, double best, double[] recent) {
        /** Before the first loss. */
        public static final State INITIAL = new State(0, 1, 0, Double.NaN, Double.POSITIVE_INFINITY, new double[0]);

        public State {
            recent = recent.clone();
        }

        @Override
        public double[] recent() {
            return recent.clone();
        }

        /** The median of {@link #recent()}; NaN when empty. */
        public double recentMedian() {
            return median(recent);
        }
    }

    private final double beta;
    private final int window;

    /**
     * @param beta   EMA factor in [0, 1); 0 means no smoothing
     * @param window how many recent losses are kept; {@code >= 1}
     */
    public LossTracker(double beta, int window) {
        this.beta = Args.rightOpenInterval("beta", beta, 0, 1);
        this.window = Args.positive("window", window);
    }

    /** The state after one more loss. A non-finite loss leaves the state unchanged (callers handle NaN/Inf first). */
    public State next(State s, double loss) {
        if (!Double.isFinite(loss)) {
            return s;
        }
        int n = s.count() + 1;
        double betaPow = s.betaPow() * beta;
        double average = beta * s.average() + (1 - beta) * loss;
        double smoothed = average / (1 - betaPow);
        double[] old = s.recent;
        int keep = Math.min(old.length, window - 1);
        double[] recent = Arrays.copyOfRange(old, old.length - keep, old.length + 1);
        recent[keep] = loss;
        return new State(n, betaPow, average, smoothed, Math.min(s.best(), smoothed), recent);
    }

    /** The median of the values that are not NaN; NaN when there are none. */
    public static double medianIgnoringNaN(double[] values) {
        return median(Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray());
    }

    /** The median of {@code values}; NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public double beta() {
        return beta;
    }

    public int window() {
        return window;
    }
}
