package io.github.dl4jlr.util;

/**
 * The pure loss bookkeeping shared by the LR range test and the health monitor: a bias-corrected exponential moving
 * average of the loss, its best (lowest) value, and the rule that says the loss has diverged. No network is needed;
 * it is tested on scripted loss sequences.
 *
 * <pre>
 *   average  = beta * average + (1 - beta) * loss
 *   smoothed = average / (1 - beta^(n))                       n = losses seen so far, including this one
 *   best     = min(smoothed) over the losses after the first {@code warmup} ones (before that: none)
 *   rawAbove = consecutive losses with loss &gt; factor * best
 *   diverged = best &gt; 0 and n &gt;= 2 and
 *              EITHER: smoothed &gt; factor * best  or  rawAbove &gt;= rawSteps
 *              BOTH:   smoothed &gt; factor * best  and rawAbove &gt;= rawSteps
 * </pre>
 *
 * <p>Why a warm-up: the first smoothed value is one raw minibatch loss. On an already-trained network that loss is
 * small and noisy (one lucky batch at 0.025 among batches at 0.11), and taking it as the best made ordinary noise
 * look like a four-fold rise. After a few losses the smoothed value is an average and a sound reference.
 *
 * <p>Why two rules: the EMA lags by about {@code 1/(1-beta)} losses, so a blow-up is seen first in the raw losses;
 * a single raw spike, however, is noise. {@link Rule#EITHER} stops as soon as either signal fires (the range test,
 * where the LR keeps rising and a blow-up only gets worse); {@link Rule#BOTH} needs a sustained raw rise that has
 * also moved the average (the health monitor, which acts on it during real training).
 *
 * <p>Worked values (beta 0.9, factor 4, rawSteps 3, warm-up 0, BOTH): losses 1, 1, 1 give smoothed 1 and best 1;
 * then 20, 20, 20 give smoothed 6.5, 9.8, 12.0 and rawAbove 1, 2, 3: diverged at the third 20, where the smoothed
 * value is 12.0 &gt; 4. A lone 20 between ones lifts the smoothed value to 6.5 but never diverges under BOTH.
 *
 * <p>Immutable and thread-safe; the state between losses is the value class {@link State}.
 */
public final class LossTracker {

    /** How the smoothed and the raw signal combine into "diverged". */
    public enum Rule {
        /** Either the smoothed loss or a run of raw losses above the limit. */
        EITHER,
        /** Both: a run of raw losses above the limit that has also lifted the smoothed loss above it. */
        BOTH
    }

    /**
     * The tracker's memory after some losses.
     *
     * @param count    losses seen
     * @param betaPow  beta to the power {@code count}, for the bias correction
     * @param average  the uncorrected EMA
     * @param smoothed the bias-corrected EMA after the last loss; NaN before the first
     * @param best     the lowest smoothed value after the warm-up; +Infinity before that
     * @param rawAbove consecutive raw losses above {@code factor * best}
     */
    public record State(int count, double betaPow, double average, double smoothed, double best, int rawAbove) {
        /** Before the first loss. */
        public static final State INITIAL = new State(0, 1, 0, Double.NaN, Double.POSITIVE_INFINITY, 0);
    }

    private final double beta;
    private final double factor;
    private final int rawSteps;
    private final int warmup;
    private final Rule rule;

    /**
     * @param beta     EMA factor in [0, 1); 0 means no smoothing
     * @param factor   divergence limit as a multiple of the best smoothed loss; finite, {@code > 1}
     * @param rawSteps consecutive raw losses above the limit that count as a rise; {@code >= 1}
     * @param warmup   losses whose smoothed value does not count as the best; {@code >= 0}
     * @param rule     how the two signals combine
     */
    public LossTracker(double beta, double factor, int rawSteps, int warmup, Rule rule) {
        this.beta = Args.rightOpenInterval("beta", beta, 0, 1);
        Args.check(factor > 1 && Double.isFinite(factor), "factor > 1 and finite", factor);
        this.factor = factor;
        this.rawSteps = Args.positive("rawSteps", rawSteps);
        this.warmup = Args.nonNegative("warmup", warmup);
        this.rule = Args.notNull("rule", rule);
    }

    /**
     * The state after one more loss. A non-finite loss is not averaged in: it leaves the state as it was except that
     * it counts as a raw loss above the limit (callers handle NaN/Inf themselves first).
     */
    public State next(State s, double loss) {
        if (!Double.isFinite(loss)) {
            return new State(s.count(), s.betaPow(), s.average(), s.smoothed(), s.best(), s.rawAbove() + 1);
        }
        int n = s.count() + 1;
        double betaPow = s.betaPow() * beta;
        double average = beta * s.average() + (1 - beta) * loss;
        double smoothed = average / (1 - betaPow);
        double best = n > warmup ? Math.min(s.best(), smoothed) : s.best();
        int rawAbove = best > 0 && Double.isFinite(best) && loss > factor * best ? s.rawAbove() + 1 : 0;
        return new State(n, betaPow, average, smoothed, best, rawAbove);
    }

    /** Whether the loss has diverged at this state (see the class comment). */
    public boolean diverged(State s) {
        if (!(s.best() > 0) || Double.isInfinite(s.best()) || s.count() < 2) {
            return false;
        }
        boolean smoothedHigh = s.smoothed() > factor * s.best();
        boolean rawHigh = s.rawAbove() >= rawSteps;
        return rule == Rule.EITHER ? smoothedHigh || rawHigh : smoothedHigh && rawHigh;
    }

    /** Whether the smoothed loss is at most {@code k} times the best (true while there is no best yet). */
    public static boolean within(State s, double k) {
        return !(s.best() > 0) || Double.isInfinite(s.best()) || s.smoothed() <= k * s.best();
    }

    public double beta() {
        return beta;
    }

    public double factor() {
        return factor;
    }

    public int rawSteps() {
        return rawSteps;
    }

    public int warmup() {
        return warmup;
    }

    public Rule rule() {
        return rule;
    }
}
