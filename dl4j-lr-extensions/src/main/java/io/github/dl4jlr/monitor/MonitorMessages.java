package io.github.dl4jlr.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The monitor's log lines and exception messages; pure text, no state. */
final class MonitorMessages {

    private MonitorMessages() {
    }

    /** {@code iter=120 epoch=1 lr=1.0e-03 update/param 0_W=1.2e-03 0_b=8.1e-04 1_W=9.7e-04 [ok]}. */
    static String check(RatioCheck c) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "iter=%d epoch=%d lr=%.1e update/param",
                c.iteration(), c.epoch(), c.learningRate()));
        List<String> highKeys = new ArrayList<>();
        List<String> lowKeys = new ArrayList<>();
        for (int i = 0; i < c.keys().size(); i++) {
            double r = c.ratios()[i];
            b.append(' ').append(c.keys().get(i)).append('=')
                    .append(Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.1e", r));
            if (c.verdicts().get(i) == RatioVerdict.HIGH) {
                highKeys.add(c.keys().get(i));
            } else if (c.verdicts().get(i) == RatioVerdict.LOW) {
                lowKeys.add(c.keys().get(i));
            }
        }
        if (highKeys.isEmpty() && lowKeys.isEmpty()) {
            return b.append(" [ok]").toString();
        }
        b.append(" [");
        if (!highKeys.isEmpty()) {
            b.append("high: ").append(String.join(",", highKeys));
        }
        if (!lowKeys.isEmpty()) {
            b.append(highKeys.isEmpty() ? "" : "; ").append("low: ").append(String.join(",", lowKeys));
        }
        return b.append(']').toString();
    }

    /** {@code iter=40 epoch=0 1_W=3.4e-02 above 1e-02 for 3 checks: learning rate likely too high ...}. */
    static String ratioWarning(RatioCheck c, int index, RatioRules.Streak s, double low, double high) {
        boolean highSide = s.direction() == RatioVerdict.HIGH;
        return String.format(Locale.ROOT, "iter=%d epoch=%d %s=%.1e %s %.0e for %d checks: %s", c.iteration(), c.epoch(),
                c.keys().get(index), c.ratios()[index], highSide ? "above" : "below", highSide ? high : low, s.length(),
                RatioRules.advice(s.direction(), c.ratios()[index]));
    }

    /** The WARN line of a rollback or a data restore. */
    static String recovery(Trouble t, RollbackRecord r, int used, int budget, boolean healthySinceStart) {
        String what = r.action() == RecoveryPolicy.Action.ROLLBACK
                ? String.format(Locale.ROOT, "multiplied the learning rate by %.3g (%.1e -> %.1e)",
                r.lrAfter() / r.lrBefore(), r.lrBefore(), r.lrAfter())
                : String.format(Locale.ROOT, "kept the learning rate at %.1e: %s is a data problem, so the minibatch is "
                + "skipped instead", r.lrAfter(), t.cause() == Cause.BAD_LABELS ? "bad labels" : "a bad input");
        String from = healthySinceStart ? "iter=" + r.restoredIteration()
                : "iter=" + r.restoredIteration() + " (the state training started from: no healthy check has passed "
                + "since, so the learning rate is far off; LearningRateFinder picks one in one call)";
        return String.format(Locale.ROOT, "iter=%d epoch=%d %s %d/%d: restored the parameters and updater state of %s "
                        + "and %s", r.iteration(), r.epoch(), r.action() == RecoveryPolicy.Action.ROLLBACK ? "rollback"
                        : "restore", used, budget, from, what);
    }

    /** The message of a {@link TrainingDivergedException}. */
    static String stop(Trouble t, RecoveryPolicy.StopReason why, int restoredIteration, int restores,
                       boolean healthySinceStart) {
        StringBuilder b = new StringBuilder("Training stopped: ").append(t.message());
        if (why == RecoveryPolicy.StopReason.BUDGET_EXHAUSTED) {
            b.append(" Stopped after ").append(restores).append(" rollback(s).");
        }
        if (why == RecoveryPolicy.StopReason.NOTHING_TO_RESTORE) {
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
