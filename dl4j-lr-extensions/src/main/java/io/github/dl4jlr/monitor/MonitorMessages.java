package io.github.dl4jlr.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The monitor's log lines and exception messages; pure text, no state. */
final class MonitorMessages {

    private MonitorMessages() {
    }

    /**
     * {@code iter=120 epoch=1 lr=1.0e-03 update/param 0_W=1.2e-03 0_b=8.1e-04 1_W=9.7e-04 [ok]}, followed by
     * {@code step-size estimate 0_W=2.1e-02 1_W=3.0e-02} when there are estimates.
     */
    static String check(RatioCheck c) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "iter=%d epoch=%d lr=%.1e update/param",
                c.iteration(), c.epoch(), c.learningRate()));
        double[] ratios = c.ratios();
        List<String> highKeys = new ArrayList<>();
        List<String> lowKeys = new ArrayList<>();
        for (int i = 0; i < c.keys().size(); i++) {
            double r = ratios[i];
            b.append(' ').append(c.keys().get(i)).append('=')
                    .append(Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.1e", r));
            if (c.verdicts().get(i) == RatioVerdict.HIGH) {
                highKeys.add(c.keys().get(i));
            } else if (c.verdicts().get(i) == RatioVerdict.LOW) {
                lowKeys.add(c.keys().get(i));
            }
        }
        if (highKeys.isEmpty() && lowKeys.isEmpty()) {
            b.append(" [ok]");
        } else {
            b.append(" [");
            if (!highKeys.isEmpty()) {
                b.append("high: ").append(String.join(",", highKeys));
            }
            if (!lowKeys.isEmpty()) {
                b.append(highKeys.isEmpty() ? "" : "; ").append("low: ").append(String.join(",", lowKeys));
            }
            b.append(']');
        }
        return appendStepSizes(b, c).toString();
    }

    private static StringBuilder appendStepSizes(StringBuilder b, RatioCheck c) {
        double[] steps = c.stepSizes();
        boolean first = true;
        for (int i = 0; i < steps.length; i++) {
            if (!Double.isNaN(steps[i])) {
                b.append(first ? " step-size estimate " : " ").append(c.keys().get(i)).append('=')
                        .append(String.format(Locale.ROOT, "%.1e", steps[i]));
                first = false;
            }
        }
        return b;
    }

    /**
     * One line for every array due in one direction at one check, e.g. {@code "iter=30 epoch=1 0_W=3.7e-02,
     * 2_W=2.4e-02 above 1e-02 for 4 checks while the loss rose to 2.05, 2.7x its best 0.752: learning rate likely too
     * high for these layers (try x0.1)"}; a low line has no loss clause.
     *
     * @param indices the arrays, in forward order; the first one's streak {@code s} gives the length
     * @param extreme the ratio furthest out of the band among them
     * @param best    the lowest loss level before the trend window (read for a high line only)
     * @param now     the loss level at this check (read for a high line only)
     * @param steps   whether the line is due to steps {@linkplain RatioRules#EXTREME extreme} at every check of its
     *                patience, e.g. {@code "iter=20 epoch=1 0_W=3.9e-01 above 1e-02 for 3 checks, each update moving
     *                the weights by 10% of their size or more: learning rate likely too high for this layer (try
     *                x0.1)"}, rather than to a risen loss
     */
    static String ratioWarning(RatioCheck c, List<Integer> indices, RatioRules.Streak s, double extreme, double low,
                               double high, boolean prodigy, double best, double now, boolean steps) {
        boolean highSide = s.direction() == RatioVerdict.HIGH;
        StringBuilder arrays = new StringBuilder();
        for (int i : indices) {
            arrays.append(arrays.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s=%.1e",
                    c.keys().get(i), c.ratios()[i]));
        }
        String advice = prodigy && extreme != 0 ? RatioRules.prodigyAdvice(s.direction())
                : RatioRules.advice(s.direction(), extreme);
        if (indices.size() > 1) {
            advice = advice.replace("for this layer", "for these layers");
        }
        StringBuilder notes = new StringBuilder();
        for (int i : indices) {
            notes.append(stepSizeNote(c, i));
        }
        String trend = !highSide ? ""
                : steps ? String.format(Locale.ROOT, ", each update moving the weights by %.0f%% of their size or more",
                100 * RatioRules.EXTREME * high)
                : String.format(Locale.ROOT, " while the loss rose to %.3g, %.1fx its best %.3g", now, now / best,
                best);
        return String.format(Locale.ROOT, "iter=%d epoch=%d %s %s %.0e for %d checks%s: %s", c.iteration(), c.epoch(),
                arrays, highSide ? "above" : "below", highSide ? high : low, s.length(), trend, advice) + notes;
    }

    private static String stepSizeNote(RatioCheck c, int index) {
        double est = c.stepSizes()[index];
        return Double.isNaN(est) ? "" : String.format(Locale.ROOT, " (step-size estimate %.1e)", est);
    }

    /**
     * {@code " (at 1.0e-03 it would be 1.1e-04, in the band)"} when a rate not yet {@linkplain
     * LrOwnerRules.State#lowered() lowered} explains a low ratio (see {@link LrOwnerRules#explains}); empty for a rate
     * lowered further, where the peak's ratio is not the reason.
     */
    private static String atPeak(LrOwnerRules.State lr, double ratio) {
        return !lr.lowered() && Double.isFinite(ratio) ? String.format(Locale.ROOT,
                " (at %.1e it would be %.1e, in the band)", lr.peak(), ratio * lr.peak() / lr.current()) : "";
    }

    /**
     * The INFO line of a low-ratio streak after the learning rate was lowered on purpose, e.g. {@code iter=900
     * epoch=8 1_W=3.1e-05 below 1e-04 for 3 checks, as expected: ReduceLROnPlateau lowered the learning rate from
     * 1.0e-02 to 1.0e-05; no action}; when the rate is not yet halved, the ratio at its peak follows the rates
     * ({@code ... from 1.0e-03 to 7.0e-04 (at 1.0e-03 it would be 1.1e-04, in the band); no action}).
     */
    static String expectedLowRatio(RatioCheck c, int index, RatioRules.Streak s, double low, LrOwnerRules.Owner owner,
                                   LrOwnerRules.State lr) {
        return String.format(Locale.ROOT, "iter=%d epoch=%d %s=%.1e below %.0e for %d checks, as expected: %s lowered the "
                        + "learning rate from %.1e to %.1e%s; no action", c.iteration(), c.epoch(), c.keys().get(index),
                c.ratios()[index], low, s.length(), owner.text(), lr.peak(), lr.current(),
                atPeak(lr, c.ratios()[index]));
    }

    /**
     * The INFO line of a low-ratio streak after an earlier line found the learning rate too high, e.g. {@code iter=70
     * epoch=6 1_W=4.2e-05 below 1e-04 for 3 checks, after an earlier line found the learning rate too high: updates
     * this small after too high a rate are gradients that vanished (saturated or dead units), not a rate too low; no
     * advice to raise it; follow that line}.
     */
    static String lowRatioAfterTooHigh(RatioCheck c, int index, RatioRules.Streak s, double low) {
        return String.format(Locale.ROOT, "iter=%d epoch=%d %s=%.1e below %.0e for %d checks, after an earlier line "
                        + "found the learning rate too high: updates this small after too high a rate are gradients "
                        + "that vanished (saturated or dead units), not a rate too low; no advice to raise it; follow "
                        + "that line", c.iteration(), c.epoch(), c.keys().get(index), c.ratios()[index], low,
                s.length());
    }

    /**
     * The line of a stalled loss, e.g. {@code epoch=3 training loss 3.269 has improved by less than 1.0% on its best
     * (3.274) in 3 epochs; weight update:parameter ratios median 2.1e-07, below the band [1e-04, 1e-02]: the learning
     * rate is likely too low (try x10, or pick one with LearningRateFinder)}.
     *
     * @param plateauAttached whether a ReduceLROnPlateau listens to the model (it owns the answer to a plateau)
     * @param lowerAdvised    an earlier line found the rate too high: a "too low" or "not got going" reading is then an
     *                        INFO note instead of advice to raise it ({@code ..., inside the band [1e-04, 1e-02], after
     *                        an earlier line found the learning rate too high: no advice to raise it; follow that
     *                        line}), and a plateau reading one that does not call the rate workable
     */
    static String stall(LossStall s, double low, double high, boolean plateauAttached, boolean lowerAdvised,
                        int plateauSaidAt) {
        String progress = s.threshold() == 0 ? "has not improved on its best"
                : String.format(Locale.ROOT, "has improved by less than %.2g%% on its best", 100 * s.threshold());
        String head = String.format(Locale.ROOT, "epoch=%d %s loss %.4g %s (%.4g) in %d epochs; ", s.epoch(),
                s.validation() ? "validation" : "training", s.loss(), progress, s.best(), s.epochs());
        String ratios = String.format(Locale.ROOT, "weight update:parameter ratios median %.1e", s.medianRatio());
        String band = String.format(Locale.ROOT, "[%.0e, %.0e]", low, high);
        // a plateau can come with a median below the band: a network that has fitted takes small steps
        String where = (s.medianRatio() < low ? ", below the band " : ", inside the band ") + band;
        if (lowerAdvised && StallRules.contradictsTooHigh(s.cause())) {
            return head + ratios + String.format(Locale.ROOT, "%s, after an earlier line found the learning rate too "
                    + "high: %s; follow that line", where, StallRules.raises(s.cause()) ? "no advice to raise it"
                    : "not a plateau at a workable rate");
        }
        switch (s.cause()) {
            case NETWORK_DEAD:
                return head + "the network is dead (its weight gradients vanished at its chance-level loss): the "
                        + "learning rate was too high early; roll back or restart at a lower rate (try x0.1, or pick "
                        + "one with LearningRateFinder); raising it will not help";
            case LR_LOWERED:
                return head + String.format(Locale.ROOT, "%s lowered the learning rate from %.1e to %.1e%s, and the "
                        + "loss has levelled off at the lower rate: expected as a decay goes on; no action (stop here "
                        + "if the validation loss agrees)", s.lrOwner(), s.peakLearningRate(), s.learningRate(),
                        atPeak(new LrOwnerRules.State(s.peakLearningRate(), s.learningRate()), s.medianRatio()));
            case LR_TOO_LOW:
                return head + ratios + ", below the band " + band + ": the learning rate is likely too low (try x10, "
                        + "or pick one with LearningRateFinder)";
            case NO_PROGRESS:
                return head + ratios + String.format(Locale.ROOT, ", inside the band %s, but the lowest loss is only "
                        + "%.1f%% below the first epoch's (%.4g): training has not got going; the learning rate is "
                        + "likely too low (try x10, or pick one with LearningRateFinder), or check the labels and the "
                        + "loss function", band, 100 * StallRules.fall(s.first(), s.lowest()), s.first());
            case PLATEAU:
                if (s.medianRatio() < low) {
                    where += ", as the steps of a network that has fitted what it can at this pace are";
                }
                if (plateauSaidAt >= 0 && !plateauAttached) {
                    return head + ratios + String.format(Locale.ROOT, "%s: a plateau again; the advice of epoch %d "
                            + "stands (a decaying schedule or ReduceLROnPlateau)", where, plateauSaidAt);
                }
                return head + ratios + where + ": a plateau at a workable learning rate; "
                        + (plateauAttached ? "ReduceLROnPlateau is attached and lowers it when its own patience runs "
                        + "out; no action" : "ReduceLROnPlateau or a decaying schedule (e.g. CosineDecaySchedule) "
                        + "lowers it once progress stalls");
            case LR_TOO_HIGH:
                return head + ratios + ", above the band " + band + ": the steps overshoot and the loss oscillates; "
                        + "the learning rate is likely too high (try x0.1)";
            default:
                return head + "no ratio check ran in these epochs (lower the monitor's frequency to get a cause); "
                        + "the learning rate may be too low, or training has reached a plateau";
        }
    }

    /** A loss spike: watched, not yet a divergence (see {@link DivergenceRules}). */
    static String spike(int iteration, int epoch, double lr, double loss, double level, double reference,
                        double undone) {
        return String.format(Locale.ROOT, "Loss spike at iter=%d epoch=%d lr=%.1e: the median of the recent minibatch "
                        + "losses, %.3g, is %.1fx its lowest level, %.3g, taking back %.0f%% of the progress since the "
                        + "start (last minibatch loss %.3g). Runs near their largest stable rate often come back by "
                        + "themselves, so nothing is done yet; it counts as diverged if it lasts %d more iterations or "
                        + "takes back half the progress. Spikes that keep coming back mean the rate is too high.",
                iteration, epoch, lr, level, level / reference, reference, 100 * undone, loss,
                DivergenceRules.SPIKE_PERSISTENCE);
    }

    /** The WARN line of a slow start (see {@link SlowStartRules}). */
    static String slowStart(int iteration, int epoch, int epochsDone, double level, double chance, double peakRatio,
                            double lastFall, double largestFall, double rate) {
        String pace = lastFall > 0 && largestFall > 0 ? String.format(Locale.ROOT, ", falling at a steady pace (by "
                + "%.3g in the last epoch, at most %.3g in one before)", lastFall, largestFall) : "";
        return String.format(Locale.ROOT, "epoch=%d after %d epochs the loss, %.4g, is still %.0f%% of its chance level "
                        + "%.4g%s, and the largest weight update:parameter ratio of any check was %.1e (a rate that "
                        + "trains fast shows above %.0e in its first epochs): at lr=%.1e the network learns slowly; a "
                        + "higher rate trains faster (try x10, or pick one with LearningRateFinder): keep it only if "
                        + "the validation loss falls faster too, since on a table that overfits or has little signal "
                        + "the slow rate can generalize best", epoch, epochsDone,
                level, 100 * level / chance, chance, pace, peakRatio, SlowStartRules.SMALL_PEAK, rate);
    }

    /** The WARN line of a network stuck after a high start (see {@link HighStartRules}). */
    static String highStart(int epoch, int epochsDone, double lowestEpoch, double chance, double firstPeak,
                            double rate) {
        return String.format(Locale.ROOT, "epoch=%d after %d epochs no epoch's mean loss has gone below three "
                        + "quarters of the chance level %.4g (the lowest, %.4g, is %.0f%% of it), and the first "
                        + "checks moved a weight array by %.0f%% of its size in one step (update:parameter ratio "
                        + "%.2g), far more than a good rate does: at lr=%.1e the learning rate is likely too high "
                        + "(steps that large saturate or kill units); restart from fresh weights at a lower one (try "
                        + "x0.1, or pick one with LearningRateFinder)", epoch, epochsDone, chance, lowestEpoch,
                100 * lowestEpoch / chance, 100 * firstPeak, firstPeak, rate);
    }

    /** The WARN line of a rollback or a data restore. */
    static String recovery(Trouble t, RollbackRecord r, int used, int budget, boolean healthySinceStart) {
        String what = r.action() == RecoveryAction.ROLLBACK
                ? String.format(Locale.ROOT, "multiplied the learning rate by %.3g (%.1e -> %.1e)",
                r.lrAfter() / r.lrBefore(), r.lrBefore(), r.lrAfter())
                : String.format(Locale.ROOT, "kept the learning rate at %.1e: %s is a data problem, so the minibatch is "
                + "skipped instead", r.lrAfter(), t.cause() == Cause.BAD_LABELS ? "bad labels" : "a bad input");
        String from = healthySinceStart ? "iter=" + r.restoredIteration()
                : "iter=" + r.restoredIteration() + " (the state training started from: no healthy check has passed "
                + "since, so the learning rate is far off; LearningRateFinder picks one in one call)";
        return String.format(Locale.ROOT, "iter=%d epoch=%d %s %d/%d: restored the parameters and updater state of %s "
                        + "and %s", r.iteration(), r.epoch(), r.action() == RecoveryAction.ROLLBACK ? "rollback"
                        : "restore", used, budget, from, what);
    }

    /** The message of a {@link TrainingDivergedException}. */
    static String stop(Trouble t, RecoveryRules.HaltReason why, int restoredIteration, int restores,
                       boolean healthySinceStart) {
        StringBuilder b = new StringBuilder("Training stopped: ").append(t.message());
        if (why == RecoveryRules.HaltReason.BUDGET_EXHAUSTED) {
            b.append(" Stopped after ").append(restores).append(" rollback(s).");
        }
        if (why == RecoveryRules.HaltReason.NOTHING_TO_RESTORE) {
            b.append(" Nothing healthy was ever seen: the network was already non-finite when the monitor first saw it, "
                    + "so nothing was restored. Check the initialization and the data, then pick a learning rate with "
                    + "LearningRateFinder.");
            return b.toString();
        }
        if (!healthySinceStart && t.cause().isLearningRateProblem()) {
            b.append(" It happened before any healthy check, within the first iterations: the learning rate is far too "
                    + "high for this network. Run LearningRateFinder (io.github.dl4jlr.finder) to choose one.");
        }
        b.append(" The model now holds the parameters and updater state of iter=").append(restoredIteration)
                .append(healthySinceStart ? ", the last healthy check." : ", the state training started from.");
        return b.toString();
    }
}
