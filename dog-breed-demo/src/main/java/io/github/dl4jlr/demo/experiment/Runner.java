package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.finder.ConfirmMode;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.finder.SuggestionMethod;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.updater.LearningRateFree;
import io.github.dl4jlr.updater.Prodigy;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.util.EpochMean;
import io.github.dl4jlr.tuning.MemberTrainer;
import io.github.dl4jlr.schedule.OneCycleSchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Trains one experiment with one seed, epoch by epoch, resumable from its {@link RunStore}. */
public final class Runner {

    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    /** Builds a fresh network for an updater and a run seed; serializable, so a Spark task can carry it. */
    @FunctionalInterface
    public interface ModelFactory extends Serializable {
        Model build(IUpdater updater, long seed);
    }

    private final PreparedData data;
    private final DemoConfig config;
    private final Progress progress;
    private final ModelFactory factory;
    private final MemberTrainer members;
    private final Measurements measurements;

    private final DataSource source;

    Runner(DataSource source, DemoConfig config, Progress progress, ModelFactory factory, MemberTrainer members) {
        this.source = source;
        this.data = source.load(Progress.NONE);
        this.config = config;
        this.progress = progress;
        this.factory = factory;
        this.members = members;
        this.measurements = new Measurements(data, config);
    }

    /** Per-epoch training loss, data-wait time, and the learning rate of every iteration, from the listener hooks. */
    private static final class EpochStats extends BaseTrainingListener {
        final List<double[]> learningRates = new ArrayList<>();
        IUpdater first;
        final EpochMean loss = new EpochMean();
        long etlMillis;

        void clear() {
            loss.clear();
            etlMillis = 0;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            loss.add(model.score());
            NetworkAdapter net = NetworkAdapter.of(model);
            etlMillis += net.lastEtlTime();
            if (first == null) {
                first = net.trainedUpdaters().get(0);
            }
            learningRates.add(new double[]{iteration, epoch,
                    stepSize(model, first, iteration, epoch)});
        }
    }

    RunSummary run(Experiment e, int seed, RunStore store) {
        try (RunLog ignored = RunLog.to(store.dir().resolve("run.log"), e.id() + " seed " + seed)) {
            return switch (e.strategy().kind()) {
                case PBT -> new PbtRun(source, data, config, progress, factory, members, measurements).run(e, seed, store);
                case FINDER -> finderThenOneCycle(e, seed, store);
                case PLAIN -> plain(e, seed, store, factory.build(e.strategy().updater(lr(e), config.epochs()), seed), "");
            };
        }
    }

    private double lr(Experiment e) {
        return e.learningRate(config.commonLr());
    }

    private RunSummary plain(Experiment e, int seed, RunStore store, Model fresh, String note) {
        List<EpochMetrics> rows = store.epochs();
        Model net = rows.isEmpty() ? fresh : store.checkpoint(rows.size(), NetworkAdapter.of(fresh).isGraph());
        if (net == null) {
            rows.clear();
            net = fresh;
        } else if (!rows.isEmpty()) {
            log.info("{} seed {}: resuming after epoch {}", e.id(), seed, rows.size());
            progress.advance(rows.size());
        }
        double medianRatio;
        try (TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(10)
                .csv(store.dir().resolve("monitor.csv")).build()) {
            EpochStats stats = new EpochStats();
            stats.learningRates.addAll(store.learningRates());
            net.setListeners(monitor, stats);
            if (e.strategy().learningRateFree()) {
                LearningRateFree.attach(net);
            }
            for (int epoch = rows.size(); epoch < config.epochs(); epoch++) {
                NetworkAdapter adapter = NetworkAdapter.of(net);
                double lr = learningRate(net, adapter.iterationCount(), adapter.epochCount());
                stats.clear();
                DataSetIterator train = data.train(config.batchSize(), seed, epoch, source.augment());
                long t0 = System.nanoTime();
                fit(net, train);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (adapter.trainedUpdaters().get(0) instanceof Prodigy) {
                    lr = learningRate(net, adapter.iterationCount(), adapter.epochCount());    // d as estimated so far
                }
                rows.add(measurements.measure(e, seed, epoch, net, stats.loss.takeMean(), lr,
                        seconds, stats.etlMillis / 1000.0));
                store.saveLearningRates(stats.learningRates);
                store.commitEpoch(rows, net);
                progress.advance(1);
            }
            medianRatio = monitor.report().medianWeightRatio();
        }
        return measurements.summarize(e, seed, rows, medianRatio, note, store);
    }

    /**
     * The LR finder on the fresh network, then Nesterov with a 1cycle schedule (learning rate and momentum) whose peak is
     * the finder's min/10 suggestion: the largest rate the curve still calls safe, which is what a 1cycle peak should
     * be (a constant rate would take the confirmed suggestion; 1cycle spends most of its time below its peak).
     */
    private RunSummary finderThenOneCycle(Experiment e, int seed, RunStore store) {
        int total = config.epochs() * data.iterationsPerEpoch(config.batchSize());
        ISchedule momentum = OneCycleSchedule.momentum(ScheduleType.ITERATION, 0.85, 0.95, total, 0.3,
                OneCycleSchedule.Anneal.COS, false);
        Model net = factory.build(new Nesterovs(1e-2, momentum), seed);
        String saved = store.read("finder.txt");
        double suggestion;
        if (saved != null) {
            suggestion = Double.parseDouble(saved.trim());
        } else {
            // Same EMA lag relative to the sweep as the calibrated default (beta 0.98 over 100 steps).
            LrFinderResult r = LearningRateFinder.builder().startLr(1e-5).endLr(10)
                    .numIterations(config.finderIterations())
                    .smoothing(Math.pow(0.98, 100.0 / config.finderIterations()))
                    .suggestion(SuggestionMethod.MINIMUM_DIV_10)
                    .confirm(ConfirmMode.NEVER)
                    .build()
                    .find(net, data.train(config.batchSize(), seed, 0, source.augment()));
            suggestion = r.suggestion().orElse(1e-2);
            try {
                r.savePlot(store.dir().resolve("lr-finder.png"));
                r.writeCsv(store.dir().resolve("lr-finder.csv"));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            store.write("finder.txt", Double.toString(suggestion));
        }
        ISchedule oneCycle = OneCycleSchedule.withDefaults(ScheduleType.ITERATION, suggestion, total);
        NetworkAdapter.of(net).setLearningRate(oneCycle);
        return plain(e, seed, store, net, String.format(Locale.ROOT, "finder suggestion (min/10) %.2e used as the 1cycle "
                + "peak", suggestion));
    }

    private static void fit(Model net, DataSetIterator it) {
        NetworkAdapter.of(net).fit(it);
    }

    /** The learning rate the first trained layer uses at these counters; NaN for AdaDelta. */
    private static double learningRate(Model model, int iteration, int epoch) {
        return stepSize(model, NetworkAdapter.of(model).trainedUpdaters().get(0), iteration, epoch);
    }

    /**
     * The learning rate of updater {@code u} at these counters, except for Prodigy, whose learning rate is a multiplier
     * of its own estimate d: then d times that multiplier. NaN for AdaDelta.
     */
    private static double stepSize(Model model, IUpdater u, int iteration, int epoch) {
        if (!u.hasLearningRate()) {
            return Double.NaN;
        }
        double lr = u.getLearningRate(iteration, epoch);
        return u instanceof Prodigy ? LearningRateFree.prodigyStepSize(model) * lr : lr;
    }

}
