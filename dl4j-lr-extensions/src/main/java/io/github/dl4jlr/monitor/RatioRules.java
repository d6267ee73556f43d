package io.github.dl4jlr.monitor;

/**
 * Pure rules behind the monitor's ratio verdicts and warnings; no network needed.
 *
 * <p><b>Ratio</b> (DL4J UI's definition): {@code mean|update| / mean|param|} per parameter array, where the update
 * is the one actually applied (learning rate, minibatch division, clipping and regularization included). For
 * arrays of equal length this is {@code norm1(update) / norm1(param)}. CS231n uses L2 norms instead; both put the
 * target near 1e-3.
 *
 * <p><b>Which arrays are judged</b>: weight arrays (rank 2 or more). Vectors (biases, batch-norm gamma/beta) are
 * logged but not judged: Adam moves every element by about the learning rate, so a bias of 0.01 shows a ratio
 * near 0.1 in a perfectly healthy run.
 */
public final class RatioRules {

    private RatioRules() {
    }

    /** {@code norm1(update) / norm1(param)}; NaN when the parameters are all zero. */
    public static double ratio(double updateNorm1, double paramNorm1) {
        return paramNorm1 > 0 ? updateNorm1 / paramNorm1 : Double.NaN;
    }

    public static RatioVerdict verdict(double ratio, double low, double high) {
        if (Double.isNaN(ratio)) {
            return RatioVerdict.UNDEFINED;
        }
        if (ratio > high) {
            return RatioVerdict.HIGH;
        }
        return ratio < low ? RatioVerdict.LOW : RatioVerdict.OK;
    }

    /** Whether an array of this rank gets a verdict (weights do, vectors do not). */
    public static boolean judged(int rank) {
        return rank >= 2;
    }

    /**
     * Consecutive out-of-band checks of one array in one direction, and whether that streak was already warned
     * about. A warning fires once, when the streak reaches {@code patience}; it can fire again only after the ratio
     * returns to the band or flips direction.
     */
    public record Streak(RatioVerdict direction, int length, boolean warned) {

        public static final Streak NONE = new Streak(RatioVerdict.OK, 0, false);

        /** The streak after one more check. */
        public Streak next(RatioVerdict verdict) {
            if (verdict == RatioVerdict.UNDEFINED) {
                return this;
            }
            if (verdict == RatioVerdict.OK) {
                return NONE;
            }
            return verdict == direction ? new Streak(verdict, length + 1, warned) : new Streak(verdict, 1, false);
        }

        /** True exactly when this check should log a warning. */
        public boolean shouldWarn(int patience) {
            return !warned && direction != RatioVerdict.OK && length >= patience;
        }

        public Streak markWarned() {
            return new Streak(direction, length, true);
        }
    }

    /**
     * The advice of a warning about the given ratio: as {@link #advice(RatioVerdict)}, except that a ratio of exactly
     * zero (no update at all) does not point at the learning rate.
     */
    public static String advice(RatioVerdict direction, double ratio) {
        if (direction == RatioVerdict.LOW && ratio == 0) {
            return "its updates are exactly zero: dead units (e.g. ReLUs killed by an earlier, too high learning rate) "
                    + "or a vanished gradient; a higher learning rate will not help, a restart from a healthy state might";
        }
        return advice(direction);
    }

    /** The advice of a warning, e.g. {@code "learning rate likely too high for this layer (try x0.1)"}. */
    public static String advice(RatioVerdict direction) {
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
