package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.Args;

import java.util.Arrays;

/**
 * The pure rule that tells a dead (or saturated) network from one whose learning rate is too low; no network needed.
 *
 * <p>Both sit near the loss of a network that knows nothing, and both show small update:parameter ratios. They differ
 * in the gradient: a network trained too slowly still has the gradient it started with (it could learn, the steps
 * are just small), while a network whose units died, typically after a first phase at a far too high learning rate,
 * has none left: ReLUs that never fire pass no gradient back, and a layer fed only zeros gets none. Only the output
 * layer may keep a gradient, from minibatch-to-minibatch noise in the labels, while it learns the class frequencies.
 * So, at each ratio check:
 * <pre>
 *   g_k       = mean |raw gradient| per example and element of weight array k (at onGradientCalculation)
 *   peak_k    = the largest g_k seen at a check so far (the first one, usually)
 *   collapsed = g_k &lt;= 1e-3 * peak_k for at least half of the weight arrays
 *   stuck     = loss level &gt;= 0.5 * chance     chance = the loss of predicting the class frequencies (softmax or
 *                                              sigmoid cross-entropy) or the mean target (unweighted squared
 *                                              error), else the first loss
 *   symptomatic = collapsed and stuck;   dead = symptomatic at {@code patience} checks in a row
 * </pre>
 * The report is said once until the network learns: a later streak while the loss is still stuck repeats it (the
 * gradients of a dead network flicker above the collapse line now and then: a saturated output relearning the mean
 * target, a unit that fires on one minibatch) and is not said again. A loss below the stuck line re-arms it, and so
 * does a restored snapshot (the monitor starts the rule over).
 * A converged network has small gradients too, but its loss is far below chance, so it is never stuck.
 *
 * <p>Measured (UCI digits, MLP 64-64, Adam): at lr 0.3 every weight gradient was exactly 0 from iteration 20 on and
 * the loss sat at 2.3 = ln 10 for good; at lr 1e-5 (300x too low) the gradients at iteration 80 were 0.7-0.8x the
 * first ones.
 *
 * <p>Worked values (patience 3, three weight arrays): gradients {9e-3, 9e-3, 3e-2}, {5e-4, 1e-4, 9e-4}, then three
 * times {0, 0, 2e-4}, with the loss at 2.3 against a chance level of 2.3: symptomatic = false, false, true, true, true
 * (2 of 3 arrays at 0): dead at the fifth check.
 */
final class DeadNetworkRules {

    /**
     * Symptomatic checks in a row before the network is called dead: 2, so that on short epochs (Iris: 10 minibatches,
     * one check an epoch at the default frequency) it is named within 3 epochs.
     */
    static final int PATIENCE = 2;
    /** A gradient at most this fraction of its array's peak has collapsed. */
    static final double COLLAPSE = 1e-3;
    /** A loss level at least this fraction of the chance level is stuck. */
    static final double STUCK = 0.5;
    /** A first update that moved the parameters by more than this fraction of their size was a high-rate start. */
    static final double FIRST_MOVE_HIGH = 0.1;

    /**
     * @param peaks  the largest gradient seen per weight array; empty before the first check
     * @param streak symptomatic checks in a row
     * @param warned whether the network was reported dead and its loss has stayed stuck since
     * @param since  the iteration of the first symptomatic check of the streak; -1 outside a streak
     */
    record State(double[] peaks, int streak, boolean warned, int since) {
        static final State INITIAL = new State(new double[0], 0, false, -1);

        State {
            peaks = peaks.clone();
        }

        @Override
        public double[] peaks() {
            return peaks.clone();
        }

        /** Whether the latest check was symptomatic. */
        boolean symptomatic() {
            return streak > 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(peaks, s.peaks) && streak == s.streak && warned == s.warned
                    && since == s.since;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(peaks) + streak;
        }
    }

    /**
     * The state after one check, and whether to report a dead network now.
     *
     * @param collapsed the indices of the weight arrays whose gradient collapsed at this check
     */
    record Step(State state, boolean dead, int[] collapsed) {
    }

    private final int patience;

    /** @param patience symptomatic checks in a row before the network is called dead, {@code >= 1} */
    DeadNetworkRules(int patience) {
        this.patience = Args.positive("patience", patience);
    }

    /**
     * @param iteration the check's iteration
     * @param gradients mean |raw gradient| per example and element, per weight array (in a fixed order); null or
     *                  empty when not measured
     * @param level     the loss level (median of the recent minibatch losses)
     * @param chance    the loss of a network that knows nothing (see the class comment); NaN when unknown
     */
    Step next(State s, int iteration, double[] gradients, double level, double chance) {
        if (gradients == null || gradients.length == 0) {
            return new Step(s, false, new int[0]);
        }
        double[] peaks = s.peaks().length == gradients.length ? s.peaks() : new double[gradients.length];
        int judged = 0;
        int[] collapsed = new int[gradients.length];
        int n = 0;
        for (int k = 0; k < gradients.length; k++) {
            double g = gradients[k];
            if (Double.isNaN(g)) {
                continue;
            }
            peaks[k] = Math.max(peaks[k], g);
            if (peaks[k] > 0) {
                judged++;
                if (g <= COLLAPSE * peaks[k]) {
                    collapsed[n++] = k;
                }
            }
        }
        boolean stuck = chance > 0 && level >= STUCK * chance;
        boolean warned = s.warned() && stuck;
        if (!(judged > 0 && 2 * n >= judged && stuck)) {
            return new Step(new State(peaks, 0, warned, -1), false, new int[0]);
        }
        int streak = s.streak() + 1;
        boolean dead = streak >= patience && !warned;
        return new Step(new State(peaks, streak, warned || dead, s.since() < 0 ? iteration : s.since()), dead,
                Arrays.copyOf(collapsed, n));
    }

    int patience() {
        return patience;
    }
}
