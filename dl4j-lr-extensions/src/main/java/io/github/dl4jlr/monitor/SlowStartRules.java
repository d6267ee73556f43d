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
 *          and the loss still falls at a steady pace: the last epoch's fall at least a third ({@link #STEADY}) of
 *              the largest fall of an epoch before it (or no fall before it to compare with)
 *          and the network is not dead, and no line has advised raising the rate yet
 * </pre>
 * A rate too low moves the network at a pace set by the rate, so its epoch losses fall by about as much each epoch
 * (the last fall 0.40 to 0.92 of the largest before it in every run the line named over 18 tables). A loss whose fall
 * shrank to a quarter has done the quick part of its learning and goes on at the pace the data allow: on a two-class
 * table too hard to go far below its chance level, the rate with the best test loss (Adam at 3.2e-4 on a cell
 * segmentation table) fell by 0.28, then 0.07, then 0.04, with its largest ratio just under {@value #SMALL_PEAK}.
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
    /** The last epoch's fall must be at least this share of the largest before it. */
    static final double STEADY = 1.0 / 3;

    /**
     * @param peakRatio    the largest judged ratio of any check so far; NaN before the first
     * @param firstRate    the learning rate at the first check; NaN before it
     * @param rateMoved    whether the rate left {@code [first / 2, first x 2]} at a check
     * @param epochLoss    the last epoch's mean loss; NaN before the first
     * @param lastFall     how much it fell below the epoch before; NaN before the second epoch
     * @param largestFall  the largest fall of the epochs before the last; NaN before the third epoch
     */
    record State(double peakRatio, double firstRate, boolean rateMoved, double epochLoss, double lastFall,
                 double largestFall) {
        static final State INITIAL = new State(Double.NaN, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN);
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
        return new State(peak, first, moved, s.epochLoss(), s.lastFall(), s.largestFall());
    }

    /**
     * The state after an epoch end.
     *
     * @param loss the epoch's mean loss; NaN (an epoch without minibatches) leaves the state as it is
     */
    static State epochEnd(State s, double loss) {
        if (Double.isNaN(loss)) {
            return s;
        }
        double largest = Double.isNaN(s.largestFall()) || s.lastFall() > s.largestFall() ? s.lastFall()
                : s.largestFall();
        return new State(s.peakRatio(), s.firstRate(), s.rateMoved(), loss, s.epochLoss() - loss, largest);
    }

    /**
     * Whether the loss still falls at a steady pace (see the class comment): true too while fewer than three epoch
     * losses are known, or when it never fell before the last epoch.
     */
    static boolean steady(State s) {
        return !(s.largestFall() > 0) || s.lastFall() >= STEADY * s.largestFall();
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
        return epochsDone >= EPOCHS && s.peakRatio() < SMALL_PEAK && !s.rateMoved() && steady(s)
                && chance > 0 && level >= DeadNetworkRules.STUCK * chance && !dead && !raiseAdvised;
    }
}
