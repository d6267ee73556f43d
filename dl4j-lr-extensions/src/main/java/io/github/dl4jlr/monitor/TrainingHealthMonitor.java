package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ValidationData;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.event.Level;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Watches training for NaN/Inf, for a loss that explodes, for a network that died, for update:parameter ratios out of
 * the healthy band and for a loss that stalls, cheaply; on trouble it logs, stops, or rolls back to a healthy state and
 * goes on at a lower learning rate.
 *
 * <pre>{@code
 *   try (TrainingHealthMonitor monitor = TrainingHealthMonitor.builder()
 *           .frequency(10).ratioBand(1e-4, 1e-2).ratioPatience(3)
 *           .onTrouble(TroubleMode.ROLLBACK).csv(Path.of("monitor.csv")).build()) {
 *       net.addListeners(monitor);
 *       net.fit(train, epochs);
 *   }
 * }</pre>
 *
 * <p>What it does on each callback, and which class decides:
 * <ul>
 *   <li><b>{@code onGradientCalculation}</b>, when the score is NaN/Inf: inspects inputs, labels, parameters and raw
 *       gradients before the update spreads the NaN ({@link NonFiniteInspector}; the cause is a {@link Diagnosis}). On
 *       a check iteration: the mean weight gradient and the label frequencies for the dead-network check
 *       ({@link GradientMeter}), and the step-size estimate if it is on ({@link StepSizeTracker}).</li>
 *   <li><b>{@code iterationDone}</b>, every iteration: the score (free) against {@link DivergenceRules}: a finite loss
 *       that rose far above its lowest level, by more than its noise and by more than a tenth of the progress since
 *       the start, is a spike (a WARN line, nothing done); it has diverged ({@link LossExplosion}) when it takes back
 *       half the progress or lasts 50 iterations. Every {@code frequency} iterations a check: one L1 reduction per
 *       parameter array and per applied update ({@link Norms}) gives the ratios and the finiteness check at once; the
 *       dead-network rule ({@link DeadNetworkRules}); the ratio warnings ({@link RatioWarnings}); and a snapshot if the
 *       check was healthy ({@link Recovery}).</li>
 *   <li><b>{@code onEpochEnd}</b> (or {@link #endEpoch()}): the stall check ({@link StallCheck}) and the checks of
 *   the start, slow or stuck after extreme first steps ({@link StartChecks}).</li>
 * </ul>
 * What to do about a trouble is {@link TroubleMode}, decided by the pure {@link RecoveryRules} and carried out
 * by {@link Recovery}; everything said goes through one {@link EventSink} (log line, report, CSV).
 *
 * <p><b>Who owns the learning rate.</b> A schedule, {@code ReduceLROnPlateau} and this monitor's rollbacks may all
 * lower it. The monitor reads the rate in force at every check: once it is at most half its peak, or a low ratio would
 * be in the band at the peak rate, low ratios and a levelled-off loss are logged at INFO as expected, never as "try
 * x10" (see {@link LrOwnerRules}). With a
 * {@code ReduceLROnPlateau} attached, a plateau is its job and the monitor only notes it. The monitor itself cuts the
 * rate only to recover from a trouble (ROLLBACK).
 *
 * <p><b>Snapshots</b> are taken only at healthy checks (finite; the loss at a healthy level; not dying; no weight ratio
 * above 10x the band's upper edge; see {@link RecoveryRules}); the state training started from is the first. STOP
 * and ROLLBACK keep a ring of {@code snapshots} (default 2), each one copy of the parameters plus one of the updater
 * state: with Adam, {@code snapshots x 3} times the parameter memory (6x by default). LOG keeps none.
 *
 * <p><b>ParallelWrapper</b>: one instance serves all workers, which call it concurrently, each on its own replica;
 * rows and events carry the worker as {@code replica}, and streaks last across {@code fit} calls. The wrapper fires no
 * epoch events: call {@link #endEpoch()} after each {@code wrapper.fit(iterator)}. A STOP thrown in a worker reaches
 * the caller wrapped in DL4J's exceptions; {@link TrainingDivergedException#unwrap} finds it.
 *
 * <p><b>Lifecycle</b>: the CSV, if any, is opened at the first check, flushed at every epoch end and closed by
 * {@link #close()} or when the monitor stops training. Use try-with-resources, or call {@code close()} after
 * training.
 *
 * <p>Thread-safe: run state is kept per model (per worker under ParallelWrapper), the report is shared.
 */
public final class TrainingHealthMonitor extends BaseTrainingListener implements AutoCloseable {

    private final int frequency;
    private final double low;
    private final double high;
    private final DivergenceRules lossWatch;
    private final DeadNetworkRules deadRules;
    private final EventSink sink;
    private final Recovery recovery;
    private final RatioWarnings warnings;
    private final StallCheck stallCheck;
    private final StartChecks startChecks;
    private final StepSizeTracker stepSizes;
    private final Tracks tracks;

    private TrainingHealthMonitor(Builder b) {
        this.frequency = Args.positive("frequency", b.frequency);
        this.low = Args.positive("ratioBand low", b.low);
        this.high = Args.positive("ratioBand high", b.high);
        Args.check(b.low < b.high, "ratioBand low < high", "low=" + b.low + ", high=" + b.high);
        int patience = Args.positive("patience", b.patience);
        this.lossWatch = new DivergenceRules(b.divergenceFactor, b.divergenceFloor);
        this.deadRules = new DeadNetworkRules(DeadNetworkRules.PATIENCE);
        this.sink = new EventSink(b.csv);
        RecoveryRules policy = new RecoveryRules(b.policy, b.rollbackLrFactor, b.maxRollbacks, b.snapshots,
                RecoveryRules.DEFAULT_HEALTHY_RATIO_MULTIPLE * b.high);
        this.recovery = new Recovery(policy, sink, this::close);
        this.warnings = new RatioWarnings(patience, low, high, sink);
        this.stallCheck = b.lossPatience == 0 ? null : new StallCheck(new StallRules(b.lossPatience, b.lossThreshold),
                b.validation, low, high, sink);
        this.startChecks = b.lossPatience == 0 ? null : new StartChecks(b.high, sink);
        StepSizeTracker tracker = new StepSizeTracker(b.stepSizeDecay);   // validates the decay even when off
        this.stepSizes = b.stepSizeEstimate ? tracker : null;
        this.tracks = new Tracks(policy.ringSize());
    }

    /**
     * A builder with the defaults listed on {@link Builder}.
     *
     * @return a builder with the defaults listed on {@link Builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An immutable snapshot of everything seen so far.
     *
     * @return checks, events, rollbacks and stalls, in order
     */
    public synchronized MonitorReport report() {
        return sink.report(low, high);
    }

    /** Flushes and closes the CSV, if any; training may go on (later rows append). Idempotent. */
    @Override
    public synchronized void close() {
        sink.close();
    }

    /**
     * Ends an epoch where DL4J fires no epoch event: after each {@code ParallelWrapper.fit(iterator)} (its workers'
     * minibatches are judged together), or in a loop over {@code fit(DataSet)}. Runs the stall check for every model
     * that trained since its last epoch end, and flushes the CSV. With {@code fit(iterator)} DL4J calls
     * {@link #onEpochEnd} itself; do not call both.
     */
    public synchronized void endEpoch() {
        sink.flush();
        for (Map.Entry<EpochTrack, ModelTrack> e : tracks.epochs().entrySet()) {
            epochEnd(e.getKey(), e.getValue());
        }
    }

    @Override
    public synchronized void onEpochEnd(Model model) {
        sink.flush();
        ModelTrack t = tracks.of(model);
        epochEnd(t.epoch, t);
    }

    /** The epoch-level checks, both reading the epoch's mean loss, taken once (the ratio rule keeps the lowest). */
    private void epochEnd(EpochTrack epoch, ModelTrack t) {
        double mean = epoch.takeMean();
        if (stallCheck != null) {
            stallCheck.epochEnd(epoch, mean, t);
            startChecks.epochEnd(epoch, mean, t);
        }
    }

    @Override
    public synchronized void onGradientCalculation(Model model) {
        double score = model.score();
        ModelTrack t = tracks.of(model);
        if (!t.started) {
            recovery.start(t);
        }
        if (!Double.isFinite(score)) {
            t.pending = NonFiniteInspector.beforeStep(t, score);
        } else if (t.net.iterationCount() % frequency == 0) {
            GradientMeter.measure(t, model);
            if (stepSizes != null) {
                stepSizes.measure(t, model);
            }
        }
    }

    @Override
    public synchronized void iterationDone(Model model, int iteration, int epoch) {
        double score = model.score();
        ModelTrack t = tracks.of(model);
        if (!Double.isFinite(score)) {
            recovery.handle(t, afterStep(t, model, iteration, epoch, score));
            return;
        }
        if (t.loss.count() == 0) {
            t.loss = lossWatch.firstMove(t.loss, t.net.relativeUpdate());   // once: two reductions
        }
        t.loss = lossWatch.next(t.loss, score);
        t.epoch.add(score);
        if (lossWatch.diverged(t.loss)) {
            recovery.handle(t, lossWatch.explosion(t.loss, iteration, epoch, t.learningRate(iteration, epoch), score));
            return;
        }
        if (lossWatch.spikeBegan(t.loss)) {
            sink.event(Level.WARN, new MonitorEvent(t.replica, iteration, epoch, MonitorEvent.Kind.LOSS_SPIKE,
                    MonitorEvent.Severity.WARN, "loss", MonitorMessages.spike(iteration, epoch,
                    t.learningRate(iteration, epoch), score, t.loss.level(), t.loss.reference(),
                    DivergenceRules.undone(t.loss, t.loss.level()))));
        }
        if (iteration % frequency == 0) {
            check(t, model, iteration, epoch);
        }
    }

    /** A non-finite score at iterationDone: what is bad after the step, merged with what was seen before it. */
    private Diagnosis afterStep(ModelTrack t, Model model, int iteration, int epoch, double score) {
        Norms n = Norms.measure(t, model.gradient(), low, high);
        return NonFiniteInspector.merge(t, iteration, epoch, score, n.badParams, n.badUpdates, spreadFrom(t));
    }

    /** Another replica that went non-finite first, or -1. */
    private int spreadFrom(ModelTrack t) {
        return tracks.othersNonFinite(t).stream().findFirst().orElse(-1);
    }

    private void check(ModelTrack t, Model model, int iteration, int epoch) {
        Norms n = Norms.measure(t, model.gradient(), low, high);
        if (n.nonFinite()) {
            recovery.handle(t, NonFiniteInspector.merge(t, iteration, epoch, model.score(), n.badParams, n.badUpdates,
                    spreadFrom(t)));
            return;
        }
        t.troubleLogged = false;
        double lr = t.learningRate(iteration, epoch);
        t.lr = LrOwnerRules.next(t.lr, lr);
        t.slowStart = SlowStartRules.check(t.slowStart, n.maxJudged, lr);
        t.highStart = HighStartRules.check(t.highStart, n.maxJudged);
        t.level(t.loss.level(), warnings.levelsKept());
        RatioCheck c = new RatioCheck(t.replica, iteration, epoch, lr, n.keys, n.ratios(), n.verdicts,
                stepSizes == null ? nan(n.keys.size()) : StepSizeTracker.estimates(t, n.keys));
        sink.check(c);
        t.epoch.check(epoch, c.medianJudgedRatio());
        double chance = t.chanceLoss();
        DeadNetworkRules.Step dead = deadRules.next(t.dead, iteration, t.gradients, t.loss.level(), chance);
        t.dead = dead.state();
        t.gradients = null;
        if (dead.dead()) {
            t.epoch.deadSeen = true;
            List<String> vanished = Arrays.stream(dead.collapsed()).mapToObj(t.gradientKeys::get).toList();
            recovery.handle(t, new DeadNetwork(iteration, epoch, lr, t.loss.level(), chance, vanished,
                    t.gradientKeys.size(), t.dead.since(), t.loss.firstMove()));
            return;
        }
        warnings.after(t, c);
        recovery.afterCheck(t, recovery.policy().healthy(true, lossWatch.healthy(t.loss), n.maxJudged,
                t.dead.symptomatic()));
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * Settings; defaults: frequency 10, band [1e-4, 1e-2], patience 3, LOG, divergence factor 4, rollback x0.1 up to 3
     * times, 2 snapshots, no CSV, stall check after 3 epochs without a 1% improvement of the training loss, no
     * step-size estimate.
     */
    public static final class Builder {
        private int frequency = 10;
        private double low = 1e-4;
        private double high = 1e-2;
        private int patience = 3;
        private TroubleMode policy = TroubleMode.LOG;
        private double divergenceFactor = 4;
        private double divergenceFloor = DivergenceRules.DEFAULT_FLOOR;
        private double rollbackLrFactor = 0.1;
        private int maxRollbacks = 3;
        private int snapshots = 2;
        private Path csv;
        private static final int DEFAULT_LOSS_PATIENCE = 3;
        private int lossPatience = DEFAULT_LOSS_PATIENCE;
        private double lossThreshold = 1e-2;
        private ValidationData validation;
        private boolean stepSizeEstimate;
        private double stepSizeDecay = 0.9;

        private Builder() {
        }

        /**
         * Ratio check every N iterations ({@code >= 1}); the score is checked every iteration regardless.
         *
         * @param n a ratio check every {@code n} iterations, {@code >= 1}; default 10 (the loss is watched at every
         *     one)
         * @return this builder
         */
        public Builder frequency(int n) {
            this.frequency = n;
            return this;
        }

        /**
         * The healthy band of the update:parameter ratio; target about 1e-3.
         *
         * @param low the lower edge of the healthy band, {@code > 0}; default 1e-4
         * @param high the upper edge, {@code > low}; default 1e-2
         * @return this builder
         */
        public Builder ratioBand(double low, double high) {
            this.low = low;
            this.high = high;
            return this;
        }

        /**
         * Consecutive out-of-band checks before a warning.
         *
         * @param checks checks in a row out of the band before a ratio warning, {@code >= 1}; default 3
         * @return this builder
         */
        public Builder ratioPatience(int checks) {
            this.patience = checks;
            return this;
        }

        /**
         * What to do when training goes non-finite or diverges: LOG (default), STOP or ROLLBACK.
         *
         * @param policy what to do on trouble: LOG (default), STOP or ROLLBACK
         * @return this builder
         */
        public Builder onTrouble(TroubleMode policy) {
            this.policy = policy;
            return this;
        }

        /**
         * A finite loss has risen when most of the recent minibatch losses exceed this multiple of their lowest
         * level, and the rise also undoes a tenth of the progress since the start and exceeds the noise. Such a rise
         * has diverged when it takes back half the progress or more; a smaller one is a loss spike (a WARN line,
         * nothing done) that diverges when it lasts 50 more iterations. Finite, {@code > 1}. Default 4.
         *
         * @param factor how many times its reference level the loss must reach to count as diverged, {@code > 1};
         *     default 4
         * @return this builder
         */
        public Builder divergenceFactor(double factor) {
            this.divergenceFactor = factor;
            return this;
        }

        /**
         * A loss below this absolute level is never a divergence, whatever its ratio to the lowest level: it is
         * already tiny (minibatch losses of a converged network wander by 10x between 1e-7 and 1e-6). Finite,
         * {@code >= 0}; default 1e-3. Lower it for losses on a smaller scale.
         *
         * @param floor a loss below this never counts as diverged, {@code >= 0}; default 1e-3
         * @return this builder
         */
        public Builder divergenceFloor(double floor) {
            this.divergenceFloor = floor;
            return this;
        }

        /**
         * Learning-rate multiplier applied at each rollback, in (0, 1).
         *
         * @param factor the multiple of the learning rate after a rollback, in (0, 1); default 0.1
         * @return this builder
         */
        public Builder rollbackLrFactor(double factor) {
            this.rollbackLrFactor = factor;
            return this;
        }

        /**
         * Restores allowed before behaving as STOP.
         *
         * @param n restores before ROLLBACK gives up and stops, {@code >= 1}; default 3
         * @return this builder
         */
        public Builder maxRollbacks(int n) {
            this.maxRollbacks = n;
            return this;
        }

        /**
         * Healthy snapshots kept for STOP and ROLLBACK ({@code >= 1}, default 2). Each costs one copy of the parameters
         * and one of the updater state.
         *
         * @param n healthy states kept for STOP and ROLLBACK, {@code >= 1}; default 2
         * @return this builder
         */
        public Builder snapshots(int n) {
            this.snapshots = n;
            return this;
        }

        /**
         * Also write every check to this CSV ({@code iteration,epoch,lr,param,ratio,verdict,step_size}; the step size
         * is NaN unless {@link #stepSizeEstimate} is on).
         *
         * @param file the CSV to write, replaced at the first check
         * @return this builder
         */
        public Builder csv(Path file) {
            this.csv = file;
            return this;
        }

        /**
         * The epoch-level stall check: warn when the epoch's loss has not improved by the relative {@code threshold}
         * (in [0, 1)) for {@code epochs} epochs ({@code >= 1}) in a row. Default 3 epochs, 1e-2: a
         * loss that improves by less than about 0.3% per epoch.
         *
         * @param epochs epochs without improvement before the warning, {@code >= 1}; default 3
         * @param threshold the relative improvement that counts, in [0, 1); default 1e-2
         * @return this builder
         */
        public Builder lossStall(int epochs, double threshold) {
            Args.positive("lossStall epochs", epochs);
            this.lossPatience = epochs;
            this.lossThreshold = Args.rightOpenInterval("lossStall threshold", threshold, 0, 1);
            return this;
        }

        /**
         * Turns the epoch-level loss checks on or off: the stall check (on by default, 3 epochs and 1e-2) and the
         * checks of the start ({@link SlowStartRules}: a loss still near its chance level after 3 epochs of small
         * steps; {@link HighStartRules}: a loss that never left it after extreme first steps).
         *
         * @param on false to turn it off
         * @return this builder
         */
        public Builder lossStall(boolean on) {
            this.lossPatience = on ? (lossPatience > 0 ? lossPatience : DEFAULT_LOSS_PATIENCE) : 0;
            return this;
        }

        /**
         * Judge the stall check on the mean loss over this iterator (reset and read once per epoch end) instead of
         * the epoch's mean training loss.
         *
         * @param data held-out data whose mean loss the stall check watches, reset before each pass
         * @return this builder
         */
        public Builder validation(DataSetIterator data) {
            this.validation = ValidationData.of(data);
            return this;
        }

        /**
         * {@link #validation(DataSetIterator)} for a multi-input ComputationGraph.
         *
         * @param data held-out multi-input data whose mean loss the stall check watches
         * @return this builder
         */
        public Builder validation(MultiDataSetIterator data) {
            this.validation = ValidationData.of(data);
            return this;
        }

        /**
         * Also estimate a step size per weight array at each check (see {@link StepSizeEstimate}); shown next to
         * the ratio. Off by default: see the README for how well it matched the best learning rate.
         *
         * @param on false to turn it off
         * @return this builder
         */
        public Builder stepSizeEstimate(boolean on) {
            this.stepSizeEstimate = on;
            return this;
        }

        /**
         * Decay of the estimate's moving averages over checks, in [0, 1); default 0.9.
         *
         * @param beta the decay, in [0, 1); default 0.9
         * @return this builder
         */
        public Builder stepSizeDecay(double beta) {
            this.stepSizeDecay = beta;
            return this;
        }

        /** @return the monitor; add it to the network with {@code addListeners} and close it after training */
        public TrainingHealthMonitor build() {
            return new TrainingHealthMonitor(this);
        }
    }
}
