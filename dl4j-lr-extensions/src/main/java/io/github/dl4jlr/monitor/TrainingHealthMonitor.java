package io.github.dl4jlr.monitor;

import io.github.dl4jlr.nn.LearningRateConfig;
import io.github.dl4jlr.nn.NetworkAdapter;
import io.github.dl4jlr.nn.ParamRef;
import io.github.dl4jlr.nn.TrainingSnapshot;
import io.github.dl4jlr.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Watches training for NaN/Inf and for update:parameter ratios out of the healthy band, cheaply.
 *
 * <pre>
 *   TrainingHealthMonitor monitor = TrainingHealthMonitor.builder()
 *           .frequency(10).ratioBand(1e-4, 1e-2).patience(3)
 *           .onNonFinite(NonFinitePolicy.STOP).build();
 *   net.addListeners(monitor);
 * </pre>
 *
 * <p><b>Every iteration</b> it reads the score, which costs nothing. <b>Every {@code frequency} iterations</b>, and
 * right after a non-finite score, it computes for each parameter array one L1 reduction of the parameters and one
 * of the update DL4J just applied ({@code model.gradient()} at {@code iterationDone}). L1 norms propagate NaN/Inf,
 * so the same two reductions give both the ratio (see {@link RatioRules}) and the finiteness check, about 17x
 * cheaper than a MatchCondition. Each check logs one INFO line:
 * <pre>
 *   iter=120 epoch=1 lr=1.0e-03 update/param 0_W=1.2e-03 0_b=8.1e-04 1_W=9.7e-04 [ok]
 * </pre>
 * and a weight array out of band for {@code patience} checks in a row logs one WARN with advice.
 *
 * <p><b>Non-finite</b>: when the score is NaN/Inf, {@code onGradientCalculation} (before the update) inspects the
 * input, labels, parameters and raw gradients, so a NaN written into one layer is blamed on that layer before
 * backpropagation spreads it. The {@link Diagnosis} names the iteration, epoch, LR and first arrays in forward
 * order. Then {@link NonFinitePolicy}: LOG logs an ERROR (once until training is healthy again); STOP restores
 * the last healthy parameters and updater state and throws {@link TrainingDivergedException}; ROLLBACK restores
 * them, multiplies every layer's LR by {@code rollbackLrFactor} (a schedule keeps its shape via
 * {@code ScaledSchedule}) and continues, and after {@code maxRollbacks} behaves as STOP. Counters are not rolled
 * back. STOP and ROLLBACK keep one in-memory snapshot, refreshed at each healthy check: one copy of the
 * parameters plus one of the updater state (Adam: 3x the parameter memory in total).
 *
 * <p>Thread-safe: one instance may serve several models (ParallelWrapper workers); state is kept per model.
 */
public final class TrainingHealthMonitor extends BaseTrainingListener {

    private static final Logger log = LoggerFactory.getLogger(TrainingHealthMonitor.class);

    private final int frequency;
    private final double low;
    private final double high;
    private final int patience;
    private final NonFinitePolicy policy;
    private final double rollbackLrFactor;
    private final int maxRollbacks;
    private final Path csv;

    private final Map<Model, ModelState> states = new WeakHashMap<>();
    private final List<RatioCheck> checks = new ArrayList<>();
    private final List<MonitorEvent> events = new ArrayList<>();
    private BufferedWriter csvWriter;
    private int rollbacks;

    /** Per-model run state. */
    private static final class ModelState {
        final NetworkAdapter net;
        final List<ParamRef> params;
        final List<IUpdater> updaters;
        final Map<String, RatioRules.Streak> streaks = new HashMap<>();
        TrainingSnapshot snapshot;
        Diagnosis pending;
        boolean nonFiniteLogged;

        ModelState(Model model) {
            this.net = NetworkAdapter.of(model);
            this.params = net.parameters();
            this.updaters = net.trainedUpdaters();
        }
    }

    private TrainingHealthMonitor(Builder b) {
        this.frequency = Args.positive("frequency", b.frequency);
        this.low = Args.positive("ratioBand low", b.low);
        this.high = Args.positive("ratioBand high", b.high);
        Args.check(b.low < b.high, "ratioBand low < high", "low=" + b.low + ", high=" + b.high);
        this.patience = Args.positive("patience", b.patience);
        this.policy = Args.notNull("onNonFinite", b.policy);
        this.rollbackLrFactor = Args.openInterval("rollbackLrFactor", b.rollbackLrFactor, 0, 1);
        this.maxRollbacks = Args.nonNegative("maxRollbacks", b.maxRollbacks);
        this.csv = b.csv;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An immutable snapshot of everything seen so far. */
    public synchronized MonitorReport report() {
        return new MonitorReport(checks, events, low, high, rollbacks);
    }

    @Override
    public void onGradientCalculation(Model model) {
        double score = model.score();
        boolean needsSnapshot = policy != NonFinitePolicy.LOG;
        if (Double.isFinite(score) && !needsSnapshot) {
            return;
        }
        synchronized (this) {
            ModelState st = state(model);
            if (!Double.isFinite(score)) {
                st.pending = beforeStep(st, score);
            } else if (st.snapshot == null) {
                st.snapshot = TrainingSnapshot.capture(st.net);   // parameters before the very first step
            }
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        double score = model.score();
        if (Double.isFinite(score) && iteration % frequency != 0) {
            return;
        }
        synchronized (this) {
            check(state(model), model, iteration, epoch, score);
        }
    }

    private ModelState state(Model model) {
        return states.computeIfAbsent(model, ModelState::new);
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
        return new Diagnosis(st.net.iterationCount(), st.net.epochCount(), currentLr(st, st.net.iterationCount(),
                st.net.epochCount()), score, allFinite(st.net.inputs()), allFinite(st.net.labels()), params, grads,
                List.of(), List.of());
    }

    private void check(ModelState st, Model model, int iteration, int epoch, double score) {
        Gradient update = model.gradient();
        int n = st.params.size();
        double[] ratios = new double[n];
        List<String> keys = new ArrayList<>(n);
        List<RatioVerdict> verdicts = new ArrayList<>(n);
        List<String> badParams = new ArrayList<>();
        List<String> badUpdates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ParamRef p = st.params.get(i);
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
            keys.add(p.key());
            ratios[keys.size() - 1] = RatioRules.ratio(uNorm, pNorm);
            verdicts.add(RatioRules.judged(param.rank())
                    ? RatioRules.verdict(ratios[keys.size() - 1], low, high) : RatioVerdict.UNDEFINED);
        }
        double lr = currentLr(st, iteration, epoch);
        if (!Double.isFinite(score) || !badParams.isEmpty() || !badUpdates.isEmpty()) {
            Diagnosis before = st.pending;
            st.pending = null;
            Diagnosis d = new Diagnosis(iteration, epoch, lr, score,
                    before == null ? null : before.inputFinite(), before == null ? null : before.labelsFinite(),
                    before == null ? List.of() : before.paramsBeforeStep(),
                    before == null ? List.of() : before.gradientsBeforeStep(), badParams, badUpdates);
            onNonFinite(st, d);
            return;
        }
        st.nonFiniteLogged = false;
        RatioCheck c = new RatioCheck(iteration, epoch, lr, keys, java.util.Arrays.copyOf(ratios, keys.size()), verdicts);
        checks.add(c);
        if (log.isInfoEnabled()) {
            log.info(format(c));
        }
        warnIfStuck(st, c);
        writeCsv(c);
        if (policy != NonFinitePolicy.LOG) {
            st.snapshot = st.snapshot == null ? TrainingSnapshot.capture(st.net) : st.snapshot.refresh(st.net);
        }
    }

    private void warnIfStuck(ModelState st, RatioCheck c) {
        for (int i = 0; i < c.keys().size(); i++) {
            String key = c.keys().get(i);
            RatioRules.Streak s = st.streaks.getOrDefault(key, RatioRules.Streak.NONE).next(c.verdicts().get(i));
            if (s.shouldWarn(patience)) {
                boolean highSide = s.direction() == RatioVerdict.HIGH;
                String msg = String.format(Locale.ROOT, "iter=%d epoch=%d %s=%.1e %s %.0e for %d checks: %s",
                        c.iteration(), c.epoch(), key, c.ratios()[i], highSide ? "above" : "below",
                        highSide ? high : low, s.length(), RatioRules.advice(s.direction()));
                log.warn(msg);
                events.add(new MonitorEvent(c.iteration(), c.epoch(),
                        highSide ? MonitorEvent.Kind.RATIO_HIGH : MonitorEvent.Kind.RATIO_LOW, key, msg));
                s = s.markWarned();
            }
            st.streaks.put(key, s);
        }
    }

    private void onNonFinite(ModelState st, Diagnosis d) {
        String message = d.message();
        boolean first = !st.nonFiniteLogged;
        st.nonFiniteLogged = true;
        if (first || policy != NonFinitePolicy.LOG) {
            events.add(new MonitorEvent(d.iteration(), d.epoch(), MonitorEvent.Kind.NON_FINITE, d.firstLayer(), message));
            log.error(message);
        }
        if (policy == NonFinitePolicy.LOG) {
            return;
        }
        if (policy == NonFinitePolicy.ROLLBACK && rollbacks < maxRollbacks && st.snapshot != null) {
            st.snapshot.restoreArrays(st.net);
            for (IUpdater u : st.updaters) {
                if (u.hasLearningRate()) {
                    LearningRateConfig.read(u).scaled(rollbackLrFactor).applyTo(u);
                }
            }
            rollbacks++;
            st.nonFiniteLogged = false;
            String msg = String.format(Locale.ROOT, "iter=%d epoch=%d rollback %d/%d: restored the parameters and updater "
                            + "state of iter=%d and multiplied the learning rate by %s (now %.1e)", d.iteration(), d.epoch(),
                    rollbacks, maxRollbacks, st.snapshot.iteration(), rollbackLrFactor,
                    currentLr(st, d.iteration() + 1, d.epoch()));
            log.warn(msg);
            events.add(new MonitorEvent(d.iteration(), d.epoch(), MonitorEvent.Kind.ROLLBACK, d.firstLayer(), msg));
            return;
        }
        String restored = st.snapshot == null ? " No healthy state had been seen, so nothing was restored."
                : " The model now holds the parameters and updater state of iter=" + st.snapshot.iteration()
                + ", the last healthy check.";
        if (st.snapshot != null) {
            st.snapshot.restoreArrays(st.net);
        }
        String why = policy == NonFinitePolicy.ROLLBACK ? " Stopped after " + rollbacks + " rollback(s)." : "";
        String msg = "Training stopped: " + message + why + restored;
        events.add(new MonitorEvent(d.iteration(), d.epoch(), MonitorEvent.Kind.STOP, d.firstLayer(), msg));
        throw new TrainingDivergedException(msg, d);
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

    private static Boolean allFinite(List<INDArray> arrays) {
        if (arrays.isEmpty()) {
            return null;
        }
        for (INDArray a : arrays) {
            if (!finite(a)) {
                return false;
            }
        }
        return true;
    }

    static String format(RatioCheck c) {
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

    private void writeCsv(RatioCheck c) {
        if (csv == null) {
            return;
        }
        try {
            if (csvWriter == null) {
                Path parent = csv.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                csvWriter = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                csvWriter.write("iteration,epoch,lr,param,ratio,verdict");
                csvWriter.newLine();
            }
            for (int i = 0; i < c.keys().size(); i++) {
                csvWriter.write(c.iteration() + "," + c.epoch() + "," + c.learningRate() + "," + c.keys().get(i) + ","
                        + c.ratios()[i] + "," + c.verdicts().get(i));
                csvWriter.newLine();
            }
            csvWriter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write monitor CSV " + csv, e);
        }
    }

    /** Settings; defaults: frequency 10, band [1e-4, 1e-2], patience 3, LOG, rollback x0.1 up to 3 times, no CSV. */
    public static final class Builder {
        private int frequency = 10;
        private double low = 1e-4;
        private double high = 1e-2;
        private int patience = 3;
        private NonFinitePolicy policy = NonFinitePolicy.LOG;
        private double rollbackLrFactor = 0.1;
        private int maxRollbacks = 3;
        private Path csv;

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

        public Builder onNonFinite(NonFinitePolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Learning-rate multiplier applied at each rollback, in (0, 1). */
        public Builder rollbackLrFactor(double factor) {
            this.rollbackLrFactor = factor;
            return this;
        }

        /** Rollbacks allowed before behaving as STOP. */
        public Builder maxRollbacks(int n) {
            this.maxRollbacks = n;
            return this;
        }

        /** Also write every check to this CSV ({@code iteration,epoch,lr,param,ratio,verdict}). */
        public Builder csv(Path file) {
            this.csv = file;
            return this;
        }

        public TrainingHealthMonitor build() {
            return new TrainingHealthMonitor(this);
        }
    }
}
