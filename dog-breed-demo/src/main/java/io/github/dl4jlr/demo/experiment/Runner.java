package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.finder.SuggestionMethod;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.nn.NetworkAdapter;
import io.github.dl4jlr.pbt.Evaluator;
import io.github.dl4jlr.pbt.MemberListeners;
import io.github.dl4jlr.pbt.MemberTrainer;
import io.github.dl4jlr.pbt.PbtResult;
import io.github.dl4jlr.pbt.TrainingData;
import io.github.dl4jlr.pbt.PopulationBasedTraining;
import io.github.dl4jlr.pbt.SearchSpace;
import io.github.dl4jlr.schedule.OneCycleSchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Trains one experiment with one seed, epoch by epoch, resumable from its {@link RunStore}. */
public final class Runner {

    private static final Logger log = LoggerFactory.getLogger(Runner.class);
    private static final int TRAIN_ACCURACY_SAMPLE = 500;

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

    private final DataSource source;

    Runner(DataSource source, DemoConfig config, Progress progress, ModelFactory factory, MemberTrainer members) {
        this.source = source;
        this.data = source.load(Progress.NONE);
        this.config = config;
        this.progress = progress;
        this.factory = factory;
        this.members = members;
    }

    /** Per-epoch training loss, data-wait time, and the learning rate of every iteration, from the listener hooks. */
    private static final class EpochStats extends BaseTrainingListener {
        final List<double[]> learningRates = new ArrayList<>();
        IUpdater first;
        double scoreSum;
        int scores;
        long etlMillis;

        void clear() {
            scoreSum = 0;
            scores = 0;
            etlMillis = 0;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            double s = model.score();
            if (Double.isFinite(s)) {
                scoreSum += s;
                scores++;
            }
            NetworkAdapter net = NetworkAdapter.of(model);
            etlMillis += net.lastEtlTime();
            if (first == null) {
                first = net.trainedUpdaters().get(0);
            }
            learningRates.add(new double[]{iteration, epoch,
                    first.hasLearningRate() ? first.getLearningRate(iteration, epoch) : Double.NaN});
        }
    }

    RunSummary run(Experiment e, int seed, RunStore store) {
        try (RunLog ignored = RunLog.to(store.dir().resolve("run.log"))) {
            return switch (e.strategy().kind()) {
                case PBT -> pbt(e, seed, store);
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
            for (int epoch = rows.size(); epoch < config.epochs(); epoch++) {
                NetworkAdapter adapter = NetworkAdapter.of(net);
                double lr = learningRate(net, adapter.iterationCount(), adapter.epochCount());
                stats.clear();
                DataSetIterator train = data.train(config.batchSize(), seed, epoch, source.augment());
                long t0 = System.nanoTime();
                fit(net, train);
                double seconds = (System.nanoTime() - t0) / 1e9;
                rows.add(measure(e, seed, epoch, net, stats.scores > 0 ? stats.scoreSum / stats.scores : Double.NaN, lr,
                        seconds, stats.etlMillis / 1000.0));
                store.saveLearningRates(stats.learningRates);
                store.commitEpoch(rows, net);
                progress.advance(1);
            }
            medianRatio = monitor.report().medianWeightRatio();
        }
        return summarize(e, seed, rows, medianRatio, note, store);
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
                    .noConfirm()
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

    /**
     * PBT over Adam's learning rate: one member starts at the experiment's rate, the space spans x0.01 .. x100, one round
     * per epoch, members scored on the validation split. Members are trained by the runner's {@link MemberTrainer}
     * (in this JVM, or as Spark tasks), from the network's configuration and the serializable data source.
     */
    private RunSummary pbt(Experiment e, int seed, RunStore store) {
        List<EpochMetrics> rows = store.epochs();
        double start = lr(e);
        long[] roundStart = {System.nanoTime()};
        Model template = factory.build(e.strategy().updater(start, config.epochs()), seed);
        PbtResult r = PopulationBasedTraining.builder()
                .populationSize(config.pbtPopulation())
                .searchSpace(SearchSpace.learningRate(start / 100, start * 100).build())
                .initialHyperparameters(List.of(Map.of(SearchSpace.LEARNING_RATE, start)))
                .trainData(new PbtData(source, config.batchSize(), seed))
                .evaluator(new PbtAccuracy(source))
                .readyEvery(1, ScheduleType.EPOCH)
                .rounds(config.epochs())
                .seed(seed)
                .networkLike(template)
                .trainer(members)
                .listeners(new PbtMonitor())
                .checkpointDir(store.dir().resolve("pbt"))
                .afterRound((round, best, model) -> {
                    double seconds = (System.nanoTime() - roundStart[0]) / 1e9 / config.pbtPopulation();
                    EpochMetrics row = measure(e, seed, round, model, Double.NaN, best.learningRate(), seconds, Double.NaN);
                    rows.removeIf(x -> x.epoch() == round + 1);
                    rows.add(row);
                    rows.sort(Comparator.comparingInt(EpochMetrics::epoch));
                    store.saveEpochs(rows);
                    progress.advance(1);
                    roundStart[0] = System.nanoTime();
                })
                .build().run();
        try {
            r.savePlot(store.dir().resolve("pbt.png"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        List<double[]> lineage = new ArrayList<>();
        double[] lrs = r.bestLineageLearningRates();
        for (int round = 0; round < lrs.length; round++) {
            lineage.add(new double[]{round * (double) data.iterationsPerEpoch(config.batchSize()), round, lrs[round]});
        }
        store.saveLearningRates(lineage);
        return summarize(e, seed, rows, Double.NaN, String.format(Locale.ROOT,
                "PBT population %d, best member %d, final LR %.2e", config.pbtPopulation(), r.bestMember(),
                r.bestHyperparameters().get(SearchSpace.LEARNING_RATE)), store);
    }

    /** PBT's training data: the epoch of the round, from the data source, on whatever JVM trains the member. */
    private record PbtData(DataSource source, int batchSize, long seed) implements TrainingData {
        @Override
        public DataSetIterator iterator(int member, int round) {
            PreparedData d = source.load(Progress.NONE);
            return d.train(batchSize, seed, round, source.augment());
        }
    }

    /** A health monitor on every member's round (log lines only: a member's round is too short for a CSV of its own). */
    private record PbtMonitor() implements MemberListeners {
        @Override
        public List<TrainingListener> create(int member, int round) {
            return List.of(TrainingHealthMonitor.builder().frequency(10).build());
        }
    }

    /** PBT's score: accuracy on the validation split. */
    private record PbtAccuracy(DataSource source) implements Evaluator {
        @Override
        public double score(Model model) {
            return accuracy(model, source.load(Progress.NONE).validation());
        }
    }

    private EpochMetrics measure(Experiment e, int seed, int epoch, Model net, double trainLoss, double lr,
                                 double seconds, double etlSeconds) {
        boolean finite = Double.isFinite(net.params().sumNumber().doubleValue());
        double trainAcc = finite ? accuracy(net, data.trainSample(TRAIN_ACCURACY_SAMPLE)) : Double.NaN;
        double testAcc = finite ? accuracy(net, data.test()) : Double.NaN;
        double testLoss = finite ? NetworkAdapter.of(net).meanLoss(data.test()) : Double.NaN;
        EpochMetrics m = new EpochMetrics(e.id(), e.group().id(), seed, epoch + 1, trainLoss, trainAcc, testLoss, testAcc,
                lr, seconds, data.trainImages().count() / seconds,
                Double.isNaN(etlSeconds) ? Double.NaN : etlSeconds / seconds);
        log.info(String.format(Locale.ROOT, "%s seed %d epoch %d/%d: train loss %s acc %s | test loss %s acc %s | "
                        + "lr %s | %.1f s, %.0f img/s, data wait %s", e.id(), seed, epoch + 1, config.epochs(),
                fmt("%.3f", trainLoss), fmt("%.3f", trainAcc), fmt("%.3f", testLoss), fmt("%.3f", testAcc), fmt("%.1e", lr),
                seconds, m.imagesPerSecond(), Double.isNaN(m.dataWaitFraction()) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f%%", 100 * m.dataWaitFraction())));
        return m;
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    static double accuracy(Model net, DataSetIterator it) {
        if (!Double.isFinite(net.params().sumNumber().doubleValue())) {
            return Double.NaN;
        }
        return NetworkAdapter.of(net).evaluate(it).accuracy();
    }

    private static void fit(Model net, DataSetIterator it) {
        NetworkAdapter.of(net).fit(it);
    }

    /** The learning rate the first trained layer uses at these counters; NaN for AdaDelta. */
    private static double learningRate(Model model, int iteration, int epoch) {
        IUpdater u = NetworkAdapter.of(model).trainedUpdaters().get(0);
        return u.hasLearningRate() ? u.getLearningRate(iteration, epoch) : Double.NaN;
    }

    private RunSummary summarize(Experiment e, int seed, List<EpochMetrics> rows, double medianRatio, String note,
                                 RunStore store) {
        double best = Double.NaN;
        double minLoss = Double.NaN;
        double seconds = 0;
        double wait = 0;
        int waitCount = 0;
        for (EpochMetrics m : rows) {
            best = Double.isNaN(best) || m.testAccuracy() > best ? m.testAccuracy() : best;
            minLoss = Double.isNaN(minLoss) || m.testLoss() < minLoss ? m.testLoss() : minLoss;
            seconds += m.seconds();
            // Data wait is judged after the first epoch, once caches and JIT are warm.
            if (m.epoch() > 1 && !Double.isNaN(m.dataWaitFraction())) {
                wait += m.dataWaitFraction();
                waitCount++;
            }
        }
        EpochMetrics last = rows.get(rows.size() - 1);
        boolean diverged = rows.stream().anyMatch(m -> Double.isNaN(m.testAccuracy()));
        RunSummary s = new RunSummary(e.id(), e.group().id(), seed, rows.size(), best, last.testAccuracy(),
                last.testLoss(), minLoss, seconds / rows.size(), waitCount == 0 ? Double.NaN : wait / waitCount,
                medianRatio, diverged, note == null ? "" : note, RunSummary.Status.DONE, "");
        store.finish(s);
        return s;
    }
}
