package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ChanceLevel;

/**
 * The pure rule behind the monitor's "stuck after a high start" line, the mirror of {@link SlowStartRules}: a learning
 * rate so high that the first steps threw the network into a state it does not leave, while its gradients have not
 * vanished, so the dead-network rule ({@link DeadNetworkRules}) does not name it; no network needed.
 *
 * <p>Such a network hovers near the loss of predicting the class frequencies: saturated units, or most of them dead
 * with a few left that keep a gradient. A good rate whose first steps are that large takes the loss well below that
 * level within an epoch or two. So, at each epoch end:
 * <pre>
 *   stuck = epochs done &gt;= {@value SlowStartRules#EPOCHS}
 *           and the largest judged ratio of the first {@value #FIRST_CHECKS} checks is extreme
 *               ({@link RatioRules#extreme}: at least 10x the band's top; 0.1 with the default band)
 *           and every epoch's mean loss so far stayed at or above {@value ChanceLevel#LEARNED} of the chance level
 *               (it has not learned, by the test the finder uses for a trained network)
 *           and no trouble line (non-finite, diverged, dead) or too-high line has spoken yet
 * </pre>
 * Measured on the recorded runs of the 22 tables of the scenario suite (3 seeds, SGD, momentum and Adam): no healthy,
 * converged, too-low or plateau run met both conditions. Healthy runs with first steps that large (up to 0.14) were
 * below 0.3 of their chance level within three epochs, and healthy runs that stayed above three quarters of it for
 * three epochs (plain SGD on a telecom churn table) had first steps of at most 0.06. On a table where even a good
 * rate stays near three quarters of its chance level for three epochs (a credit scoring table) a rate 30x too high
 * meets both and still learns, only worse than a lower rate: so the line says the rate is likely too high, not that
 * the network is dead. It is said once per run.
 *
 * <p>Worked values, chance level 1.133, default band: first checks 0.343, 0.21, 0.05 and epoch means 1.033, 1.013,
 * 1.046 are stuck at the end of the third epoch; with an epoch mean of 0.84 (0.74 of the chance level) among them, or
 * first checks of at most 0.099, they never are.
 */
final class HighStartRules {

    /** The checks whose ratios count as the first steps. */
    static final int FIRST_CHECKS = 3;

    /**
     * @param checks    ratio checks seen, counted up to {@link #FIRST_CHECKS}
     * @param firstPeak the largest judged ratio of the first checks; NaN before one was judged
     */
    record State(int checks, double firstPeak) {
        static final State INITIAL = new State(0, Double.NaN);
    }

    private HighStartRules() {
    }

    /**
     * The state after a ratio check.
     *
     * @param maxJudged the largest judged ratio of the check; NaN when none was judged
     */
    static State check(State s, double maxJudged) {
        if (s.checks() >= FIRST_CHECKS) {
            return s;
        }
        double peak = Double.isNaN(maxJudged) || maxJudged <= s.firstPeak() ? s.firstPeak() : maxJudged;
        return new State(s.checks() + 1, peak);
    }

    /**
     * Whether to say it now (see the class comment).
     *
     * @param epochsDone  epoch ends seen
     * @param lowestEpoch the lowest finite epoch mean loss so far; NaN when none
     * @param chance      the chance-level loss; NaN or 0 when unknown, which never counts as stuck
     * @param high        the top of the ratio band
     * @param said        whether a trouble line (non-finite, diverged, dead) or a line advising to lower the rate has
     *                    spoken, this one included
     */
    static boolean stuck(State s, int epochsDone, double lowestEpoch, double chance, double high, boolean said) {
        return epochsDone >= SlowStartRules.EPOCHS && !said && chance > 0 && Double.isFinite(lowestEpoch)
                && !ChanceLevel.learned(lowestEpoch, chance) && RatioRules.extreme(s.firstPeak(), high);
    }
}
