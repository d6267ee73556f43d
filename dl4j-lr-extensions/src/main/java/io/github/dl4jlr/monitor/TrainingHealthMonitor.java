package io.github.dl4jlr.monitor;

import io.github.dl4jlr.nn.LearningRateConfig;
import io.github.dl4jlr.nn.NetworkAdapter;
import io.github.dl4jlr.nn.ParamRef;
import io.github.dl4jlr.util.Args;
import io.github.dl4jlr.util.LossTracker;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Watches training for NaN/Inf, for a loss that explodes, and for update:parameter ratios out of the healthy band,
 * cheaply; on trouble it logs, stops, or rolls back to a healthy state and goes on at a lower learning rate.
 *
 * <pre>
 *   try (TrainingHealthMonitor monitor = TrainingHealthMonitor.builder()
 *           .frequency(10).ratioBand(1e-4, 1e-2).patience(3)
 *           .onNonFinite(NonFinitePolicy.ROLLBACK).csv(Path.of("monitor.csv")).build()) {
 *       net.addListeners(monitor);
 *       net.fit(train, epochs);
 *   }
 * </pre>
 *
 * <p><b>Every iteration</b> it reads the score (free): the loss has <b>diverged</b> when it stays finite but the median
 * of the recent minibatch losses rises above {@code divergenceFactor} (default 4) times its lowest level, or, in the
 * first iterations after a first update that moved the parameters far, above that multiple of the very first loss (see
 * {@link LossWatch}); bad minibatches are not a divergence while most are fine. <b>Every {@code frequency}
 * iterations</b> it computes, per parameter array, one L1 reduction of the parameters and one of the update DL4J
 * just applied ({@code model.gradient()} at {@code iterationDone}): they give the ratio (see {@link RatioRules}) and,
 * since L1 norms propagate NaN/Inf, the finiteness check, about 17x cheaper than a MatchCondition. Each check logs
 * one INFO line, and a weight array out of band for {@code patience} checks in a row logs one WARN with advice.
 *
 * <p><b>Non-finite</b>: when the score is NaN/Inf, {@code onGradientCalculation} (before the update) inspects the
 * inputs, labels, parameters and raw gradients, so a NaN written into one layer is blamed on that layer before
 * backpropagation spreads it, and NaN data is blamed on the input (by name, for a multi-input ComputationGraph) or
 * the output whose labels hold it. The {@link Diagnosis} names the cause.
 *
 * <p><b>What happens then</b> is {@link NonFinitePolicy} (also for a finite divergence), decided by the pure
 * {@link RecoveryPolicy}: LOG logs an ERROR (once until training is healthy again); STOP restores the newest
 * snapshot and throws {@link TrainingDivergedException}; ROLLBACK restores a snapshot and goes on. For a
 * learning-rate cause it multiplies every layer's LR by {@code rollbackLrFactor} (a schedule keeps its shape via
 * {@code ScaledSchedule}); if training fails again before the next healthy check, it drops that snapshot and
 * restores the one before, cutting again. For bad data it restores the newest snapshot and keeps the LR. After
 * {@code maxRollbacks} restores it behaves as STOP. Counters are not rolled back. Every recovery is in
 * {@link MonitorReport#rollbacks()}.
 *
 * <p><b>Snapshots</b> are taken only at healthy checks (finite; the median recent loss within 2x its lowest level;
 * no weight ratio above 10x the band's upper edge; see {@link RecoveryPolicy}); the state training started from is
 * the first.
 * STOP and ROLLBACK keep a ring of {@code snapshots} (default 2), each one copy of the parameters plus one of the
 * updater state: with Adam, {@code snapshots x 3} times the parameter memory (6x by default). LOG keeps none.
 *
 * <p><b>Every epoch end</b> it compares the epoch's loss (the mean training loss of the epoch, or the validation loss
 * with {@link Builder#validation}) with the best so far (see {@link StallRules}): after {@code lossPatience} epochs
 * (default 3) without a relative improvement of {@code lossThreshold} (default 1e-2) it logs one WARN per streak, with
 * the likely cause read from the weight ratios of those epochs: below the band, the learning rate is too low; in it, a
 * plateau (use {@code ReduceLROnPlateau} or a decaying schedule), or, when the loss has hardly fallen since the first
 * epoch, no progress at all; above it, the steps overshoot. Epoch events come from
 * {@code fit(iterator)}; a loop over {@code fit(DataSet)} fires none, so it gets no epoch check.
 *
 * <p><b>Step-size estimate</b> (off by default, {@link Builder#stepSizeEstimate}): at each check, per weight array,
 * the ratio of the spread of the parameters to the spread of the mean gradient between checks (see
 * {@link StepSizeEstimate}), from the raw gradient at {@code onGradientCalculation}. It costs two copies of the weight
 * arrays, and per check two distances and two copies per array. The README gives how far it landed from the best grid
 * learning rate on real data, which is why it is off by default.
 *
 * <p><b>Lifecycle</b>: the CSV, if any, is opened at the first check, flushed at every epoch end and closed by
 * {@link #close()} or when the monitor stops training. Use try-with-resources, or call {@code close()} after
 * training.
 *
 * <p>Thread-safe: one instance may serve several models at once (ParallelWrapper workers, tested); run state is kept
 * per model, the report is shared.
 */
public final class TrainingHealthMonitor extends BaseTrainingListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingHealthMonitor.class);
    /** Bounds the ratio medians kept for the stall cause when epochs are very long. */
    private static final int MAX_RECENT_CHECKS = 10_000;

    private final int frequency;
    private final double low;
    private final double high;
    private final int patience;
    private final double divergenceFactor;
    private final RecoveryPolicy recovery;
    private final LossWatch lossWatch;
    private final MonitorCsv csv;
    private final StallRules stallRules;
    /** The stall check's validation loss; null to watch the epoch's training loss. */
    private final ToDoubleFunction<NetworkAdapter> validationLoss;
    private final StepSizeEstimate stepSize;

    private final Map<Model, ModelState> states = new WeakHashMap<>();
    private final List<RatioCheck> checks = new ArrayList<>();
    private final List<MonitorEvent> events = new ArrayList<>();
    private final List<RollbackRecord> rollbacks = new ArrayList<>();
    private final List<LossStall> stalls = new ArrayList<>();
    /** The model of the previous callback and its state: skips the map lookup in the common one-model case. */
    private WeakReference<Model> lastModel = new WeakReference<>(null);
    private ModelState lastState;

    /** Per-model run state. */
    private static final class ModelState {
        final NetworkAdapter net;
        final List<ParamRef> params;
        final List<IUpdater> updaters;
        final Map<String, RatioRules.Streak> streaks = new HashMap<>();
        final SnapshotRing ring;
        LossWatch.State loss = LossWatch.State.INITIAL;
        RecoveryPolicy.State policy = RecoveryPolicy.State.INITIAL;
        boolean started;
        Diagnosis pending;
        boolean troubleLogged;
        double epochLossSum;
        int epochLosses;
        StallRules.State stall = StallRules.State.INITIAL;
        /** {epoch, median weight ratio} of the recent checks, oldest first. */
        final ArrayDeque<double[]> recentRatios = new ArrayDeque<>();
        final Map<String, StepTrack> steps = new HashMap<>();

        ModelState(Model model, int ringSize) {
            this.net = NetworkAdapter.of(model);
            this.params = net.parameters();
            this.updaters = net.trainedUpdaters();
            this.ring = new SnapshotRing(ringSize);
        }
    }

    /** The parameters and mean gradient of one weight array at the previous check, and its running moments. */
    private static final class StepTrack {
        final INDArray theta;
        final INDArray gradient;
        StepSizeEstimate.State moments = StepSizeEstimate.State.INITIAL;
        double estimate = Double.NaN;

        StepTrack(INDArray theta, INDArray gradient) {
            this.theta = theta;
            this.gradient = gradient;
        }
    }

    private TrainingHealthMonitor(Builder b) {
        this.frequency = Args.positive("frequency", b.frequency);
        this.low = Args.positive("ratioBand low", b.low);
        this.high = Args.positive("ratioBand high", b.high);
        Args.check(b.low < b.high, "ratioBand low < high", "low=" + b.low + ", high=" + b.high);
        this.patience = Args.positive("patience", b.patience);
        Args.check(b.divergenceFactor > 1 && Double.isFinite(b.divergenceFactor), "divergenceFactor > 1 and finite",
                b.divergenceFactor);
        this.divergenceFactor = b.divergenceFactor;
        this.recovery = new RecoveryPolicy(b.policy, b.rollbackLrFactor, b.maxRollbacks, b.snapshots,
                RecoveryPolicy.DEFAULT_HEALTHY_RATIO_MULTIPLE * b.high);
        this.lossWatch = new LossWatch(divergenceFactor);
        this.csv = b.csv == null ? null : new MonitorCsv(b.csv);
        this.stallRules = b.lossPatience == 0 ? null : new StallRules(b.lossPatience, b.lossThreshold);
        this.validationLoss = b.validationLoss;
        StepSizeEstimate estimate = new StepSizeEstimate(b.stepSizeDecay);
        this.stepSize = b.stepSizeEstimate ? estimate : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An immutable snapshot of everything seen so far. */
    public synchronized MonitorReport report() {
        return new MonitorReport(checks, events, rollbacks, stalls, low, high);
    }

    /** Flushes and closes the CSV, if any; training may go on (later rows append). Idempotent. */
    @Override
    public synchronized void close() {
        if (csv != null) {
            csv.close();
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        if (csv == null && stallRules == null) {
            return;
        }
        synchronized (this) {
            if (csv != null) {
                csv.flush();
            }
            if (stallRules != null) {
                epochCheck(state(model));
            }
        }
    }

    @Override
    public void onGradientCalculation(Model model) {
        double score = model.score();
        if (Double.isFinite(score) && !recovery.keepsSnapshots() && stepSize == null) {
            return;
        }
        synchronized (this) {
            ModelState st = state(model);
            if (!st.started) {
                start(st);
            }
            if (!Double.isFinite(score)) {
                st.pending = beforeStep(st, score);
            } else if (stepSize != null && st.net.iterationCount() % frequency == 0) {
                estimateStepSizes(st, model);
            }
        }
    }

    /** Per weight array: the changes of the parameters and of the mean gradient since the last check. */
    private void estimateStepSizes(ModelState st, Model model) {
        Gradient g = model.gradient();
        long batch = model.batchSize();
        if (g == null || batch <= 0) {
            return;
        }
        for (ParamRef p : st.params) {
            INDArray raw = p.isTrained() ? g.getGradientFor(p.key()) : null;
            INDArray theta = st.net.param(p);
            if (raw == null || !RatioRules.judged(theta.rank())) {
                continue;
            }
            INDArray mean = raw.div(batch);
            StepTrack t = st.steps.get(p.key());
            if (t == null) {
                st.steps.put(p.key(), new StepTrack(theta.dup(), mean));
                continue;
            }
            double s = theta.distance2(t.theta);
            double y = mean.distance2(t.gradient);
            t.moments = stepSize.next(t.moments, s * s, y * y);
            t.estimate = StepSizeEstimate.estimate(t.moments);
            t.theta.assign(theta);
            t.gradient.assign(mean);
        }
    }

    /** The epoch-level stall check (see {@link StallRules}). */
    private void epochCheck(ModelState st) {
        boolean useValidation = validationLoss != null;
        double loss;
        if (useValidation) {
            loss = validationLoss.applyAsDouble(st.net);
        } else if (st.epochLosses > 0) {
            loss = st.epochLossSum / st.epochLosses;
        } else {
            return;
        }
        st.epochLossSum = 0;
        st.epochLosses = 0;
        int epoch = st.net.epochCount();
        while (!st.recentRatios.isEmpty() && st.recentRatios.peekFirst()[0] <= epoch - stallRules.patience()) {
            st.recentRatios.pollFirst();
        }
        StallRules.Step step = stallRules.next(st.stall, loss);
        st.stall = step.state();
        if (!step.warn()) {
            return;
        }
        double[] medians = st.recentRatios.stream().mapToDouble(r -> r[1]).toArray();
        int iteration = st.net.iterationCount();
        double first = step.state().first();
        double lowest = step.state().lowest();
        LossStall stall = new LossStall(iteration, epoch, useValidation, loss, first, lowest, step.best(),
                stallRules.patience(), stallRules.threshold(), LossTracker.medianIgnoringNaN(medians),
                StallRules.cause(medians, low, high, first, lowest), currentLr(st, iteration, epoch));
        stalls.add(stall);
        String msg = MonitorMessages.stall(stall, low, high);
        log.warn(msg);
        events.add(new MonitorEvent(iteration, epoch, MonitorEvent.Kind.LOSS_STALLED, "loss", msg));
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        double score = model.score();
        boolean checkDue = iteration % frequency == 0;
        synchronized (this) {
            ModelState st = state(model);
            if (!Double.isFinite(score)) {
                handle(st, afterStep(st, model, iteration, epoch, score));
                return;
            }
            if (st.loss.losses().count() == 0) {
                st.loss = lossWatch.firstMove(st.loss, st.net.relativeUpdate());   // once: two reductions
            }
            st.loss = lossWatch.next(st.loss, score);
            st.epochLossSum += score;
            st.epochLosses++;
            if (lossWatch.diverged(st.loss)) {
                boolean early = st.loss.losses().count() < LossWatch.WINDOW;
                handle(st, new LossExplosion(iteration, epoch, currentLr(st, iteration, epoch), score,
                        st.loss.level(), early ? st.loss.start() : st.loss.reference(), divergenceFactor, early));
                return;
            }
            if (checkDue) {
                check(st, model, iteration, epoch, score);
            }
        }
    }

    private ModelState state(Model model) {
        if (model == lastModel.get()) {
            return lastState;
        }
        ModelState st = states.computeIfAbsent(model, m -> new ModelState(m, recovery.ringSize()));
        lastModel = new WeakReference<>(model);
        lastState = st;
        return st;
    }

    /** The state training starts from is the first snapshot, if it is finite. */
    private void start(ModelState st) {
        st.started = true;
        if (recovery.keepsSnapshots() && finite(st.net.params())) {
            st.ring.push(st.net, st.loss);
            st.policy = recovery.started(st.policy);
        }
    }

    private Diagnosis beforeStep(ModelState st, double score) {
        List<String> params = new ArrayList<>();
        List<String> grads = new ArrayList<>();
        Gradient g = st.net.model().gradient();
        for (ParamRef p : st.params) {
            if (!finite(st.net.param(p))) {
                params.add(p.key());
            }
            INDArray raw = g == null ? null : g.getGradientFor(p.key());
            if (raw != null && !finite(raw)) {
                grads.add(p.key());
            }
        }
        int it = st.net.iterationCount();
        int ep = st.net.epochCount();
        return new Diagnosis(it, ep, currentLr(st, it, ep), score, true, nonFinite(st.net.inputs()),
                nonFinite(st.net.labels()), params, grads, List.of(), List.of());
    }

    /** The diagnosis of a non-finite score at iterationDone, merged with what was seen before the step. */
    private Diagnosis afterStep(ModelState st, Model model, int iteration, int epoch, double score) {
        List<String> badParams = new ArrayList<>();
        List<String> badUpdates = new ArrayList<>();
        norms(st, model.gradient(), badParams, badUpdates, null);
        return merge(st, iteration, epoch, score, badParams, badUpdates);
    }

    private Diagnosis merge(ModelState st, int iteration, int epoch, double score, List<String> badParams,
                            List<String> badUpdates) {
        Diagnosis before = st.pending;
        st.pending = null;
        return new Diagnosis(iteration, epoch, currentLr(st, iteration, epoch), score, before != null,
                before == null ? List.of() : before.nonFiniteInputs(), before == null ? List.of() : before.nonFiniteLabels(),
                before == null ? List.of() : before.paramsBeforeStep(),
                before == null ? List.of() : before.gradientsBeforeStep(), badParams, badUpdates);
    }

    /**
     * One L1 reduction per parameter array and per applied update; collects non-finite keys and, if {@code ratios}
     * is given, the ratio and verdict of every trained array.
     */
    private void norms(ModelState st, Gradient update, List<String> badParams, List<String> badUpdates,
                       RatioRows ratios) {
        for (ParamRef p : st.params) {
            INDArray param = st.net.param(p);
            double pNorm = param.norm1Number().doubleValue();
            if (!Double.isFinite(pNorm)) {
                badParams.add(p.key());
            }
            if (!p.isTrained()) {
                continue;
            }
            INDArray u = update == null ? null : update.getGradientFor(p.key());
            double uNorm = u == null ? 0 : u.norm1Number().doubleValue();
            if (!Double.isFinite(uNorm)) {
                badUpdates.add(p.key());
            }
            if (ratios != null) {
                double r = RatioRules.ratio(uNorm, pNorm);
                ratios.add(p.key(), r, RatioRules.judged(param.rank()) ? RatioRules.verdict(r, low, high)
                        : RatioVerdict.UNDEFINED);
            }
        }
    }

    /** Ratio rows of one check. */
    private static final class RatioRows {
        final List<String> keys = new ArrayList<>();
        double[] ratios = new double[8];
        final List<RatioVerdict> verdicts = new ArrayList<>();
        double maxJudged = Double.NaN;

        void add(String key, double ratio, RatioVerdict verdict) {
            if (keys.size() == ratios.length) {
                ratios = Arrays.copyOf(ratios, 2 * ratios.length);
            }
            ratios[keys.size()] = ratio;
            keys.add(key);
            verdicts.add(verdict);
            if (verdict != RatioVerdict.UNDEFINED && !(ratio <= maxJudged)) {
                maxJudged = ratio;
            }
        }
    }

    private void check(ModelState st, Model model, int iteration, int epoch, double score) {
        List<String> badParams = new ArrayList<>();
        List<String> badUpdates = new ArrayList<>();
        RatioRows rows = new RatioRows();
        norms(st, model.gradient(), badParams, badUpdates, rows);
        if (!badParams.isEmpty() || !badUpdates.isEmpty()) {
            handle(st, merge(st, iteration, epoch, score, badParams, badUpdates));
            return;
        }
        st.troubleLogged = false;
        RatioCheck c = new RatioCheck(iteration, epoch, currentLr(st, iteration, epoch), rows.keys,
                Arrays.copyOf(rows.ratios, rows.keys.size()), rows.verdicts, stepSizes(st, rows.keys));
        checks.add(c);
        if (stallRules != null) {
            st.recentRatios.addLast(new double[]{epoch, c.medianJudgedRatio()});
            if (st.recentRatios.size() > MAX_RECENT_CHECKS) {
                st.recentRatios.pollFirst();
            }
        }
        if (log.isInfoEnabled()) {
            log.info(MonitorMessages.check(c));
        }
        warnIfStuck(st, c);
        if (csv != null) {
            csv.write(c);
        }
        RecoveryPolicy.Step step = recovery.onCheck(st.policy,
                recovery.healthy(true, lossWatch.healthy(st.loss), rows.maxJudged));
        st.policy = step.state();
        if (step.action() == RecoveryPolicy.Action.SNAPSHOT) {
            st.ring.push(st.net, st.loss);
        }
    }

    private static double[] stepSizes(ModelState st, List<String> keys) {
        double[] out = new double[keys.size()];
        for (int i = 0; i < out.length; i++) {
            StepTrack t = st.steps.get(keys.get(i));
            out[i] = t == null ? Double.NaN : t.estimate;
        }
        return out;
    }

    private void warnIfStuck(ModelState st, RatioCheck c) {
        for (int i = 0; i < c.keys().size(); i++) {
            String key = c.keys().get(i);
            RatioRules.Streak s = st.streaks.getOrDefault(key, RatioRules.Streak.NONE).next(c.verdicts().get(i));
            if (s.shouldWarn(patience)) {
                String msg = MonitorMessages.ratioWarning(c, i, s, low, high);
                log.warn(msg);
                events.add(new MonitorEvent(c.iteration(), c.epoch(), s.direction() == RatioVerdict.HIGH
                        ? MonitorEvent.Kind.RATIO_HIGH : MonitorEvent.Kind.RATIO_LOW, key, msg));
                s = s.markWarned();
            }
            st.streaks.put(key, s);
        }
    }

    private void handle(ModelState st, Trouble t) {
        RecoveryPolicy.Step step = recovery.onTrouble(st.policy, t.cause());
        boolean report = !st.troubleLogged || step.action() != RecoveryPolicy.Action.LOG;
        st.troubleLogged = true;
        if (report) {
            events.add(new MonitorEvent(t.iteration(), t.epoch(), t instanceof LossExplosion ? MonitorEvent.Kind.DIVERGED
                    : MonitorEvent.Kind.NON_FINITE, t.key(), t.message()));
            log.error(t.message());
        }
        switch (step.action()) {
            case ROLLBACK:
            case RESTORE:
                recover(st, t, step);
                break;
            case STOP:
                stop(st, t, step);
                break;
            default:
                break;
        }
    }

    private void recover(ModelState st, Trouble t, RecoveryPolicy.Step step) {
        st.ring.dropNewest(step.dropNewest());
        SnapshotRing.Entry e = st.ring.newest();
        e.snapshot().restoreArrays(st.net);
        int next = t.iteration() + 1;
        double before = currentLr(st, next, t.epoch());
        if (step.action() == RecoveryPolicy.Action.ROLLBACK) {
            for (IUpdater u : st.updaters) {
                if (u.hasLearningRate()) {
                    LearningRateConfig.read(u).scaled(step.lrFactor()).applyTo(u);
                }
            }
        }
        RollbackRecord r = new RollbackRecord(t.iteration(), t.epoch(), step.action(), t.cause(), t.key(),
                e.snapshot().iteration(), before, currentLr(st, next, t.epoch()));
        rollbacks.add(r);
        st.policy = step.state();
        st.loss = e.loss();
        st.steps.clear();
        st.pending = null;
        st.troubleLogged = false;
        String msg = MonitorMessages.recovery(t, r, step.state().restores(), recovery.maxRollbacks(),
                step.state().healthySinceStart());
        log.warn(msg);
        events.add(new MonitorEvent(t.iteration(), t.epoch(), step.action() == RecoveryPolicy.Action.ROLLBACK
                ? MonitorEvent.Kind.ROLLBACK : MonitorEvent.Kind.RESTORE, t.key(), msg));
    }

    private void stop(ModelState st, Trouble t, RecoveryPolicy.Step step) {
        SnapshotRing.Entry e = st.ring.newest();
        if (e != null) {
            e.snapshot().restoreArrays(st.net);
        }
        String msg = MonitorMessages.stop(t, step.stopReason(), e == null ? -1 : e.snapshot().iteration(),
                st.policy.restores(), st.policy.healthySinceStart());
        events.add(new MonitorEvent(t.iteration(), t.epoch(), MonitorEvent.Kind.STOP, t.key(), msg));
        close();
        throw new TrainingDivergedException(msg, t);
    }

    private static double currentLr(ModelState st, int iteration, int epoch) {
        for (IUpdater u : st.updaters) {
            if (u.hasLearningRate()) {
                return u.getLearningRate(iteration, epoch);
            }
        }
        return Double.NaN;
    }

    private static boolean finite(INDArray a) {
        return Double.isFinite(a.sumNumber().doubleValue());
    }

    private static List<String> nonFinite(Map<String, INDArray> arrays) {
        List<String> bad = new ArrayList<>();
        arrays.forEach((name, a) -> {
            if (!finite(a)) {
                bad.add(name);
            }
        });
        return bad;
    }

    /** The check line, e.g. {@code iter=120 epoch=1 lr=1.0e-03 update/param 0_W=1.2e-03 ... [ok]}. */
    static String format(RatioCheck c) {
        return MonitorMessages.check(c);
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
        private NonFinitePolicy policy = NonFinitePolicy.LOG;
        private double divergenceFactor = 4;
        private double rollbackLrFactor = 0.1;
        private int maxRollbacks = 3;
        private int snapshots = 2;
        private Path csv;
        private int lossPatience = 3;
        private double lossThreshold = 1e-2;
        private ToDoubleFunction<NetworkAdapter> validationLoss;
        private boolean stepSizeEstimate;
        private double stepSizeDecay = 0.9;

        private Builder() {
        }

        /** Ratio check every N iterations ({@code >= 1}); the score is checked every iteration regardless. */
        public Builder frequency(int n) {
            this.frequency = n;
            return this;
        }

        /** The healthy band of the update:parameter ratio; target about 1e-3. */
        public Builder ratioBand(double low, double high) {
            this.low = low;
            this.high = high;
            return this;
        }

        /** Consecutive out-of-band checks before a warning. */
        public Builder patience(int checks) {
            this.patience = checks;
            return this;
        }

        /** What to do when training goes non-finite or diverges: LOG (default), STOP or ROLLBACK. */
        public Builder onNonFinite(NonFinitePolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * A finite loss has diverged when the median of the recent minibatch losses exceeds this multiple of its lowest
         * level (see {@link LossWatch}); finite, {@code > 1}. Default 4.
         */
        public Builder divergenceFactor(double factor) {
            this.divergenceFactor = factor;
            return this;
        }

        /** Learning-rate multiplier applied at each rollback, in (0, 1). */
        public Builder rollbackLrFactor(double factor) {
            this.rollbackLrFactor = factor;
            return this;
        }

        /** Restores allowed before behaving as STOP. */
        public Builder maxRollbacks(int n) {
            this.maxRollbacks = n;
            return this;
        }

        /**
         * Healthy snapshots kept for STOP and ROLLBACK ({@code >= 1}, default 2). Each costs one copy of the parameters
         * and one of the updater state.
         */
        public Builder snapshots(int n) {
            this.snapshots = n;
            return this;
        }

        /**
         * Also write every check to this CSV ({@code iteration,epoch,lr,param,ratio,verdict,step_size}; the step size
         * is NaN unless {@link #stepSizeEstimate} is on).
         */
        public Builder csv(Path file) {
            this.csv = file;
            return this;
        }

        /**
         * The epoch-level stall check: warn when the epoch's loss has not improved by the relative {@code threshold}
         * (in [0, 1)) for {@code epochs} epochs ({@code >= 1}) in a row. Default 3 epochs, 1e-2: a
         * loss that improves by less than about 0.3% per epoch.
         */
        public Builder lossStall(int epochs, double threshold) {
            Args.positive("lossStall epochs", epochs);
            this.lossPatience = epochs;
            this.lossThreshold = Args.rightOpenInterval("lossStall threshold", threshold, 0, 1);
            return this;
        }

        /** Turns the epoch-level stall check off. */
        public Builder noLossStall() {
            this.lossPatience = 0;
            return this;
        }

        /**
         * Judge the stall check on the mean loss over this iterator (reset and read once per epoch end) instead of
         * the epoch's mean training loss.
         */
        public Builder validation(DataSetIterator data) {
            Args.notNull("validation", data);
            this.validationLoss = net -> net.meanLoss(data);
            return this;
        }

        /** {@link #validation(DataSetIterator)} for a multi-input ComputationGraph. */
        public Builder validation(MultiDataSetIterator data) {
            Args.notNull("validation", data);
            this.validationLoss = net -> net.meanLoss(data);
            return this;
        }

        /**
         * Also estimate a step size per weight array at each check (see {@link StepSizeEstimate}); shown next to
         * the ratio. Off by default: see the README for how well it matched the best learning rate.
         */
        public Builder stepSizeEstimate(boolean on) {
            this.stepSizeEstimate = on;
            return this;
        }

        /** Decay of the estimate's moving averages over checks, in [0, 1); default 0.9. */
        public Builder stepSizeDecay(double beta) {
            this.stepSizeDecay = beta;
            return this;
        }

        public TrainingHealthMonitor build() {
            return new TrainingHealthMonitor(this);
        }
    }
}
