package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.benchmark.LadderBenchmark.Row;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.ConfirmMode;
import io.github.dl4jlr.finder.FinderAudit;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.finder.SuggestionMethod;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.tuning.LearningRateSearch;
import io.github.dl4jlr.tuning.LocalMemberTrainer;
import io.github.dl4jlr.tuning.MemberTrainer;
import io.github.dl4jlr.tuning.PbtResult;
import io.github.dl4jlr.tuning.PopulationBasedTraining;
import io.github.dl4jlr.tuning.SearchResult;
import io.github.dl4jlr.tuning.SearchSpace;
import io.github.dl4jlr.tuning.TrainingData;
import io.github.dl4jlr.tuning.spark.SparkMemberTrainer;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.ScaledSchedule;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.dl4jlr.examples.benchmark.LadderBenchmark.argMax;
import static io.github.dl4jlr.examples.benchmark.LadderBenchmark.updater;

/** One cell of {@link LadderBenchmark}: a problem, an optimizer and a schedule, every rung measured on it. */
final class LadderCell {

    private static final Logger log = LoggerFactory.getLogger(LadderBenchmark.class);

    final String problem;
    final String optimizer;
    final String schedule;
    final int seeds;
    final int epochs;
    final int perEpoch;
    final double[] searchPeaks;
    final boolean byLoss;
    final List<String> methods;
    double gridBestLr;
    double gridBest;

    LadderCell(String problem, String optimizer, String schedule, int seeds, int epochs, boolean byLoss,
         List<String> methods) {
        this.byLoss = byLoss;
        this.methods = methods;
        this.problem = problem;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.seeds = seeds;
        this.epochs = epochs;
        BenchmarkData.Split d = ExampleModels.dataFor(problem, 0);
        this.perEpoch = (d.train().numExamples() + d.batchSize() - 1) / d.batchSize();
        this.searchPeaks = new double[seeds];
    }

    String label() {
        return problem + "/" + optimizer + "/" + schedule;
    }

    IUpdater updaterAt(double peak) {
        return schedule.equals("cosine") ? updater(optimizer, cosine(peak)) : updater(optimizer, peak);
    }

    ISchedule cosine(double peak) {
        return new CosineDecaySchedule(ScheduleType.ITERATION, peak, 0, epochs * perEpoch);
    }

    /** The peak of this cell's schedule whose mean over the budget is {@code rate}. */
    double peakWithMean(double rate) {
        return schedule.equals("cosine")
                ? ScaledSchedule.withMean(cosine(1), rate, epochs * perEpoch).valueAt(0, 0) : rate;
    }

    MultiLayerNetwork fresh(double peak, long seed) {
        return ExampleModels.forProblem(problem, ExampleModels.dataFor(problem, seed), updaterAt(peak), seed);
    }

    /** Test accuracy (second half) after the full budget at {@code peak}. */
    double train(double peak, long seed) {
        return score(trained(peak, seed), seed, false);
    }

    /** A fresh network trained for the full budget at {@code peak}. */
    MultiLayerNetwork trained(double peak, long seed) {
        MultiLayerNetwork net = fresh(peak, seed);
        net.fit(ExampleModels.dataFor(problem, seed).trainIterator(), epochs);
        return net;
    }

    List<Row> measure(JavaSparkContext sc, List<String> sparkChecks) {
        List<Row> rows = new ArrayList<>();
        double[] grid = FinderAudit.halfDecades(1e-4, 1);
        double[] gridAcc = new double[grid.length];
        double[] gridVal = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            for (int s = 0; s < seeds; s++) {
                MultiLayerNetwork net = trained(grid[g], s);
                gridAcc[g] += score(net, s, false) / seeds;
                gridVal[g] += judge(net, problem, s, byLoss) / seeds;
            }
        }
        int best = argMax(gridAcc);
        gridBest = gridAcc[best];
        gridBestLr = grid[best];
        rows.add(new Row(problem, optimizer, schedule, "grid", grid[best], gridBest, 0, grid.length,
                new double[]{grid[best]}));
        // what a user gets who trains the grid and picks on validation data: the oracle's own noise floor
        int picked = argMax(gridVal);
        rows.add(new Row(problem, optimizer, schedule, "grid on validation", grid[picked], gridAcc[picked],
                100 * (gridBest - gridAcc[picked]), grid.length, new double[]{grid[picked]}));
        Map<String, double[]> lrs = new LinkedHashMap<>();
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, double[]> cost = new LinkedHashMap<>();
        for (String m : methods) {
            lrs.put(m, new double[seeds]);
            acc.put(m, new double[seeds]);
            cost.put(m, new double[seeds]);
        }
        double budget = epochs * (double) perEpoch;
        for (int s = 0; s < seeds; s++) {
            BenchmarkData.Split data = ExampleModels.dataFor(problem, s);
            LrFinderResult sweep = LearningRateFinder.builder().confirm(ConfirmMode.NEVER).build()
                    .find(fresh(1e-3, s), data.trainIterator());
            double auto = sweep.suggestion(SuggestionMethod.AUTO).orElse(1e-3);
            double sweepCost = sweep.totalIterations() / budget;
            putAsIsAndAsMean(lrs, acc, cost, "sweep", "sweep-mean", s, auto, sweepCost);
            if (methods.contains("sweep+trials") || methods.contains("trials-mean")) {
                LrFinderResult trials = LearningRateFinder.builder().confirm(ConfirmMode.ALWAYS).build()
                        .find(fresh(1e-3, s), data.trainIterator());
                putAsIsAndAsMean(lrs, acc, cost, "sweep+trials", "trials-mean", s, trials.suggestion().orElse(auto),
                        trials.totalIterations() / budget);
            }
            if (methods.contains("search")) {
                SearchResult search = search(sweep, s, new LocalMemberTrainer(1));
                searchPeaks[s] = search.bestRate();
                put(lrs, acc, cost, "search", s, search.bestRate(), score(search.model(), s, false),
                        search.cost() + sweepCost);
                if (sc != null) {
                    SearchResult there = search(sweep, s, new SparkMemberTrainer(sc));
                    boolean same = there.history().equals(search.history())
                            && there.bestRate() == search.bestRate();
                    sparkChecks.add(String.format(Locale.ROOT, "%s seed %d: the search on Spark %s (best %.2e vs "
                            + "%.2e)", label(), s, same ? "gave the identical result" : "DIFFERED", there.bestRate(),
                            search.bestRate()));
                    log.info(sparkChecks.get(sparkChecks.size() - 1));
                }
            }
            if (methods.contains("pbt")) {
                putPbt(lrs, acc, cost, sweep, s, sweepCost);
            }
        }
        for (String m : lrs.keySet()) {
            double meanAcc = mean(acc.get(m));
            double geo = 0;
            for (double v : lrs.get(m)) {
                geo += Math.log(v) / seeds;
            }
            Row r = new Row(problem, optimizer, schedule, m, Math.exp(geo), meanAcc, 100 * (gridBest - meanAcc),
                    mean(cost.get(m)), lrs.get(m));
            rows.add(r);
            log.info(String.format(Locale.ROOT, "%s %s: rate %.2e, accuracy %.4f, regret %.2f points, cost %.2f "
                    + "trainings", label(), m, r.meanLr(), r.accuracy(), r.regretPoints(), r.cost()));
        }
        return rows;
    }

    /**
     * A rate trained as it is (the schedule's peak) under {@code asIs}, and as the schedule's mean under
     * {@code asMean}, each only when asked for; a constant schedule's two are the same training.
     */
    private void putAsIsAndAsMean(Map<String, double[]> lrs, Map<String, double[]> acc, Map<String, double[]> cost,
                                  String asIs, String asMean, int seed, double rate, double trainings) {
        double asIsAcc = methods.contains(asIs) ? train(rate, seed) : Double.NaN;
        put(lrs, acc, cost, asIs, seed, rate, asIsAcc, trainings);
        if (methods.contains(asMean)) {
            double peak = peakWithMean(rate);
            put(lrs, acc, cost, asMean, seed, peak, peak == rate && methods.contains(asIs) ? asIsAcc
                    : train(peak, seed), trainings);
        }
    }

    private void putPbt(Map<String, double[]> lrs, Map<String, double[]> acc, Map<String, double[]> cost,
                        LrFinderResult sweep, int seed, double sweepCost) {
        PbtResult pbt = pbt(sweep, seed);
        double pbtRate = pbt.bestHyperparameters().get(SearchSpace.LEARNING_RATE_SCALE) * 1e-3;
        put(lrs, acc, cost, "pbt", seed, pbtRate, score(pbt.bestModel(), seed, false), 4 + sweepCost);
    }

    private SearchResult search(LrFinderResult sweep, long seed, MemberTrainer trainer) {
        String p = problem;
        boolean loss = byLoss;
        // from the network's weights: a fresh one's are its configuration's own, a fine-tuned one's pretrained
        return LearningRateSearch.builder().network(fresh(1e-3, seed))
                .trainData(TrainingData.of(() -> ExampleModels.dataFor(p, seed).trainIterator()))
                .evaluator(m -> judge(m, p, seed, loss))
                .epochs(epochs).iterationsPerEpoch(perEpoch).bracket(sweep).trainer(trainer).build().run();
    }

    private PbtResult pbt(LrFinderResult sweep, long seed) {
        String p = problem;
        boolean loss = byLoss;
        double top = sweep.divergedAt().orElse(sweep.learningRates()[sweep.iterations() - 1]);
        double high = top / Math.sqrt(10);
        double low = high / Math.pow(10, 3.5);
        return PopulationBasedTraining.builder().populationSize(4)
                .network(fresh(1e-3, seed))
                .searchSpace(SearchSpace.learningRateScale(low / 1e-3, high / 1e-3).build())
                .trainData(TrainingData.of(() -> ExampleModels.dataFor(p, seed).trainIterator()))
                .evaluator(m -> judge(m, p, seed, loss))
                .readyEvery(1, ScheduleType.EPOCH).rounds(epochs).seed(seed).build().run();
    }

    double score(Model m, long seed, boolean validation) {
        return score(m, problem, seed, validation);
    }

    /** Accuracy on the first (validation) or second (test) half of the problem's test split; 0 if non-finite. */
    /** The validation half's accuracy, or minus its mean loss (the lowest double if the weights are not finite). */
    static double judge(Model m, String problem, long seed, boolean byLoss) {
        if (!byLoss) {
            return score(m, problem, seed, true);
        }
        if (!NetworkAdapter.finite(m.params())) {
            return -Double.MAX_VALUE;
        }
        double loss = NetworkAdapter.of(m).meanLoss(half(problem, seed, true));
        return Double.isFinite(loss) ? -loss : -Double.MAX_VALUE;
    }

    static double score(Model m, String problem, long seed, boolean validation) {
        if (!NetworkAdapter.finite(m.params())) {
            return 0;
        }
        return ((MultiLayerNetwork) m).evaluate(half(problem, seed, validation)).accuracy();
    }

    /** The first (validation) or second (test) half of the problem's test split. */
    private static ListDataSetIterator<DataSet> half(String problem, long seed, boolean validation) {
        List<DataSet> all = ExampleModels.dataFor(problem, seed).test().asList();
        int half = all.size() / 2;
        return new ListDataSetIterator<>(validation ? all.subList(0, half) : all.subList(half, all.size()), 256);
    }

    String oneCycle() {
        OneCycleStudy study = new OneCycleStudy(new FinderAudit.Problem() {
            public Model model(IUpdater updater, int seed) {
                return ExampleModels.forProblem(problem, ExampleModels.dataFor(problem, seed), updater, seed);
            }

            public org.nd4j.linalg.dataset.api.iterator.DataSetIterator train(int seed, int epoch) {
                return ExampleModels.dataFor(problem, seed).trainIterator();
            }

            public double score(Model trained, int seed) {
                return LadderCell.score(trained, problem, seed, false);
            }

            public int epochs() {
                return epochs;
            }
        }, seeds);
        OneCycleStudy.Comparison c = study.compare(gridBest, gridBestLr, lr -> updater(optimizer, lr),
                (lr, total) -> optimizer.equals("adam") ? new Adam(lr) : new Nesterovs(lr,
                        io.github.dl4jlr.schedule.OneCycleSchedule.momentum(ScheduleType.ITERATION, 0.85, 0.95, total,
                                0.3, io.github.dl4jlr.schedule.OneCycleSchedule.Anneal.COS, false)),
                searchPeaks, perEpoch, 2 * epochs);
        log.info("{}: 1cycle at the search's peak: {}", label(), c.csvRow(label()));
        return c.csvRow(label());
    }

    private static void put(Map<String, double[]> lrs, Map<String, double[]> acc, Map<String, double[]> cost,
                            String method, int seed, double lr, double accuracy, double trainings) {
        if (!lrs.containsKey(method)) {
            return;
        }
        lrs.get(method)[seed] = lr;
        acc.get(method)[seed] = accuracy;
        cost.get(method)[seed] = trainings;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x / v.length;
        }
        return s;
    }
}
