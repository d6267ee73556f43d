package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ChanceLevel;

/**
 * Pure rules behind the monitor's ratio verdicts and warnings; no network needed.
 *
 * <p><b>Ratio</b> (DL4J UI's definition): {@code mean|update| / mean|param|} per parameter array, where the update
 * is the one actually applied (learning rate, minibatch division, clipping and regularization included). For
 * arrays of equal length this is {@code norm1(update) / norm1(param)}. CS231n uses L2 norms instead; both put the
 * target near 1e-3.
 *
 * <p><b>When a streak warns</b>: after {@code patience} checks out of the band in one direction, unless the loss is
 * falling fast ({@link #fallingFast}), and never once the network has learned ({@link #learned}: its loss is below
 * half of its chance level, or of where it started if that is lower). A low streak then is what a fitted network
 * shows; a high one, noise read as a rise (the lowest level of a noisy loss keeps drifting down over a long run). After
 * that point a rate that is too high shows in the divergence rule and in the stall check's reading of the epoch's
 * ratios. A low streak is also no advice once the network has {@linkplain #fitted fitted} what it can at its pace:
 * below three quarters of its chance level, with an epoch loss whose fall has shrunk to under a third of its largest.
 *
 * <p>A high streak also waits until a trend can be read ({@code patience + 1} checks), and speaks only when the loss
 * has risen by more than a fifth above both its best level and its best epoch's mean loss ({@link #best}), and by more
 * than the spread of its minibatch losses ({@link #risen}): while a large step still buys progress, a ratio above the
 * band is the rate doing its job (plain SGD at its best rate sat at 1-3e-2 on three data sets), and on a noisy loss the
 * best level is a lucky low, not a mark the run fell back from. Except for steps that are {@linkplain #EXTREME
 * extreme}, at least 10x the band's top for {@code patience} checks in a row: each update then moves the weights by a
 * tenth of their size or more, which no good rate kept up for that long, however fast the loss fell. A low streak after
 * the learning rate was lowered on purpose ({@link LrOwnerRules}) is expected, not advice to raise it.
 *
 * <p><b>Which arrays are judged</b>: weight arrays (rank 2 or more). Vectors (biases, batch-norm gamma/beta) are
 * logged but not judged: Adam moves every element by about the learning rate, so a bias of 0.01 shows a ratio
 * near 0.1 in a perfectly healthy run.
 */
final class RatioRules {

    /**
     * A loss level that fell by more than this fraction over a streak means the run is making progress, so an
     * out-of-band ratio then is no reason to warn (yet).
     */
    static final double FALLING = 0.1;

    /**
     * A loss level below this fraction of the chance level (or of the first loss, if lower) means the network has
     * learned: low ratios are then no sign of a rate that is too low.
     */
    static final double LEARNED = 0.5;

    /**
     * A high ratio is advice to lower the rate only once the loss level stands more than this factor above its lowest
     * level before the trend window: the steps are large and no longer pay.
     */
    static final double RISEN = 1.2;

    /**
     * A ratio at least this multiple of the band's top is extreme (see the class comment). Measured with the default
     * band on 17 tables: no run at a good rate had 3 checks in a row at 0.1 or more, though its first update alone
     * reached 0.27 (shuttle, plain SGD); runs at 10x-30x it moved their weights by up to 100% at their first update,
     * then mostly by 2-7% a step, like a good rate, so the streak catches only rates far too high.
     */
    static final double EXTREME = 10;

    private RatioRules() {
    }

    /**
     * The loss a high streak's rise is measured from: the larger of the lowest level at the checks before the trend
     * window and the lowest mean loss of an epoch that has ended (NaN when neither is known). A level is the median of
     * 25 minibatches, so it depends on which minibatches they were, and the lowest of many levels is the easiest
     * stretch of the data, not a mark the run fell back from. Where the data comes in the same order every epoch (a
     * {@code ListDataSetIterator} does not shuffle) the hard stretch comes back each epoch: the computing jobs with
     * plain SGD at 0.1, its best rate, reached a level of 0.652 in epoch 3 against a lowest level of 0.526, while each
     * epoch's mean fell (0.697, 0.649, 0.618, 0.594). An epoch's mean covers every stretch. The larger reference only
     * removes lines: a rise must beat both.
     * Worked values: lowest level 0.53, best epoch mean 0.649: 0.649; before any epoch ended: 0.53.
     *
     * @param bestLevel     the lowest level before the trend window; NaN when none
     * @param bestEpochMean the lowest mean loss of an ended epoch; NaN when none
     */
    static double best(double bestLevel, double bestEpochMean) {
        if (Double.isNaN(bestLevel)) {
            return bestEpochMean;
        }
        return Double.isNaN(bestEpochMean) ? bestLevel : Math.max(bestLevel, bestEpochMean);
    }

    /**
     * Whether the loss level {@code now} stands more than {@link #RISEN} times above {@code best} ({@link #best}), and
     * more than {@code noise} above it. The noise is the interquartile range of the 25 minibatch losses around the
     * run's lowest level: a level is their median, whose standard error is about a fifth of that range, so a rise
     * beyond it is some four standard errors of the difference of two levels, and the lowest of many levels sits a few
     * standard errors below the truth by itself. On an unbalanced table the minibatch losses spread widely (telecom
     * churn, plain SGD at its best rate: a best level of 0.245 against epoch means of 0.30 and more, and a "rise" to
     * 0.318 while every epoch's mean fell).
     * Worked values: best 1.0, noise 0.1: now 1.21 has risen, 1.2 has not; best 1.0, noise 0.25: 1.25 has not, 1.26
     * has. NaN or a best that is not positive never counts as risen; a noise of 0 (no full window yet) leaves the
     * factor.
     *
     * @param noise the interquartile range of the minibatch losses of the window with the run's lowest level
     */
    static boolean risen(double best, double now, double noise) {
        return best > 0 && now > RISEN * best && now - best > noise;
    }

    /**
     * Whether the loss has fallen below {@link #LEARNED} of its reference: the chance level, or the first loss when
     * that is lower or the chance level is unknown. Then the rate evidently was not too low, and small ratios are what
     * a trained network shows: its gradients shrink as it fits, and Adam's steps with them (a converged Adam run on
     * Iris went from ratios of 1e-3 to 5e-5 at a training loss of 0.02). The chance level matters on a lopsided table:
     * the loss halves from its first value by learning the class frequencies alone (a draw of Statlog shuttle: from
     * ln 7 = 1.95, a uniform guess, or above, to a chance level of 0.65), so a run at a hundredth of a good rate had
     * "learned" within its first epoch.
     * Worked values: start 2.0, chance 0.65: 0.33 has not learned, 0.32 has; start 2.0, chance unknown (NaN): 0.99
     * has, 1.0 has not.
     *
     * @param start  the first loss of the run
     * @param chance the loss of a network that knows nothing (predicting the class frequencies or the mean
     *               target); NaN when unknown
     * @param level  the loss level now
     */
    static boolean learned(double start, double chance, double level) {
        return below(LEARNED, start, chance, level);
    }

    /** Whether {@code level} is below {@code share} of the chance level, or of the first loss when that is lower. */
    private static boolean below(double share, double start, double chance, double level) {
        double reference = chance > 0 && chance < start ? chance : start;
        return reference > 0 && level < share * reference;
    }

    /**
     * Whether small steps are those of a network that has fitted what it can at its pace, so no sign of a rate too
     * low: it has {@linkplain #learned learned}, or its loss is below {@value ChanceLevel#LEARNED} of the same
     * reference (the finder's test for a network that has learned) and its epoch loss no longer falls at a steady pace
     * (the last epoch's fall is under a third of the largest before it, {@link SlowStartRules#steady}). On a table
     * with a floor the network cannot go far below, the steps shrink there as well: Kuhn and Johnson's two-predictor
     * table stops near 0.6 of its chance level at every good rate (momentum at 1e-3: epoch losses 0.687, 0.436, 0.420,
     * 0.414 against 0.691), where ratios under the band said "too low" and a higher rate ended with a worse test loss.
     * The pace matters because a rate too low can pass three quarters early: on a draw of Statlog shuttle, plain SGD
     * at a hundredth of its good rate stood at 0.71 of its chance level during its second epoch, where the pace cannot
     * be read yet (three epoch losses are needed) and its low ratios were right.
     * Worked values: start 2.0, chance 1.0, pace not steady: 0.75 has not fitted, just below it has; the same loss at
     * a steady pace has not; 0.5 at a steady pace has not, just below it has (learned).
     *
     * @param start  the first loss of the run
     * @param chance the loss of a network that knows nothing (predicting the class frequencies or the mean
     *               target); NaN when unknown
     * @param level  the loss level now
     * @param steady whether the epoch loss still falls at a steady pace ({@link SlowStartRules#steady})
     */
    static boolean fitted(double start, double chance, double level, boolean steady) {
        return learned(start, chance, level) || (!steady && below(ChanceLevel.LEARNED, start, chance, level));
    }

    /**
     * Whether the loss level fell by more than {@link #FALLING} from {@code before} to {@code now}: early in training
     * and while the loss falls fast, a ratio out of the band is normal (a good SGD rate showed 1.0-1.2e-2 on the
     * output layer at iteration 20), so a warning waits until the progress slows. NaN levels never count as falling.
     */
    static boolean fallingFast(double before, double now) {
        return before > 0 && now < (1 - FALLING) * before;
    }

    /**
     * Whether a streak that has reached {@code patience} is reported now (see the class comment).
     *
     * @param early   fewer checks than a trend needs ({@code patience + 1})
     * @param falling the loss fell fast over the streak ({@link #fallingFast})
     * @param learned for a high streak the network has learned ({@link #learned}), for a low one it has fitted
     *                ({@link #fitted}): no ratio advice that way
     * @param risen   the loss stands above its best level before the streak's trend window, beyond the noise
     *                ({@link #risen})
     * @return whether to report: never once warned or learned; at once for {@code patience} extreme checks in a row;
     *         otherwise not while the loss falls fast, and for a high streak only after the trend window with a risen
     *         loss
     */
    static boolean due(Streak s, int patience, boolean early, boolean falling, boolean learned, boolean risen) {
        if (!s.shouldWarn(patience) || learned) {
            return false;
        }
        if (s.extreme() >= patience) {
            return true;
        }
        return !falling && (s.direction() == RatioVerdict.LOW || !early && risen);
    }

    /** Whether a ratio above the band is {@link #EXTREME}: at least that multiple of {@code high}. */
    static boolean extreme(double ratio, double high) {
        return ratio >= EXTREME * high;
    }

    /** {@code norm1(update) / norm1(param)}; NaN when the parameters are all zero. */
    static double ratio(double updateNorm1, double paramNorm1) {
        return paramNorm1 > 0 ? updateNorm1 / paramNorm1 : Double.NaN;
    }

    static RatioVerdict verdict(double ratio, double low, double high) {
        if (Double.isNaN(ratio)) {
            return RatioVerdict.UNDEFINED;
        }
        if (ratio > high) {
            return RatioVerdict.HIGH;
        }
        return ratio < low ? RatioVerdict.LOW : RatioVerdict.OK;
    }

    /** Whether an array of this rank gets a verdict (weights do, vectors do not). */
    static boolean judged(int rank) {
        return rank >= 2;
    }

    /** How much worse than the ratio of the last line in the same direction a new line's ratio must be. */
    static final double NEWS = 2;

    /**
     * Whether a line about {@code ratio}, the most extreme of the arrays due in one direction at one check, says
     * something the run's last line in that direction did not: the first line always does; after it, only a ratio
     * {@value #NEWS}x further out of the band (higher for HIGH, lower for LOW). The same advice again adds nothing: a
     * healthy SGD run whose output layer sat at 1.0e-2 and 1.1e-2, just over the band, in two streaks would
     * otherwise hear "try x0.1" twice.
     *
     * @param lastSaid the ratio of the run's last line in this direction; NaN before the first
     */
    static boolean news(RatioVerdict direction, double ratio, double lastSaid) {
        if (Double.isNaN(lastSaid)) {
            return true;
        }
        return direction == RatioVerdict.HIGH ? ratio >= NEWS * lastSaid : ratio <= lastSaid / NEWS;
    }

    /**
     * Consecutive out-of-band checks of one array in one direction, and whether that streak was already warned
     * about. A warning fires once, when the streak reaches {@code patience}; it can fire again only after the ratio
     * returns to the band or flips direction.
     *
     * @param extreme how many of the streak's latest checks in a row were {@link #EXTREME} (always 0 below the band)
     */
    record Streak(RatioVerdict direction, int length, boolean warned, int extreme) {

        static final Streak NONE = new Streak(RatioVerdict.OK, 0, false, 0);

        /**
         * The streak after one more check.
         *
         * @param extremeCheck whether this check's ratio was {@link #EXTREME} above the band
         */
        Streak next(RatioVerdict verdict, boolean extremeCheck) {
            if (verdict == RatioVerdict.UNDEFINED) {
                return this;
            }
            if (verdict == RatioVerdict.OK) {
                return NONE;
            }
            boolean same = verdict == direction;
            int extremeRun = verdict == RatioVerdict.HIGH && extremeCheck ? (same ? extreme : 0) + 1 : 0;
            return same ? new Streak(verdict, length + 1, warned, extremeRun)
                    : new Streak(verdict, 1, false, extremeRun);
        }

        /** True exactly when this check should log a warning. */
        boolean shouldWarn(int patience) {
            return !warned && direction != RatioVerdict.OK && length >= patience;
        }

        Streak markWarned() {
            return new Streak(direction, length, true, extreme);
        }
    }

    /**
     * The advice of a warning about the given ratio: as {@link #advice(RatioVerdict)}, except that a ratio of exactly
     * zero (no update at all) does not point at the learning rate.
     */
    static String advice(RatioVerdict direction, double ratio) {
        if (direction == RatioVerdict.LOW && ratio == 0) {
            return "its updates are exactly zero: dead units (e.g. ReLUs killed by an earlier, too high learning rate) "
                    + "or a vanished gradient; a higher learning rate will not help, a restart from a healthy state might";
        }
        return advice(direction);
    }

    /**
     * The advice of a warning for a network trained by Prodigy, whose learning rate is a multiplier of a step size it
     * estimates itself (its authors: leave the multiplier at 1, lower it to 0.5 only if training is unstable).
     */
    static String prodigyAdvice(RatioVerdict direction) {
        switch (direction) {
            case HIGH:
                return "Prodigy's own step size is large for this layer; if the loss is unstable, lower Prodigy's "
                        + "multiplier (e.g. 0.5), otherwise no action";
            case LOW:
                return "Prodigy grows its step size by itself; if this persists, check its growthRate and d0 rather "
                        + "than the multiplier";
            default:
                throw new IllegalArgumentException("Expected HIGH or LOW, but got " + direction);
        }
    }

    /** The advice of a warning, e.g. {@code "learning rate likely too high for this layer (try x0.1)"}. */
    static String advice(RatioVerdict direction) {
        switch (direction) {
            case HIGH:
                return "learning rate likely too high for this layer (try x0.1)";
            case LOW:
                return "learning rate likely too low for this layer (try x10)";
            default:
                throw new IllegalArgumentException("Expected HIGH or LOW, but got " + direction);
        }
    }
}
