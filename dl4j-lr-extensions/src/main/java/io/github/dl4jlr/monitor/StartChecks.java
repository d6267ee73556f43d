package io.github.dl4jlr.monitor;

import io.github.dl4jlr.updater.Prodigy;
import org.slf4j.event.Level;

/**
 * The epoch-level checks of a run's start, one WARN line each per run: a slow start ({@link SlowStartRules}: after a
 * few epochs the loss has hardly left its chance level and the steps were small all along) and a high start
 * ({@link HighStartRules}: it has not left it after extreme first steps). Both count the epoch ends the monitor saw
 * ({@link EpochTrack#ended()}), not DL4J's epoch counter, which a loop over {@code fit(DataSet)} with
 * {@code endEpoch()} and ParallelWrapper never advance. Prodigy is left out: its rate is its own.
 */
final class StartChecks {

    private final double high;
    private final EventSink sink;

    /** @param high the top of the ratio band */
    StartChecks(double high, EventSink sink) {
        this.high = high;
        this.sink = sink;
    }

    /**
     * One epoch end, after {@link EpochTrack#takeMean()}.
     *
     * @param epoch     the epoch-level state that just ended an epoch
     * @param epochLoss the epoch's mean training loss; NaN when it saw none
     * @param t         the model track
     */
    void epochEnd(EpochTrack epoch, double epochLoss, ModelTrack t) {
        t.slowStart = SlowStartRules.epochEnd(t.slowStart, epochLoss);
        if (t.updaters.stream().anyMatch(u -> u instanceof Prodigy)) {
            return;
        }
        int done = epoch.ended();
        int epochCount = t.net.epochCount();
        int iteration = t.net.iterationCount();
        double level = t.loss.level();
        double chance = t.chanceLoss();
        if (SlowStartRules.slow(t.slowStart, done, level, chance, t.deadReported(), t.raiseAdvised)) {
            t.raiseAdvised = true;
            say(t, iteration, epochCount, MonitorEvent.Kind.SLOW_START, MonitorMessages.slowStart(iteration,
                    epochCount, done, level, chance, t.slowStart.peakRatio(), t.slowStart.lastFall(),
                    t.slowStart.largestFall(), t.learningRate(iteration, epochCount)));
        }
        double lowest = epoch.bestMean();
        // one voice: a trouble line (non-finite, diverged, dead) or a too-high line has already said it
        boolean said = t.deadReported() || t.lowerAdvised || t.nonFiniteAt >= 0;
        if (HighStartRules.stuck(t.highStart, done, lowest, chance, high, said)) {
            t.lowerAdvised = true;
            say(t, iteration, epochCount, MonitorEvent.Kind.HIGH_START, MonitorMessages.highStart(epochCount, done,
                    lowest, chance, t.highStart.firstPeak(), t.learningRate(iteration, epochCount)));
        }
    }

    private void say(ModelTrack t, int iteration, int epoch, MonitorEvent.Kind kind, String message) {
        sink.event(Level.WARN, new MonitorEvent(t.replica, iteration, epoch, kind, MonitorEvent.Severity.WARN,
                "network", message));
    }
}
