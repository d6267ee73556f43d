package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.BenchmarkData.Split;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.ConfirmMode;
import io.github.dl4jlr.finder.FinderAudit;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.schedule.OneCycleSchedule;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
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
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;

/**
 * How good are the finder's suggestions? For each data set and optimizer a {@link FinderAudit} trains a fixed budget
 * at every LR of a half-decade grid (1e-5 ... 10) and at each rule's suggestion, averaged over seeds, and reports the
 * <b>regret</b>: best grid accuracy minus accuracy at the suggestion, in accuracy points. Problems (see
 * {@link BenchmarkData}): {@code iris} (MLP, 20 epochs), {@code blobs} (10-class Gaussian mixture, MLP, 3 epochs),
 * {@code digits} (UCI handwritten digits, MLP, 5 epochs), {@code digits-cnn} (the same digits as 8x8 images, a
 * small CNN, 3 epochs), {@code fashion-cnn} (a Fashion-MNIST subset at 14x14, a small CNN, 3 epochs), {@code letter}
 * (UCI letter recognition, 26 classes, MLP, 5 epochs), {@code satellite} (UCI Landsat, 6 classes, MLP, 5 epochs),
 * {@code vehicle} (UCI vehicle silhouettes, 4 classes, MLP, 20 epochs), {@code vowel} (UCI vowels, 11 classes, MLP,
 * 20 epochs), {@code dna} (UCI Statlog DNA splice junctions, 3 classes, 180 binary inputs, MLP, 10 epochs),
 * {@code spam} (UCI Spambase, 2 classes, 57 heavy-tailed inputs, MLP, 5 epochs), {@code glass} (UCI glass
 * identification, 6 types, 214 rows, MLP, 20 epochs), {@code shuttle} (6000 rows of UCI Statlog shuttle, 7 classes,
 * 79% one of them, MLP, 5 epochs), {@code soybean} (UCI soybean diseases, 19 classes, 99 one-hot inputs, 683 rows,
 * MLP, 10 epochs), {@code musk} (UCI musk, 2 classes, 166 inputs, 476 rows, MLP, 10 epochs), {@code cells} (cell
 * segmentation, 2 classes, 56 heavy-tailed inputs, 2019 rows, MLP, 10 epochs), {@code hpc} (computing jobs, 4
 * classes, 26 inputs, 4331 rows, MLP, 5 epochs), {@code churn} (telecom churn, 2 classes, 14% churned, 71 inputs,
 * 5000 rows, MLP, 5 epochs), {@code telco} (telco churn, 2 classes, 27% churned, 40 inputs, 7043 rows, MLP, 5
 * epochs), {@code credit} (credit scoring, 2 classes, 28% bad, 29 inputs, 4454 rows, MLP, 5 epochs),
 * {@code alzheimer} (Alzheimer's disease markers, 2 classes, 27% impaired, 135 inputs, 333 rows, MLP, 10 epochs),
 * {@code pima} (Pima Indians diabetes, 2 classes, 35% positive, 8 inputs, 768 rows, MLP, 10 epochs), {@code votes}
 * (1984 congressional votes, 2 parties, 32 indicators, 435 rows, MLP, 10 epochs), {@code sonar} (mines and rocks, 2
 * classes, 60 inputs, 208 rows, MLP, 10 epochs), {@code cytology} (the original Wisconsin breast cancer table, 2
 * classes, 9 inputs, 683 rows, MLP, 10 epochs), {@code bivariate} (Kuhn and Johnson's second two-predictor example,
 * 2019 rows, MLP, 10 epochs), {@code parabolic} (two classes split by a parabola, 2 inputs, 500 rows, MLP, 10
 * epochs), {@code grants} (grant applications, 2 classes, 218 inputs, 8190 rows, MLP, 5 epochs), {@code german}
 * (UCI Statlog German credit, 2 classes, 59 inputs, 1000 rows, MLP, 10 epochs), {@code simulated} (modeldata's
 * simulated two-class problem, 15 inputs, 3000 rows, MLP, 10 epochs), {@code diamonds} (the cut of round diamonds,
 * 5 classes, 22 inputs, 4000 rows, MLP, 10 epochs) and {@code survey} (marital status from a social survey, 5
 * classes, 46 inputs, 4000 rows, MLP, 10 epochs); and three regression tables, scored by the test R squared in
 * place of the accuracy (so regret is in points of R squared): {@code concrete} (concrete strength, 8 inputs, 1030
 * rows), {@code sacramento} (home prices, 8 inputs, 932 rows) and {@code biomass} (heating values, 5 inputs, 536
 * rows), MLPs with a mean squared error, 30 epochs; and a time series, {@code chicago} (Chicago L-train entries,
 * 650 training sequences of 14 days, an LSTM with a squared error at every step, 10 epochs, scored by the R squared
 * over all test steps); and two fine-tuning problems, {@code letter-finetune} (an MLP pretrained on the letters A to
 * M, its first layer frozen, a new head trained on 600 rows of N to Z, 10 epochs) and {@code fashion-finetune} (the
 * Fashion-MNIST CNN pretrained on classes 0 to 4, its convolutions frozen, a new head trained on 600 images of 5 to
 * 9, 10 epochs), and {@code satellite-finetune} and {@code digits-finetune} built the same way (see
 * {@code FineTuning}). The dog-breed demo's data is audited by the demo's own
 * {@code DemoFinderBenchmark}.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.SuggestionRegretBenchmark
 * </pre>
 * Writes {@code suggestion-regret.csv} (one row per problem and rule), {@code suggestion-trials.csv} (every
 * confirmation trial with the full-budget accuracy of its candidate), {@code suggestion-cost.csv} (the finder's
 * iterations and seconds) and {@code suggestion-grid.csv} (every grid rate's mean score) under {@code --out}, after
 * every data set and optimizer.
 */
public final class SuggestionRegretBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SuggestionRegretBenchmark.class);

    /** One problem's audit, and its 1cycle comparison when asked for (else null). */
    public record Cell(String dataset, String optimizer, FinderAudit.Result result, OneCycleStudy.Comparison oneCycle) {
        public String label() {
            return dataset + "/" + optimizer;
        }
    }

    @Command(name = "suggestion-regret", mixinStandardHelpOptions = true,
            description = "Regret of each LR-finder suggestion rule against the best LR of a half-decade grid.")
    static final class Options {
        @Option(names = "--seeds", description = "Seeds averaged per setting (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--datasets", split = ",",
                description = "iris, blobs, digits, digits-cnn, fashion-cnn, letter, satellite, vehicle, "
                        + "vowel, dna, spam, glass, shuttle, soybean, musk, cells, hpc, churn, telco, credit, "
                        + "alzheimer, pima, votes, sonar, cytology, bivariate, parabolic, grants, german, simulated, "
                        + "diamonds, survey, the regression tables concrete, sacramento, biomass, the time series "
                        + "chicago, and letter-finetune, fashion-finetune, satellite-finetune and digits-finetune, "
                        + "pretrained networks fine-tuned with a new head, and vehicle-resnet and glass-resnet, "
                        + "a ComputationGraph with a residual connection on those tables (default: ${DEFAULT-VALUE}).")
        List<String> datasets = List.of("iris", "blobs", "digits");

        @Option(names = "--optimizers", split = ",",
                description = "adam, sgd-momentum (Nesterov 0.9), rmsprop, adagrad (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("adam", "sgd-momentum", "rmsprop", "adagrad");

        @Option(names = "--budget-multiplier", description = "Train this many times the default epochs (default: 1).")
        int budgetMultiplier = 1;

        @Option(names = "--grid-min-exp", description = "Smallest grid LR is 10^this (default: ${DEFAULT-VALUE}).")
        int gridMinExp = -5;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");

        @Option(names = "--curves", description = "Also write every range-test curve as <dataset>-<optimizer>-<seed>.csv here.")
        Path curves;

        @Option(names = "--onecycle", description = "Also compare 1cycle (peak: the finder's suggestion) with the best "
                + "constant rate: epochs to reach its accuracy (up to twice the budget).")
        boolean onecycle;
    }

    private SuggestionRegretBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static List<Cell> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        List<Cell> cells = new ArrayList<>();
        for (String dataset : o.datasets) {
            for (String optimizer : o.optimizers) {
                FinderAudit.Problem problem = problem(dataset, o.budgetMultiplier);
                FinderAudit audit = FinderAudit.builder()
                        .problem(problem)
                        .updater(updater(optimizer))
                        .grid(FinderAudit.halfDecades(Math.pow(10, o.gridMinExp), 10))
                        .seeds(o.seeds)
                        .finder(LearningRateFinder.builder().confirm(ConfirmMode.ALWAYS).build())
                        .build();
                FinderAudit.Result r = audit.run();
                OneCycleStudy.Comparison oc = o.onecycle ? oneCycle(problem, o.seeds, r, optimizer, dataset) : null;
                Cell cell = new Cell(dataset, optimizer, r, oc);
                cells.add(cell);
                log.info(summary(cell));
                if (o.curves != null) {
                    for (int s = 0; s < o.seeds; s++) {
                        r.finderRuns().get(s).writeCsv(o.curves.resolve(dataset + "-" + optimizer + "-" + s + ".csv"));
                        r.finderRuns().get(s).writeTrialsCsv(o.curves.resolve(dataset + "-" + optimizer + "-" + s
                                + "-trials.csv"));
                    }
                }
                writeAll(o, cells);                    // after every cell, so a long run's results survive a stop
            }
        }
        return cells;
    }

    /** 1cycle peaking at each seed's finder suggestion against the best constant grid rate. */
    private static OneCycleStudy.Comparison oneCycle(FinderAudit.Problem problem, int seeds, FinderAudit.Result r,
                                                     String optimizer, String dataset) {
        double[] peaks = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            peaks[s] = r.finderRuns().get(s).suggestion().orElse(r.bestLearningRate());
        }
        return new OneCycleStudy(problem, seeds).compare(r.bestScore(), r.bestLearningRate(), updater(optimizer),
                scheduled(optimizer), peaks, iterationsPerEpoch(dataset), 2 * problem.epochs());
    }

    /** The updater for a learning-rate schedule over {@code total} iterations: 1cycle momentum for Nesterov. */
    static BiFunction<ISchedule, Integer, IUpdater> scheduled(String optimizer) {
        return switch (optimizer) {
            case "adam" -> (lr, total) -> new Adam(lr);
            case "sgd-momentum" -> (lr, total) -> new Nesterovs(lr, OneCycleSchedule.momentum(ScheduleType.ITERATION,
                    0.85, 0.95, total, 0.3, OneCycleSchedule.Anneal.COS, false));
            case "rmsprop" -> (lr, total) -> new RmsProp(lr);
            case "adagrad" -> (lr, total) -> new AdaGrad(lr);
            default -> throw new IllegalArgumentException("Expected optimizer adam, sgd-momentum, rmsprop or adagrad, "
                    + "but got " + optimizer);
        };
    }

    private static int iterationsPerEpoch(String dataset) {
        Split split = ExampleModels.dataFor(dataset, 0);
        return (split.train().numExamples() + split.batchSize() - 1) / split.batchSize();
    }

    /** The updater of each optimizer at a fixed learning rate. */
    static DoubleFunction<IUpdater> updater(String name) {
        return switch (name) {
            case "adam" -> Adam::new;
            case "sgd-momentum" -> lr -> new Nesterovs(lr, 0.9);
            case "rmsprop" -> RmsProp::new;
            case "adagrad" -> AdaGrad::new;
            default -> throw new IllegalArgumentException("Expected optimizer adam, sgd-momentum, rmsprop or adagrad, but got "
                    + name);
        };
    }

    /** A data set with its model and training budget (epochs times {@code budgetMultiplier}). */
    static FinderAudit.Problem problem(String dataset, int budgetMultiplier) {
        Map<Integer, Split> splits = new LinkedHashMap<>();
        int epochs = budgetMultiplier * switch (dataset) {
            case "iris" -> 20;
            case "digits" -> 5;
            case "blobs", "digits-cnn", "fashion-cnn" -> 3;
            case "letter", "satellite", "spam", "shuttle", "hpc", "churn", "telco", "credit", "grants" -> 5;
            case "vehicle", "vehicle-resnet", "vowel", "glass", "glass-resnet" -> 20;
            case "dna", "soybean", "musk", "cells", "alzheimer", "pima", "votes", "sonar", "cytology", "bivariate",
                 "parabolic", "german", "simulated", "diamonds", "survey" -> 10;
            case "concrete", "sacramento", "biomass" -> 30;
            case "chicago", "letter-finetune", "fashion-finetune", "satellite-finetune", "digits-finetune" -> 10;
            default -> throw new IllegalArgumentException("Expected dataset iris, blobs, digits, digits-cnn, "
                    + "fashion-cnn, letter, satellite, vehicle, vowel, dna, spam, glass, shuttle, soybean, musk, "
                    + "cells, hpc, churn, telco, credit, alzheimer, pima, votes, sonar, cytology, bivariate, "
                    + "parabolic, grants, german, simulated, diamonds, survey, concrete, sacramento, biomass, "
                    + "chicago, letter-finetune, fashion-finetune, satellite-finetune, digits-finetune, "
                    + "vehicle-resnet or glass-resnet, but got "
                    + dataset);
        };
        return new FinderAudit.Problem() {
            private Split split(int seed) {
                return splits.computeIfAbsent(seed, s -> ExampleModels.dataFor(dataset, s));
            }

            public Model model(IUpdater updater, int seed) {
                return ExampleModels.model(dataset, split(seed), updater, seed);
            }

            public DataSetIterator train(int seed, int epoch) {
                return split(seed).trainIterator();
            }

            public double score(Model trained, int seed) {
                return ExampleModels.testScore(trained, split(seed));
            }

            public int epochs() {
                return epochs;
            }
        };
    }

    private static void writeAll(Options o, List<Cell> cells) throws IOException {
        String suffix = o.budgetMultiplier == 1 ? "" : "-x" + o.budgetMultiplier;
        write(o.out.resolve("suggestion-regret" + suffix + ".csv"), FinderAudit.REGRET_HEADER, cells,
                c -> c.result().regretRows(c.label()));
        write(o.out.resolve("suggestion-trials" + suffix + ".csv"), FinderAudit.TRIALS_HEADER, cells,
                c -> c.result().trialRows(c.label()));
        write(o.out.resolve("suggestion-cost" + suffix + ".csv"), FinderAudit.COST_HEADER, cells,
                c -> c.result().costRows(c.label()));
        write(o.out.resolve("suggestion-grid" + suffix + ".csv"), "problem,lr,score", cells, c -> {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < c.result().grid().length; i++) {
                rows.add(String.format(Locale.ROOT, "%s,%.4e,%.4f", c.label(), c.result().grid()[i],
                        c.result().gridScores()[i]));
            }
            return rows;
        });
        if (o.onecycle) {
            write(o.out.resolve("onecycle" + suffix + ".csv"), OneCycleStudy.Comparison.HEADER, cells,
                    c -> List.of(c.oneCycle().csvRow(c.label())));
        }
    }

    static String summary(Cell c) {
        return String.format(Locale.ROOT, "%s: best grid lr %.1e acc %.4f (its grid neighbours lose %s);", c.label(),
                c.result().bestLearningRate(), c.result().bestScore(),
                neighbourRegrets(c.result().grid(), c.result().gridScores())) + c.result().regretSummary();
    }

    /**
     * The regret, in points, of the grid rates on either side of the best one: where both exceed a point, only a rate
     * within about 1.8x of the best is sure to be within a point.
     */
    static String neighbourRegrets(double[] grid, double[] scores) {
        int best = LadderBenchmark.argMax(scores);
        List<String> parts = new ArrayList<>();
        for (int i : new int[]{best - 1, best + 1}) {
            if (i >= 0 && i < grid.length) {
                parts.add(String.format(Locale.ROOT, "%.2f at %.1e", 100 * (scores[best] - scores[i]), grid[i]));
            }
        }
        return String.join(", ", parts);
    }

    interface Rows {
        List<String> of(Cell c);
    }

    private static void write(Path file, String header, List<Cell> cells, Rows rows) throws IOException {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (Cell c : cells) {
            rows.of(c).forEach(r -> b.append(r).append('\n'));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        io.github.dl4jlr.internal.util.AtomicFile.writeString(file, b.toString());
    }
}
