package io.github.dl4jlr.finder;

import io.github.dl4jlr.schedule.ScaledSchedule;
import org.nd4j.linalg.schedule.ISchedule;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalDouble;

/** The log line of a range test's result ({@link LrFinderResult#summary()}): message text only, no decisions. */
final class FinderSummary {

    private FinderSummary() {
    }

    /** A learning rate as the log and the plot's legend show it, e.g. {@code 4.2e-03}. */
    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }

    /**
     * The line for a network whose updater follows a learning-rate schedule, e.g. {@code LR finder: your learning rate
     * follows a CosineDecaySchedule, and the suggestion, 1.9e-02, is a rate for constant training, not a peak: a
     * schedule with that mean rate is ScaledSchedule.withMean(schedule, 1.9e-02, steps) (a cosine decay to zero peaks
     * at twice it, which can cross a cliff the sweep does not see), or let LearningRateSearch judge peaks over your
     * schedule}.
     */
    static String scheduled(ISchedule schedule, double suggestion) {
        ISchedule shown = schedule instanceof ScaledSchedule ? ((ScaledSchedule) schedule).getBase() : schedule;
        return String.format(Locale.ROOT, "LR finder: your learning rate follows a %s, and the suggestion, %s, is a "
                + "rate for constant training, not a peak: a schedule with that mean rate is "
                + "ScaledSchedule.withMean(schedule, %s, steps) (a cosine decay to zero peaks at twice it, which can "
                + "cross a cliff the sweep does not see), or let LearningRateSearch judge peaks over your schedule",
                shown.getClass().getSimpleName(), fmt(suggestion), fmt(suggestion));
    }

    static String of(LrFinderResult r) {
        double[] lrs = r.learningRates();
        StringBuilder b = new StringBuilder("LR finder: ").append(lrs.length).append(" iterations, ");
        switch (r.stopReason()) {
            case DIVERGED:
                b.append("diverged at lr=").append(fmt(r.divergedAt().getAsDouble()));
                break;
            case NON_FINITE:
                b.append("loss became non-finite at lr=").append(fmt(r.divergedAt().getAsDouble()));
                break;
            case RUNNING:
                b.append("still running");
                break;
            default:
                b.append("completed without diverging (consider a larger endLr)");
        }
        if (!r.suggestion().isPresent()) {
            return b.append("; no suggestion: the loss diverged within the first steps, so the LR range starts too "
                    + "high (lower startLr), or too few steps ran").toString();
        }
        SuggestionMethod configured = r.method();
        SuggestionMethod used = r.resolve(configured);
        b.append("; suggestion (").append(describeDefault(r, used)).append(")=")
                .append(fmt(r.suggestion().getAsDouble()));
        for (SuggestionMethod m : SuggestionMethod.values()) {
            if (m.isConcrete() && !(m == used && !r.confirmedBy(configured))) {
                OptionalDouble s = r.suggestion(m);
                b.append(", ").append(m.label()).append('=').append(s.isPresent() ? fmt(s.getAsDouble()) : "n/a");
            }
        }
        if (r.nesterovMomenta().isPresent() && !r.confirmedBy(configured)) {
            double[] read = r.readRates();
            double[] momenta = r.nesterovMomenta().get();
            int last = read.length - 1;
            String momentum = new BigDecimal(String.format(Locale.ROOT, "%.3f", momenta[last]))
                    .stripTrailingZeros().toPlainString();
            b.append(String.format(Locale.ROOT, " (read as the constant rates that Nesterovs' steps with momentum %s "
                    + "stand for, %.2fx the sweep's at its end: its velocity carries the smaller rates before)",
                    momentum, read[last] / lrs[last]));
        }
        if (configured != SuggestionMethod.CONFIRMED && r.confirmedBy(SuggestionMethod.CONFIRMED)) {
            b.append(", confirmed=").append(fmt(r.suggestion(SuggestionMethod.CONFIRMED).getAsDouble()));
        }
        Confirmation confirmation = r.confirmation().orElse(null);
        if (confirmation != null && confirmation.ran()) {
            b.append(String.format(Locale.ROOT, "; trials (held-out loss before them %.3g):",
                    confirmation.startLoss()));
            for (int i = 0; i < confirmation.trials().size(); i++) {
                TrialOutcome t = confirmation.trials().get(i);
                b.append(i == 0 ? " " : ", ").append(fmt(t.candidate().learningRate()))
                        .append(t.diverged() ? " diverged" : String.format(Locale.ROOT, " loss %.3g", t.finalLoss()))
                        .append(i == confirmation.chosen() ? " (won)" : "");
            }
        }
        String guess = r.confirmedBy(configured) ? ": the suggestion is the trials' winner"
                : ": treat the suggestion as a guess, let the finder try candidates (ConfirmMode.WHEN_FLAT, the "
                + "default), or keep the learning rate you train with";
        if (r.trained() && !r.flat()) {
            b.append("; the network has already ").append(trainedBecause(r))
                    .append(", so the curve is not a fresh network's and the rules cannot read it").append(guess);
        }
        if (r.frozenLayers() && !r.trained() && !r.flat()) {
            b.append("; the network has frozen layers, as when a pretrained network is fine-tuned: the sweep trains "
                    + "only the layers above them, whose loss keeps falling at rates a full training does not stand, "
                    + "so the curve alone cannot be read").append(guess);
        }
        if (r.flat()) {
            b.append(String.format(Locale.ROOT, "; the loss did not fall as the LR grew (it fell by %.0f%%, lowest at "
                    + "lr=%s), as on a network that is already trained, so the curve alone cannot be read",
                    100 * r.fall(), fmt(lrs[SuggestionRules.lowest(lrs, r.smoothedLosses()).orElse(0)])))
                    .append(guess);
        }
        return b.toString();
    }

    /** Why the network counts as trained: the loss when it tells, else the minibatches it was fitted on. */
    static String trainedBecause(LrFinderResult r) {
        if (r.learned()) {
            return String.format(Locale.ROOT, "learned (its loss before the sweep, %.3g, is below three quarters of "
                    + "%.3g, the loss of predicting only the class frequencies or the mean target)", r.startLoss(),
                    r.chanceLoss());
        }
        return String.format(Locale.ROOT, "trained (fitted on %d minibatches before the sweep, at least the sweep's "
                + "%d)", r.priorIterations(), r.iterations());
    }

    private static String describeDefault(LrFinderResult r, SuggestionMethod used) {
        SuggestionMethod configured = r.method();
        if (configured.isConcrete()) {
            return used.label();
        }
        String family = r.updaterFamily().orElse(null) == UpdaterFamily.ADAM ? "an Adam-type updater"
                : "a non-Adam updater";
        if (configured == SuggestionMethod.AUTO) {
            return "auto: " + used.label() + " for " + family;
        }
        Confirmation confirmation = r.confirmation().orElse(null);
        if (r.confirmedBy(configured)) {
            TrialOutcome w = confirmation.winner().get();
            String rule = confirmation.tolerance() > 0 ? String.format(Locale.ROOT, " (the %s within %.0f%% of the "
                    + "best loss)", ConfirmationRules.Winner.of(w.candidate().fromBracket(), r.trained()).label(),
                    100 * confirmation.tolerance()) : "";
            return "confirmed: " + w.candidate().label() + " won " + confirmation.iterationsPerCandidate()
                    + "-iteration trials on " + confirmation.heldOut() + rule + "; candidates: "
                    + confirmation.bracket();
        }
        if (confirmation == null) {
            return "auto: " + used.label() + " for " + family;
        }
        String why = !confirmation.ran() ? "not confirmed: " + confirmation.skippedBecause()
                : "not confirmed: every trial diverged";
        return why + "; auto: " + used.label() + " for " + family;
    }
}
