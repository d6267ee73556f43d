package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.examples.data.BenchmarkData.Split;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.finder.SuggestionMethod;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * How good are the finder's suggestions? For each data set and optimizer it trains a fixed budget at every LR of
 * a half-decade grid (1e-5 ... 10) and at each rule's suggestion, averaged over seeds, and reports the
 * <b>regret</b>: best grid accuracy minus accuracy at the suggestion, in accuracy points. Data sets (see
 * {@link BenchmarkData}): {@code iris} (MLP, 20 epochs), {@code blobs} (MLP, 3 epochs), {@code digits} (UCI
 * handwritten digits, MLP, 5 epochs; added after the default rule was chosen, as a held-out check) and
 * {@code dogs}, the dog-breed demo's generated 120-class images through the demo's own pipeline and CNN (16x16,
 * 16 images per class, 3 epochs: a reduced scale so the grid fits in minutes). The range test runs once per seed
 * with the finder's defaults; {@code --curves} keeps those curves.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.SuggestionRegretBenchmark
 * </pre>
 */
public final class SuggestionRegretBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SuggestionRegretBenchmark.class);

    /** One (data set, optimizer, rule) outcome. */
    public record Row(String dataset, String optimizer, String rule, double suggestedLr, double accuracy,
                      double bestGridLr, double bestGridAccuracy) {
        public double regretPoints() {
            return 100 * (bestGridAccuracy - accuracy);
        }
    }

    @Command(name = "suggestion-regret", mixinStandardHelpOptions = true,
            description = "Regret of each LR-finder suggestion rule against the best LR of a half-decade grid.")
    static final class Options {
        @Option(names = "--seeds", description = "Seeds averaged per setting (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--datasets", split = ",",
                description = "iris, blobs, digits, dogs (default: ${DEFAULT-VALUE}).")
        List<String> datasets = List.of("iris", "blobs", "digits");

        @Option(names = "--optimizers", split = ",",
                description = "adam, sgd-momentum (Nesterov 0.9), rmsprop, adagrad (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("adam", "sgd-momentum");

        @Option(names = "--cache-dir", description = "Where the dogs data is generated (default: ~/.cache/dl4j-lr).")
        Path cacheDir = Paths.get(System.getProperty("user.home"), ".cache", "dl4j-lr");

        @Option(names = "--grid-min-exp", description = "Smallest grid LR is 10^this (default: ${DEFAULT-VALUE}).")
        int gridMinExp = -5;

        @Option(names = "--out", description = "CSV output (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks", "suggestion-regret.csv");

        @Option(names = "--curves", description = "Also write every range-test curve as <dataset>-<optimizer>-<seed>.csv here.")
        Path curves;
    }

    /** The rules compared, by name: every concrete method, and the default (AUTO, resolved per updater). */
    static Map<String, Function<LrFinderResult, OptionalDouble>> rules() {
        Map<String, Function<LrFinderResult, OptionalDouble>> m = new LinkedHashMap<>();
        for (SuggestionMethod method : SuggestionMethod.values()) {
            if (method.isConcrete()) {
                m.put(method.label(), r -> r.suggestion(method));
            }
        }
        m.put("default", LrFinderResult::suggestion);
        return m;
    }

    private SuggestionRegretBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        run(args);
    }

    public static List<Row> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (String dataset : o.datasets) {
            for (String optimizer : o.optimizers) {
                rows.addAll(evaluate(dataset, optimizer, updater(optimizer), o));
            }
        }
        writeCsv(o.out, rows);
        logSummary(rows);
        return rows;
    }

    private static DoubleFunction<IUpdater> updater(String name) {
        return switch (name) {
            case "adam" -> Adam::new;
            case "sgd-momentum" -> lr -> new Nesterovs(lr, 0.9);
            case "rmsprop" -> RmsProp::new;
            case "adagrad" -> AdaGrad::new;
            default -> throw new IllegalArgumentException("Expected optimizer adam, sgd-momentum, rmsprop or adagrad, but got "
                    + name);
        };
    }

    /** A data set with its model and training budget. */
    interface Problem {
        MultiLayerNetwork model(IUpdater updater, long seed);

        DataSetIterator train(long seed, int epoch);

        DataSetIterator test();

        int epochs();
    }

    private static Problem problem(String dataset, long seed, Path cacheDir) {
        Split split = switch (dataset) {
            case "iris" -> BenchmarkData.iris(seed);
            case "blobs" -> BenchmarkData.blobs(seed);
            case "digits" -> BenchmarkData.digits(seed);
            default -> throw new IllegalArgumentException("Expected dataset iris, blobs, digits or dogs, but got "
                    + dataset);
        };
        return new Problem() {
            public MultiLayerNetwork model(IUpdater updater, long s) {
                return SuggestionRegretBenchmark.model(split, updater, s);
            }

            public DataSetIterator train(long s, int epoch) {
                return split.trainIterator();
            }

            public DataSetIterator test() {
                return split.testIterator();
            }

            public int epochs() {
                return switch (dataset) {
                    case "iris" -> 20;
                    case "digits" -> 5;
                    default -> 3;
                };
            }
        };
    }

    private static List<Row> evaluate(String dataset, String optimizer, DoubleFunction<IUpdater> updater, Options o)
            throws IOException {
        int seeds = o.seeds;
        Path cacheDir = o.cacheDir;
        List<Double> grid = new ArrayList<>();
        for (int k = 2 * o.gridMinExp; k <= 2; k++) {
            grid.add(Math.pow(10, k / 2.0));
        }
        double bestLr = Double.NaN;
        double bestAcc = -1;
        for (double lr : grid) {
            double acc = meanAccuracy(dataset, updater, lr, seeds, cacheDir);
            log.info("{} {} grid lr={} accuracy={}", dataset, optimizer, fmt(lr), String.format(Locale.ROOT, "%.4f", acc));
            if (acc > bestAcc) {
                bestAcc = acc;
                bestLr = lr;
            }
        }
        Map<String, Function<LrFinderResult, OptionalDouble>> rules = rules();
        Map<String, double[]> suggestedPerSeed = new LinkedHashMap<>();
        for (String rule : rules.keySet()) {
            suggestedPerSeed.put(rule, new double[seeds]);
        }
        for (int s = 0; s < seeds; s++) {
            Problem p = problem(dataset, s, cacheDir);
            MultiLayerNetwork probe = p.model(updater.apply(1e-3), s);
            LrFinderResult r = LearningRateFinder.builder().build().find(probe, p.train(s, 0));
            if (o.curves != null) {
                r.writeCsv(o.curves.resolve(dataset + "-" + optimizer + "-" + s + ".csv"));
            }
            for (Map.Entry<String, Function<LrFinderResult, OptionalDouble>> rule : rules.entrySet()) {
                suggestedPerSeed.get(rule.getKey())[s] = rule.getValue().apply(r).orElse(Double.NaN);
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Double> trained = new HashMap<>();   // training is deterministic, and AUTO repeats a rule
        for (Map.Entry<String, double[]> e : suggestedPerSeed.entrySet()) {
            double sum = 0;
            double logLr = 0;
            for (int s = 0; s < seeds; s++) {
                double lr = e.getValue()[s];
                int seed = s;
                sum += Double.isFinite(lr) ? trained.computeIfAbsent(seed + "@" + lr,
                        k -> accuracy(problem(dataset, seed, cacheDir), updater, lr, seed)) : 0;
                logLr += Math.log(lr);
            }
            rows.add(new Row(dataset, optimizer, e.getKey(), Math.exp(logLr / seeds), sum / seeds, bestLr, bestAcc));
        }
        return rows;
    }

    private static double meanAccuracy(String dataset, DoubleFunction<IUpdater> updater, double lr, int seeds,
                                       Path cacheDir) {
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            sum += accuracy(problem(dataset, s, cacheDir), updater, lr, s);
        }
        return sum / seeds;
    }

    /** Trains a fresh model for the fixed budget at {@code lr} and returns its test accuracy. */
    private static double accuracy(Problem p, DoubleFunction<IUpdater> updater, double lr, int seed) {
        MultiLayerNetwork net = p.model(updater.apply(lr), seed);
        for (int e = 0; e < p.epochs(); e++) {
            net.fit(p.train(seed, e));
        }
        if (!Double.isFinite(net.params().sumNumber().doubleValue())) {
            return 0;   // diverged: DL4J refuses to evaluate NaN predictions
        }
        return net.evaluate(p.test()).accuracy();
    }

    static MultiLayerNetwork model(Split split, IUpdater updater, long seed) {
        return ExampleModels.mlp(split, updater, seed, 64, 64);
    }

    private static void writeCsv(Path out, List<Row> rows) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("dataset,optimizer,rule,suggested_lr,accuracy,best_grid_lr,best_grid_accuracy,regret_points");
            w.newLine();
            for (Row r : rows) {
                w.write(String.format(Locale.ROOT, "%s,%s,%s,%.3e,%.4f,%.3e,%.4f,%.2f", r.dataset(), r.optimizer(), r.rule(),
                        r.suggestedLr(), r.accuracy(), r.bestGridLr(), r.bestGridAccuracy(), r.regretPoints()));
                w.newLine();
            }
        }
    }

    private static void logSummary(List<Row> rows) {
        for (Row r : rows) {
            log.info(String.format(Locale.ROOT, "regret %-6s %-13s %-11s suggested=%.1e acc=%.4f best=%.4f@%.1e regret=%.2f points",
                    r.dataset(), r.optimizer(), r.rule(), r.suggestedLr(), r.accuracy(), r.bestGridAccuracy(),
                    r.bestGridLr(), r.regretPoints()));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
