package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.LossTracker;
import org.slf4j.event.Level;


/**
 * The epoch-level stall check (see {@link StallRules}): at each epoch end, the epoch's loss against the best so far,
 * and when it stalled, one line per streak with the likely cause. Causes that need no action from the user (a rate
 * lowered on purpose; a plateau while a {@code ReduceLROnPlateau} is attached, which will cut the rate itself; a plateau
 * after the run's first plateau line, whose advice it would repeat) are logged at INFO, and so are readings that would
 * contradict an earlier line that found the rate too high (raise it; a plateau at a workable rate). With validation
 * data, a validation loss that stalled while the training loss went on falling is overfitting
 * ({@link GeneralizationRules#stallCause}), not a rate too low or a plateau.
 */
final class StallCheck {

    private final StallRules rules;
    private final boolean validating;
    private final double low;
    private final double high;
    private final EventSink sink;

    /** @param validating whether to watch the validation loss instead of the epoch's training loss */
    StallCheck(StallRules rules, boolean validating, double low, double high, EventSink sink) {
        this.rules = rules;
        this.validating = validating;
        this.low = low;
        this.high = high;
        this.sink = sink;
    }

    /**
     * One epoch end of {@code epoch}.
     *
     * @param training       the epoch's mean training loss ({@link EpochTrack#takeMean()}); NaN when it saw none
     * @param validationLoss the validation loss at the epoch's end; NaN without validation data
     * @param context        the model track whose network gives the counters and the learning rate
     */
    void epochEnd(EpochTrack epoch, double training, double validationLoss, ModelTrack context) {
        boolean useValidation = validating;
        if (!useValidation && Double.isNaN(training)) {
            return;
        }
        double loss = useValidation ? validationLoss : training;
        int ep = context.net.epochCount();
        double[] medians = epoch.medians(ep, rules.patience());
        boolean deadSeen = epoch.deadSeen;
        epoch.deadSeen = false;
        StallRules.Step step = rules.next(epoch.stall, loss);
        epoch.stall = step.state();
        if (!step.warn()) {
            return;
        }
        int iteration = context.net.iterationCount();
        double first = step.state().first();
        double lowest = step.state().lowest();
        boolean plateau = context.plateauAttached();
        LrOwnerRules.Owner owner = context.lrOwner();
        double median = LossTracker.medianIgnoringNaN(medians);
        StallCause cause = GeneralizationRules.stallCause(StallRules.cause(medians, low, high, first, lowest,
                context.chanceLoss(), deadSeen || context.deadReported, LrOwnerRules.explains(context.lr, median, low)),
                useValidation, epoch.generalization);
        LossStall stall = new LossStall(context.replica, iteration, ep, useValidation, loss, first, lowest, step.best(),
                rules.patience(), rules.threshold(), median, cause,
                context.learningRate(iteration, ep + 1), context.lr.peak(), owner.text());
        // never "raise it" or "a workable rate" after a line said the rate is too high: the user would hear two voices
        boolean contradicts = context.lowerAdvised && StallRules.contradictsTooHigh(cause);
        // the advice to decay on a plateau does not change: said once a run, later plateaus are notes
        int plateauSaidAt = cause == StallCause.PLATEAU ? context.plateauSaidAt : -1;
        // overfitting while the validation loss still creeps down at its best: nothing to undo
        boolean atBest = cause == StallCause.OVERFITTING && !epoch.generalization.pastBest();
        boolean quiet = cause == StallCause.LR_LOWERED || (cause == StallCause.PLATEAU && plateau) || contradicts
                || plateauSaidAt >= 0 || atBest;
        if (cause == StallCause.PLATEAU && !quiet) {
            context.plateauSaidAt = ep;
        }
        context.raiseAdvised |= StallRules.raises(cause) && !contradicts;
        sink.stall(stall, quiet ? Level.INFO : Level.WARN, new MonitorEvent(context.replica, iteration, ep,
                MonitorEvent.Kind.LOSS_STALLED, quiet ? MonitorEvent.Severity.INFO : MonitorEvent.Severity.WARN, "loss",
                MonitorMessages.stall(stall, low, high, plateau, contradicts, plateauSaidAt, epoch.generalization)));
    }
}
