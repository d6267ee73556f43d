package io.github.dl4jlr.monitor;

/**
 * The pure rule behind the monitor's "learning slowly" line: a learning rate so low that the network barely moves,
 * while every ratio stays inside the band; no network needed.
 *
 * <p>A rate 100x too low can show update:parameter ratios of 1e-4 to 1e-3, inside the band, and a loss that still
 * falls a little every epoch, so neither the ratio warnings nor the stall check name it. What gives it away is the
 * start: at a good rate the largest weight ratio of the first checks is well above the band's middle (6.5e-3 to 0.13
 * over the tuning runs: Iris, the Gaussian mixture and UCI digits with SGD, momentum and Adam), and the loss leaves its
 * chance level within an epoch or two. So, at each epoch end:
 * <pre>
 *   slow = epochs done &gt;= {@value #EPOCHS}
 *          and the largest judged ratio of every check so far &lt; {@value #SMALL_PEAK}
 *          and the loss level &gt;= {@value DeadNetworkRules#STUCK} x chance   (it has hardly learned; a fine-tuned or
 *                                                                     trained network is far below)
 *          and the rate stayed within 2x of its first value (no warm-up under way, nothing lowered)
 *          and the network is not dead, and no line has advised raising the rate yet
 * </pre>
 * It is said once per run: once said, it has advised raising the rate. Over the tuning runs the largest ratio at a rate 100x too low was 1.4e-3 in the first three
 * checks and 1.5e-3 over the first three epochs.
 *
 * <p>Worked values: checks with largest ratios 6.8e-4, 5.1e-4, 4.9e-4 at a constant rate 3.2e-3 and a loss of 2.2
 * against a chance level of 2.3 are slow at the end of the third epoch; with a first check at 7.3e-2 they never are.
 */
final class SlowStartRules {

    /** Epochs before the rule may speak. */
    static final int EPOCHS = 3;
    /** A largest ratio below this all along is a slow start. */
    static final double SMALL_PEAK = 3e-3;
    /** The rate must stay within this factor of its first value. */
    static final double RATE_DRIFT = 2;

    /**
     * @param peakRatio   the largest judged ratio of any check so far; NaN before the first
     * @param firstRate   the learning rate at the first check; NaN before it
     * @param rateMoved   whether the rate left {@code [first / 2, first x 2]} at a check
     */
    record State(double peakRatio, double firstRate, boolean rateMoved) {
        static final State INITIAL = new State(Double.NaN, Double.NaN, false);
    }

    private SlowStartRules() {
    }

    /**
     * The state after a ratio check.
     *
     * @param maxJudged the largest judged ratio of the check; NaN when none was judged
     * @param rate      the learning rate in force; NaN when there is none
     */
    static State check(State s, double maxJudged, double rate) {
        double peak = Double.isNaN(maxJudged) || maxJudged <= s.peakRatio() ? s.peakRatio() : maxJudged;
        double first = Double.isNaN(s.firstRate()) ? rate : s.firstRate();
        boolean moved = s.rateMoved() || (first > 0 && rate > 0
                && (rate > RATE_DRIFT * first || rate < first / RATE_DRIFT));
        return new State(peak, first, moved);
    }

    /**
     * Whether to say it now (see the class comment).
     *
     * @param epochsDone   complete epochs
     * @param level        the loss level now
     * @param chance       the chance-level loss; NaN or 0 when unknown, which never counts as slow
     * @param dead         whether the network was found dead
     * @param raiseAdvised whether a line already advised raising the rate, this one included once said
     */
    static boolean slow(State s, int epochsDone, double level, double chance, boolean dead, boolean raiseAdvised) {
        return epochsDone >= EPOCHS && s.peakRatio() < SMALL_PEAK && !s.rateMoved()
                && chance > 0 && level >= DeadNetworkRules.STUCK * chance && !dead && !raiseAdvised;
    }
}
