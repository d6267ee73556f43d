package io.github.dl4jlr.monitor;

import io.github.dl4jlr.updater.Prodigy;
import org.slf4j.event.Level;

/**
 * The epoch-level high-start check (see {@link HighStartRules}): one WARN line per run when, after a few epochs, the
 * loss has not left its chance level and the first steps were extreme. Prodigy is left out: its rate is its own.
 */
final class HighStartCheck {

    private final double high;
    private final EventSink sink;

    /** @param high the top of the ratio band */
    HighStartCheck(double high, EventSink sink) {
        this.high = high;
        this.sink = sink;
    }

    /**
     * One epoch end.
     *
     * @param epochLoss the epoch's mean training loss; NaN when it saw none
     * @param t         the model track
     */
    void epochEnd(double epochLoss, ModelTrack t) {
        t.highStart = HighStartRules.epochEnd(t.highStart, epochLoss);
        if (t.updaters.stream().anyMatch(u -> u instanceof Prodigy)) {
            return;
        }
        int epoch = t.net.epochCount();
        double chance = t.chanceLoss();
        // one voice: a trouble line (non-finite, diverged, dead) or a too-high line has already said it
        boolean said = t.deadReported || t.lowerAdvised || t.nonFiniteAt >= 0;
        if (!HighStartRules.stuck(t.highStart, chance, high, said)) {
            return;
        }
        t.lowerAdvised = true;
        int iteration = t.net.iterationCount();
        sink.event(Level.WARN, new MonitorEvent(t.replica, iteration, epoch, MonitorEvent.Kind.HIGH_START,
                MonitorEvent.Severity.WARN, "network", MonitorMessages.highStart(epoch, t.highStart.epochs(),
                t.highStart.lowestEpoch(), chance, t.highStart.firstPeak(), t.learningRate(iteration, epoch))));
    }
}
