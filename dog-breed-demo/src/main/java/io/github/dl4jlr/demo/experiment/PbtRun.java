package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.tuning.Evaluator;
import io.github.dl4jlr.tuning.MemberListeners;
import io.github.dl4jlr.tuning.MemberTrainer;
import io.github.dl4jlr.tuning.PbtResult;
import io.github.dl4jlr.tuning.PopulationBasedTraining;
import io.github.dl4jlr.tuning.SearchSpace;
import io.github.dl4jlr.tuning.TrainingData;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's PBT strategy: one round per epoch, resumable from its checkpoint folder. */
final class PbtRun {

    private final DataSource source;
    private final PreparedData data;
    private final DemoConfig config;
    private final Progress progress;
    private final Runner.ModelFactory factory;
    private final MemberTrainer members;
    private final Measurements measurements;

    PbtRun(DataSource source, PreparedData data, DemoConfig config, Progress progress, Runner.ModelFactory factory,
           MemberTrainer members, Measurements measurements) {
        this.source = source;
        this.data = data;
        this.config = config;
        this.progress = progress;
        this.factory = factory;
        this.members = members;
        this.measurements = measurements;
    }

    /**
     * PBT over Adam's learning rate: one member starts at the experiment's rate, the space spans x0.01 .. x100, one round
     * per epoch, members scored on the validation split. Members are trained by the runner's {@link MemberTrainer}
     * (in this JVM, or as Spark tasks), from the network's configuration and the serializable data source.
     */
    RunSummary run(Experiment e, int seed, RunStore store) {
        List<EpochMetrics> rows = store.epochs();
        double start = e.learningRate(config.commonLr());
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
                    EpochMetrics row = measurements.measure(e, seed, round, model, Double.NaN, best.learningRate(), seconds, Double.NaN);
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
        return measurements.summarize(e, seed, rows, Double.NaN, String.format(Locale.ROOT,
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
            return Measurements.accuracy(model, source.load(Progress.NONE).validation());
        }
    }

}
