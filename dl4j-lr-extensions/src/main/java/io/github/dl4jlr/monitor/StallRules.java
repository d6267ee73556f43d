package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.rules.PlateauRules;
import io.github.dl4jlr.control.PlateauDecision;
import io.github.dl4jlr.control.ThresholdMode;
import io.github.dl4jlr.internal.util.LossTracker;

/**
 * The pure epoch-level rule behind the monitor's "the loss has not improved for several epochs" warning; no network
 * needed.
 *
 * <p><b>When</b>: the decision is {@link PlateauRules}'s (relative threshold, no cooldown), fed one loss per epoch
 * (the epoch's mean training loss, or the validation loss when one is given). It warns when the loss has not improved
 * by the relative {@code threshold} for {@code patience} epochs in a row, and then stays quiet until the loss improves
 * again: one warning per streak. With patience 3 and threshold 1e-3, epoch losses 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5,
 * 0.5, 0.5, 0.5 warn at epochs 4 and 9 (0-based).
 *
 * <p><b>Why</b> ({@link #cause}), in this order: a dead network ({@link DeadNetworkRules}) is
 * {@link StallCause#NETWORK_DEAD} whatever the ratios say; a learning rate that its owner lowered on purpose, where
 * that explains the ratios ({@link LrOwnerRules#explains}) and they are not above the band, is
 * {@link StallCause#LR_LOWERED}. Otherwise the median of
 * the per-check median weight ratios over the stalled epochs, against the monitor's band: below it the learning rate
 * is too low, unless the network has fitted ({@link RatioRules#fitted}: the lowest loss is below three quarters of the
 * chance level, or of the first epoch's loss if lower, and a stall is a pace that is no longer steady; a fitted
 * network's steps shrink with its gradients: a plateau); above it the steps overshoot; inside it the run is on a
 * plateau, unless training never got going
 * ({@link StallCause#NO_PROGRESS}): the lowest loss is still within {@value #NO_PROGRESS_FALL} (5%) of the first
 * epoch's, and that first epoch itself had not left the chance level ({@link #AT_CHANCE} of it). A run whose first
 * epoch did leave it (Adam at 30x its good rate on the letters: 2.62 against a chance level of 3.26) and then
 * never did better got going and stalled: a plateau, not a rate too low to start.
 */
final class StallRules {

    /** A lowest loss less than this fraction below the first epoch's counts as no progress. */
    static final double NO_PROGRESS_FALL = 0.05;

    /**
     * A first epoch whose loss is at least this fraction of the chance level had not left it (see
     * {@link DeadNetworkRules} for the chance level).
     */
    static final double AT_CHANCE = 0.9;

    /**
     * The memory between epochs.
     *
     * @param plateau the plateau policy's state
     * @param warned  whether the current streak was already warned about
     * @param first   the first finite epoch loss; NaN before it
     * @param lowest  the lowest finite epoch loss; NaN before the first (the plateau's best moves only by the
     *                threshold, this one by any amount)
     */
    record State(PlateauRules.State plateau, boolean warned, double first, double lowest) {
        static final State INITIAL = new State(PlateauRules.State.INITIAL, false, Double.NaN, Double.NaN);
    }

    /**
     * One epoch's outcome.
     *
     * @param state the new state
     * @param warn  whether to warn now
     * @param best  the best loss so far
     */
    record Step(State state, boolean warn, double best) {
    }

    private final PlateauRules policy;

    /**
     * @param patience  epochs without improvement before the warning, {@code >= 1}
     * @param threshold the relative improvement that counts, {@code >= 0}
     */
    StallRules(int patience, double threshold) {
        this.policy = new PlateauRules(patience, threshold, ThresholdMode.RELATIVE, 0);
    }

    int patience() {
        return policy.patience();
    }

    double threshold() {
        return policy.threshold();
    }

    /** The state after one more epoch's loss; a non-finite loss counts as no improvement. */
    Step next(State s, double loss) {
        boolean improved = policy.improves(loss, s.plateau().best());
        PlateauRules.Step p = policy.next(s.plateau(), loss, true);
        boolean warned = !improved && s.warned();
        boolean warn = p.decision() == PlateauDecision.REDUCE && !warned;
        boolean finite = Double.isFinite(loss);
        double first = Double.isNaN(s.first()) && finite ? loss : s.first();
        double lowest = finite && !(loss >= s.lowest()) ? loss : s.lowest();
        return new Step(new State(p.state(), warned || warn, first, lowest), warn, p.state().best());
    }

    /**
     * The likely cause (see the class comment).
     *
     * @param checkMedians each stalled check's median over its judged weight arrays; NaN elements are ignored
     * @param first        the first epoch's loss
     * @param lowest       the lowest epoch loss so far
     * @param chance       the loss of a network that knows nothing (see {@link DeadNetworkRules}); NaN when unknown,
     *                     which does not rule out {@link StallCause#NO_PROGRESS}
     * @param dead         whether the network was found dead
     * @param lrLowered    whether lowering the learning rate on purpose since its peak explains the median ratio
     *                     ({@link LrOwnerRules#explains})
     */
    static StallCause cause(double[] checkMedians, double low, double high, double first, double lowest, double chance,
                            boolean dead, boolean lrLowered) {
        if (dead) {
            return StallCause.NETWORK_DEAD;
        }
        double m = LossTracker.medianIgnoringNaN(checkMedians);
        if (lrLowered && !(m > high)) {
            return StallCause.LR_LOWERED;
        }
        if (Double.isNaN(m)) {
            return StallCause.UNKNOWN;
        }
        if (m < low) {
            // a stall is itself a loss that no longer falls at a steady pace
            return RatioRules.fitted(first, chance, lowest, false) ? StallCause.PLATEAU : StallCause.LR_TOO_LOW;
        }
        if (m > high) {
            return StallCause.LR_TOO_HIGH;
        }
        boolean firstAtChance = !(chance > 0) || first >= AT_CHANCE * chance;
        return fall(first, lowest) < NO_PROGRESS_FALL && firstAtChance ? StallCause.NO_PROGRESS : StallCause.PLATEAU;
    }

    /** Whether a stall of this cause advises raising the learning rate. */
    static boolean raises(StallCause cause) {
        return cause == StallCause.LR_TOO_LOW || cause == StallCause.NO_PROGRESS;
    }

    /**
     * Whether a reading of this cause would contradict an earlier line that found the rate too high: advice to raise
     * it, or "a plateau at a workable learning rate" (on a loss that rose past its best after a divergence, the
     * epochs without progress are the divergence's, not a plateau's).
     */
    static boolean contradictsTooHigh(StallCause cause) {
        return raises(cause) || cause == StallCause.PLATEAU;
    }

    /**
     * {@code 1 - lowest / first}: how far the lowest loss lies below the first epoch's; NaN when either is unknown or
     * the first is not positive, which never counts as "no progress".
     */
    static double fall(double first, double lowest) {
        return Double.isFinite(first) && first > 0 && Double.isFinite(lowest) ? 1 - lowest / first : Double.NaN;
    }
}
