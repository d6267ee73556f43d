package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ValidationData;
import io.github.dl4jlr.internal.util.LossTracker;
import org.slf4j.event.Level;


/**
 * The epoch-level stall check (see {@link StallRules}): at each epoch end, the epoch's loss against the best so far,
 * and when it stalled, one line per streak with the likely cause. Causes that need no action from the user (a rate
 * lowered on purpose; a plateau while a {@code ReduceLROnPlateau} is attached, which will cut the rate itself; a plateau
 * after the run's first plateau line, whose advice it would repeat) are logged at INFO, and so are readings that would
 * contradict an earlier line that found the rate too high (raise it; a plateau at a workable rate).
 */
final class StallCheck {

    private final StallRules rules;
    private final ValidationData validation;
    private final double low;
    private final double high;
    private final EventSink sink;

    /** @param validation the data whose loss to watch instead of the epoch's training loss; null for the training loss */
    StallCheck(StallRules rules, ValidationData validation, double low, double high,
               EventSink sink) {
        this.rules = rules;
        this.validation = validation;
        this.low = low;
        this.high = high;
        this.sink = sink;
    }

    /**
     * One epoch end of {@code epoch}.
     *
     * @param training the epoch's mean training loss ({@link EpochTrack#takeMean()}); NaN when it saw none
     * @param context  the model track whose network gives the counters, the learning rate and the validation loss
     */
    void epochEnd(EpochTrack epoch, double training, ModelTrack context) {
        boolean useValidation = validation != null;
        if (!useValidation && Double.isNaN(training)) {
            return;
        }
        double loss = useValidation ? validation.meanLoss(context.net) : training;
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
        StallCause cause = StallRules.cause(medians, low, high, first, lowest, context.chanceLoss(),
                deadSeen || context.deadReported(), LrOwnerRules.explains(context.lr, median, low));
        LossStall stall = new LossStall(context.replica, iteration, ep, useValidation, loss, first, lowest, step.best(),
                rules.patience(), rules.threshold(), median, cause,
                context.learningRate(iteration, ep + 1), context.lr.peak(), owner.text());
        // never "raise it" or "a workable rate" after a line said the rate is too high: the user would hear two voices
        boolean contradicts = context.lowerAdvised && StallRules.contradictsTooHigh(cause);
        // the advice to decay on a plateau does not change: said once a run, later plateaus are notes
        int plateauSaidAt = cause == StallCause.PLATEAU ? context.plateauSaidAt : -1;
        boolean quiet = cause == StallCause.LR_LOWERED || (cause == StallCause.PLATEAU && plateau) || contradicts
                || plateauSaidAt >= 0;
        if (cause == StallCause.PLATEAU && !quiet) {
            context.plateauSaidAt = ep;
        }
        context.raiseAdvised |= StallRules.raises(cause) && !contradicts;
        sink.stall(stall, quiet ? Level.INFO : Level.WARN, new MonitorEvent(context.replica, iteration, ep,
                MonitorEvent.Kind.LOSS_STALLED, quiet ? MonitorEvent.Severity.INFO : MonitorEvent.Severity.WARN, "loss",
                MonitorMessages.stall(stall, low, high, plateau, contradicts, plateauSaidAt)));
    }
}
