package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
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
import io.github.dl4jlr.internal.util.AtomicFile;
import org.apache.spark.SparkConf;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ladder of ways to choose a learning rate, each measured for its cost and its regret on the same problems: the
 * range test alone ({@code AUTO}), the range test with confirmation trials on every curve, the learning-rate search
 * (successive halving, 8 candidates, over the range test's bracket) and PBT (4 members, one epoch a round, over the
 * same bracket), against the best rate of a half-decade grid (1e-4 ... 1). Each cell trains with its own schedule:
 * constant, or a cosine decay to zero over the budget whose peak is the rate chosen.
 *
 * <p>Regret is the grid's best mean accuracy minus the method's, in points, on the second half of each problem's test
 * split; the search and PBT judge their candidates on the first half (a validation set the grid never sees). The grid's
 * best is chosen on the test half itself, so it is an upper bound; "grid on validation" is the grid rate with the best
 * accuracy on the first half, as a user with a validation set would pick it, scored on the second: the noise floor of
 * a regret. Cost is in trainings of the budget, the range test included where a method needs it.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml -cp dl4j-lr-examples/target/dl4j-lr-examples.jar \
 *        io.github.dl4jlr.examples.benchmark.LadderBenchmark --problems digits --spark local[2] --onecycle
 * </pre>
 * Writes {@code ladder.csv} and {@code ladder.md} (and {@code onecycle-search.csv} with {@code --onecycle}) under
 * {@code --out}.
 */
public final class LadderBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LadderBenchmark.class);
    static final String HEADER = "problem,optimizer,schedule,method,mean_lr,accuracy,regret_points,cost_trainings,"
            + "lr_per_seed";
    static final List<String> METHODS = List.of("grid", "grid on validation", "sweep", "sweep as mean",
            "sweep+trials", "search", "pbt");

    /** One method in one cell. */
    public record Row(String problem, String optimizer, String schedule, String method, double meanLr, double accuracy,
                      double regretPoints, double cost, double[] lrs) {
        String csv() {
            StringBuilder seeds = new StringBuilder();
            for (double s : lrs) {
                seeds.append(seeds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2e", s));
            }
            return String.format(Locale.ROOT, "%s,%s,%s,%s,%.2e,%.4f,%.2f,%.2f,%s", problem, optimizer, schedule, method,
                    meanLr, accuracy, regretPoints, cost, seeds);
        }
    }

    @Command(name = "ladder", mixinStandardHelpOptions = true,
            description = "Cost and regret of the range test, the trials, the search and PBT on the same problems.")
    static final class Options {
        @Option(names = "--problems", split = ",", description = "digits, digits-cnn, fashion-cnn, any MLP table of "
                + "the finder benchmarks (letter, satellite, dna, spam, ...), or a fine-tuning problem "
                + "(letter-finetune, fashion-finetune), whose search and PBT start from the pretrained weights "
                + "(default: ${DEFAULT-VALUE}).")
        List<String> problems = List.of("digits", "digits-cnn");

        @Option(names = "--optimizers", split = ",", description = "adam, momentum (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("adam", "momentum");

        @Option(names = "--schedules", split = ",", description = "constant, cosine (default: ${DEFAULT-VALUE}).")
        List<String> schedules = List.of("constant", "cosine");

        @Option(names = "--seeds", description = "Seeds per cell (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--spark", description = "Also run every search on Spark with this master (e.g. local[2]) and "
                + "check that its result is identical.")
        String spark;

        @Option(names = "--epochs", description = "Budget in epochs for every problem instead of its own (the CNNs 3, "
                + "the MLPs 5), e.g. 1 for a quick run.")
        Integer epochs;

        @Option(names = "--onecycle", description = "For constant cells: epochs 1cycle needs, peaking at the search's "
                + "rate, to reach the best constant rate's accuracy.")
        boolean onecycle;

        @Option(names = "--methods", split = ",", description = "The methods after the grid's two rows: sweep, "
                + "\"sweep as mean\" (the sweep's rate as the schedule's mean: a cosine's peak twice it), "
                + "sweep+trials, search, pbt (default: all).")
        List<String> methods = METHODS.subList(2, METHODS.size());

        @Option(names = "--judge", description = "What the search, PBT and the grid's pick on the validation half "
                + "judge there: accuracy, or loss (minus the mean loss); the regret is the test half's accuracy "
                + "either way (default: ${DEFAULT-VALUE}).")
        String judge = "accuracy";

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    private LadderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    /** The epoch budget of a problem: 3 for the CNNs, 5 for an MLP. */
    static int epochs(String problem) {
        return problem.endsWith("-cnn") ? 3 : 5;
    }

    /** The index of the largest value, the first of equal ones. */
    static int argMax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            best = a[i] > a[best] ? i : best;
        }
        return best;
    }

    /** The updater of an optimizer at a rate or a schedule. */
    static IUpdater updater(String optimizer, double lr) {
        return optimizer.equals("adam") ? new Adam(lr) : new Nesterovs(lr, 0.9);
    }

    static IUpdater updater(String optimizer, ISchedule lr) {
        return optimizer.equals("adam") ? new Adam(lr) : new Nesterovs(lr, 0.9);
    }

    public static List<Row> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        if (!METHODS.subList(2, METHODS.size()).containsAll(o.methods)) {
            throw new IllegalArgumentException("Expected --methods among " + METHODS.subList(2, METHODS.size())
                    + ", but got " + o.methods);
        }
        if (o.onecycle && !o.methods.contains("search")) {
            throw new IllegalArgumentException("Expected --methods with search for --onecycle (1cycle peaks at the "
                    + "search's rate), but got " + o.methods);
        }
        if (!o.judge.equals("accuracy") && !o.judge.equals("loss")) {
            throw new IllegalArgumentException("Expected --judge accuracy or loss, but got " + o.judge);
        }
        List<Row> rows = new ArrayList<>();
        List<String> oneCycle = new ArrayList<>();
        List<String> sparkChecks = new ArrayList<>();
        JavaSparkContext sc = o.spark == null ? null : new JavaSparkContext(new SparkConf().setMaster(o.spark)
                .setAppName("dl4j-lr-ladder").set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        try {
            for (String problem : o.problems) {
                for (String optimizer : o.optimizers) {
                    for (String schedule : o.schedules) {
                        Cell cell = new Cell(problem, optimizer, schedule, o.seeds,
                                o.epochs != null ? o.epochs : epochs(problem), o.judge.equals("loss"), o.methods);
                        rows.addAll(cell.measure(sc, sparkChecks));
                        if (o.onecycle && schedule.equals("constant")) {
                            oneCycle.add(cell.oneCycle());
                        }
                        write(o, rows, oneCycle, sparkChecks);
                    }
                }
            }
        } finally {
            if (sc != null) {
                sc.close();
            }
        }
        return rows;
    }

    private static void write(Options o, List<Row> rows, List<String> oneCycle, List<String> sparkChecks)
            throws IOException {
        Files.createDirectories(o.out);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> csv.append(r.csv()).append('\n'));
        AtomicFile.writeString(o.out.resolve("ladder.csv"), csv.toString());
        StringBuilder md = new StringBuilder("| problem | optimizer | schedule | method | regret (points) | cost "
                + "(trainings) | rate |\n|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f | %.1e |%n",
                r.problem(), r.optimizer(), r.schedule(), r.method(), r.regretPoints(), r.cost(), r.meanLr())));
        sparkChecks.forEach(c -> md.append('\n').append(c));
        AtomicFile.writeString(o.out.resolve("ladder.md"), md.toString());
        if (!oneCycle.isEmpty()) {
            AtomicFile.writeString(o.out.resolve("onecycle-search.csv"), OneCycleStudy.Comparison.HEADER + "\n"
                    + String.join("\n", oneCycle) + "\n");
        }
    }

    /** One problem, optimizer and schedule. */
    private static final class Cell {
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

        Cell(String problem, String optimizer, String schedule, int seeds, int epochs, boolean byLoss,
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
                double autoAcc = methods.contains("sweep") ? train(auto, s) : Double.NaN;
                put(lrs, acc, cost, "sweep", s, auto, autoAcc, sweepCost);
                double peak = peakWithMean(auto);
                put(lrs, acc, cost, "sweep as mean", s, peak, !methods.contains("sweep as mean") ? Double.NaN
                        : peak == auto && methods.contains("sweep") ? autoAcc : train(peak, s), sweepCost);
                if (methods.contains("sweep+trials")) {
                    LrFinderResult trials = LearningRateFinder.builder().confirm(ConfirmMode.ALWAYS).build()
                            .find(fresh(1e-3, s), data.trainIterator());
                    double confirmed = trials.suggestion().orElse(auto);
                    put(lrs, acc, cost, "sweep+trials", s, confirmed, train(confirmed, s),
                            trials.totalIterations() / budget);
                }
                if (!methods.contains("search")) {
                    if (methods.contains("pbt")) {
                        putPbt(lrs, acc, cost, sweep, s, sweepCost);
                    }
                    continue;
                }
                SearchResult search = search(sweep, s, new LocalMemberTrainer(1));
                searchPeaks[s] = search.bestRate();
                put(lrs, acc, cost, "search", s, search.bestRate(), score(search.model(), s, false),
                        search.cost() + sweepCost);
                if (sc != null) {
                    SearchResult there = search(sweep, s, new SparkMemberTrainer(sc));
                    boolean same = there.history().equals(search.history()) && there.bestRate() == search.bestRate();
                    sparkChecks.add(String.format(Locale.ROOT, "%s seed %d: the search on Spark %s (best %.2e vs %.2e)",
                            label(), s, same ? "gave the identical result" : "DIFFERED", there.bestRate(),
                            search.bestRate()));
                    log.info(sparkChecks.get(sparkChecks.size() - 1));
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
            List<DataSet> all = ExampleModels.dataFor(problem, seed).test().asList();
            double loss = NetworkAdapter.of(m).meanLoss(new ListDataSetIterator<>(all.subList(0, all.size() / 2), 256));
            return Double.isFinite(loss) ? -loss : -Double.MAX_VALUE;
        }

        static double score(Model m, String problem, long seed, boolean validation) {
            if (!NetworkAdapter.finite(m.params())) {
                return 0;
            }
            DataSet test = ExampleModels.dataFor(problem, seed).test();
            int half = test.numExamples() / 2;
            List<DataSet> all = test.asList();
            List<DataSet> part = validation ? all.subList(0, half) : all.subList(half, all.size());
            return ((MultiLayerNetwork) m).evaluate(new ListDataSetIterator<>(part, 256)).accuracy();
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
                    return Cell.score(trained, problem, seed, false);
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
}
