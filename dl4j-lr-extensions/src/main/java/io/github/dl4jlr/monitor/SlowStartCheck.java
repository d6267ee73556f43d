package io.github.dl4jlr.monitor;

import io.github.dl4jlr.updater.Prodigy;
import org.slf4j.event.Level;

/**
 * The epoch-level slow-start check (see {@link SlowStartRules}): one WARN line per run when, after a few epochs, the
 * loss has hardly left its chance level and the steps were small all along. Prodigy is left out: its rate is its own.
 */
final class SlowStartCheck {

    private final EventSink sink;

    SlowStartCheck(EventSink sink) {
        this.sink = sink;
    }

    /**
     * One epoch end.
     *
     * @param epochLoss the epoch's mean training loss; NaN when it saw none
     * @param t         the model track
     */
    void epochEnd(double epochLoss, ModelTrack t) {
        t.slowStart = SlowStartRules.epochEnd(t.slowStart, epochLoss);
        if (t.updaters.stream().anyMatch(u -> u instanceof Prodigy)) {
            return;
        }
        int epoch = t.net.epochCount();
        double level = t.loss.level();
        double chance = t.chanceLoss();
        if (!SlowStartRules.slow(t.slowStart, level, chance, t.deadReported, t.raiseAdvised)) {
            return;
        }
        t.raiseAdvised = true;
        int iteration = t.net.iterationCount();
        sink.event(Level.WARN, new MonitorEvent(t.replica, iteration, epoch, MonitorEvent.Kind.SLOW_START,
                MonitorEvent.Severity.WARN, "network", MonitorMessages.slowStart(iteration, epoch,
                t.slowStart.epochs(), level, chance, t.slowStart.peakRatio(), t.slowStart.lastFall(),
                t.slowStart.largestFall(), t.learningRate(iteration, epoch))));
    }
}
