package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.plot.LinePlot;
import io.github.dl4jlr.internal.plot.PlotSupport;
import io.github.dl4jlr.internal.util.LossTracker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * An immutable snapshot of what a {@link TrainingHealthMonitor} saw: ratio checks, warnings, events and every
 * rollback.
 */
public final class MonitorReport {

    private final List<RatioCheck> checks;
    private final List<MonitorEvent> events;
    private final List<RollbackRecord> rollbacks;
    private final List<LossStall> stalls;
    private final double low;
    private final double high;

    MonitorReport(List<RatioCheck> checks, List<MonitorEvent> events, List<RollbackRecord> rollbacks,
                  List<LossStall> stalls, double low, double high) {
        this.checks = List.copyOf(checks);
        this.events = List.copyOf(events);
        this.rollbacks = List.copyOf(rollbacks);
        this.stalls = List.copyOf(stalls);
        this.low = low;
        this.high = high;
    }

    /**
     * Every healthy check, in order.
     *
     * @return every healthy check, in order
     */
    public List<RatioCheck> checks() {
        return checks;
    }

    /**
     * Every event, in order.
     *
     * @return every event, in order
     */
    public List<MonitorEvent> events() {
        return events;
    }

    /**
     * Ratio warnings only: a weight ratio stayed too high or too low, and the monitor advises a change.
     *
     * @return ratio warnings only
     */
    public List<MonitorEvent> warnings() {
        return events.stream().filter(e -> e.actionable() && (e.kind() == MonitorEvent.Kind.RATIO_HIGH
                || e.kind() == MonitorEvent.Kind.RATIO_LOW)).toList();
    }

    /**
     * Every event that asks for action (logged at WARN or ERROR), in order.
     *
     * @return every event that asks for action (logged at WARN or ERROR), in order
     */
    public List<MonitorEvent> actionable() {
        return events.stream().filter(MonitorEvent::actionable).toList();
    }

    /**
     * What was logged at INFO because it needs no action: low ratios after the learning rate was lowered on purpose,
     * a stalled loss that the learning rate's owner handles.
     *
     * @return what was logged at INFO because it needs no action
     */
    public List<MonitorEvent> notes() {
        return events.stream().filter(e -> !e.actionable()).toList();
    }

    /**
     * Every "the loss has not improved for several epochs" finding, in order, with its likely cause (the ones whose
     * cause needs no action were logged at INFO).
     *
     * @return every "the loss has not improved for several epochs" finding, in order, with its likely cause (the ones
     *     whose cause needs no action were logged at INFO)
     */
    public List<LossStall> stalls() {
        return stalls;
    }

    /**
     * Troubles: non-finite detections, finite divergences and dead networks.
     *
     * @return troubles
     */
    public List<MonitorEvent> troubles() {
        return events.stream().filter(e -> e.kind() == MonitorEvent.Kind.NON_FINITE
                || e.kind() == MonitorEvent.Kind.DIVERGED || e.kind() == MonitorEvent.Kind.NETWORK_DEAD).toList();
    }

    /**
     * Every restore, in order: rollbacks (learning rate cut) and data restores (learning rate kept).
     *
     * @return every restore, in order
     */
    public List<RollbackRecord> rollbacks() {
        return rollbacks;
    }

    /**
     * The number of restores.
     *
     * @return the number of restores
     */
    public int rollbackCount() {
        return rollbacks.size();
    }

    /**
     * The ratio history of one array: {@code [iterations, ratios]}.
     *
     * @param key a parameter key, e.g. {@code "0_W"} (see {@link #keys()})
     * @return the ratio history of one array
     */
    public double[][] history(String key) {
        return series(c -> c.ratio(key));
    }

    /**
     * The step-size estimate history of one array: {@code [iterations, estimates]} (NaN where there was none).
     *
     * @param key a parameter key, e.g. {@code "0_W"} (see {@link #keys()})
     * @return the step-size estimate history of one array
     */
    public double[][] stepSizeHistory(String key) {
        return series(c -> c.stepSize(key));
    }

    private double[][] series(ToDoubleFunction<RatioCheck> value) {
        double[] it = new double[checks.size()];
        double[] v = new double[checks.size()];
        for (int i = 0; i < checks.size(); i++) {
            it[i] = checks.get(i).iteration();
            v[i] = value.applyAsDouble(checks.get(i));
        }
        return new double[][]{it, v};
    }

    /**
     * Median over checks of the median ratio of the judged (weight) arrays; NaN without checks.
     *
     * @return median over checks of the median ratio of the judged (weight) arrays; NaN without checks
     */
    public double medianWeightRatio() {
        return LossTracker.medianIgnoringNaN(checks.stream().mapToDouble(RatioCheck::medianJudgedRatio).toArray());
    }

    /**
     * Every array key seen, in forward order.
     *
     * @return every array key seen, in forward order
     */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (RatioCheck c : checks) {
            keys.addAll(c.keys());
        }
        return keys;
    }

    /**
     * update:parameter ratio per array against iteration on a log axis, with the healthy band dashed.
     *
     * @throws IllegalStateException when XChart (an optional dependency) is not on the classpath
     * @param png the PNG file to write
     * @return update:parameter ratio per array against iteration on a log axis, with the healthy band dashed
     * @throws IOException if writing fails
     */
    public Path savePlot(Path png) throws IOException {
        PlotSupport.requireXChart();
        LinePlot plot = LinePlot.create("update:parameter ratio", "iteration", "mean|update| / mean|param| (log)")
                .logY(true)
                .band(low, high);
        for (String key : keys()) {
            double[][] h = history(key);
            plot.line(key, h[0], h[1]);
        }
        return plot.savePng(png);
    }
}
