package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.finder.UpdaterFamily;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.TrainingSnapshot;
import io.github.dl4jlr.internal.util.AtomicFile;
import io.github.dl4jlr.tuning.LearningRateSearch;
import io.github.dl4jlr.tuning.LocalMemberTrainer;
import io.github.dl4jlr.tuning.SearchResult;
import io.github.dl4jlr.tuning.TrainingData;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The finder on a network that is already trained, the user's case of a finder run in the middle of training: train a
 * few epochs at a usual rate, run {@code find} with its defaults, then continue training for a few epochs at the
 * suggestion and at every rate of a half-decade grid (1e-5 ... 1), each from the same trained state. Reports, per
 * problem and optimizer, the grid's best continuation rate, the suggestion (geometric mean over seeds), how far apart
 * they are, and the accuracy lost (mean over seeds), next to that lost by continuing at the rate the network trained at
 * (when the grid has it, as the default grid does).
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml -cp dl4j-lr-examples/target/dl4j-lr-examples.jar \
 *        io.github.dl4jlr.examples.benchmark.TrainedNetworkBenchmark --problems blobs,digits,digits-cnn
 * </pre>
 * With {@code --validation} the last fifth of each training split is held out from every training of the cell (before
 * the finder, the finder's own steps and trials, the continuations) and given to the finder as its validation
 * iterator, as a user with a validation set would; without it the finder holds back training minibatches that the
 * network has trained on.
 * With {@code --search} too, where the rate the network trained at and the suggestion lie more than 3x apart (and no
 * updater is Adam-type), {@code LearningRateSearch} runs from the trained network over those two rates for the
 * continuation's epochs, judged on the held-out fifth; the cell then reports searching there: the search's winner where
 * it ran, the suggestion elsewhere; {@code --search-adam} searches for Adam-type updaters too. (The evidence for and
 * against a finder line that would name that search.)
 * Writes {@code trained-network.csv} under {@code --out}.
 */
public final class TrainedNetworkBenchmark {

    private static final Logger log = LoggerFactory.getLogger(TrainedNetworkBenchmark.class);
    static final String HEADER = "problem,optimizer,best_grid_lr,best_grid_accuracy,suggestion,suggestion_accuracy,"
            + "ratio,regret_points,flat_curves,extended,left_out,suggestions_per_seed,kept_lr,kept_accuracy,"
            + "kept_regret_points,searched,advised_accuracy,advised_regret_points";

    /**
     * One problem and optimizer. {@code keptLr} is the rate the network trained at before the finder ran, and
     * {@code keptAccuracy} the score of continuing at it, what a user who ignores the finder gets (NaN when the grid
     * does not have that rate). With {@code --search}, {@code advisedAccuracy} is the score of searching where the two
     * rates lie far apart: the search between them in the {@code searched} seeds, the suggestion in the others (NaN
     * without {@code --search}).
     */
    public record Cell(String problem, String optimizer, double bestLr, double bestAccuracy, double suggestion,
                       double suggestionAccuracy, int flat, int extended, int broken, double[] perSeed,
                       double keptLr, double keptAccuracy, int searched, double advisedAccuracy) {
        /** How far the suggestion lies from the grid's best, as a factor {@code >= 1}. */
        public double ratio() {
            return apart(suggestion, bestLr);
        }

        public double regretPoints() {
            return 100 * (bestAccuracy - suggestionAccuracy);
        }

        /** The points lost by continuing at the rate the network trained at, against the grid's best. */
        public double keptRegretPoints() {
            return 100 * (bestAccuracy - keptAccuracy);
        }

        /** The points lost by searching where the two rates lie far apart, against the grid's best. */
        public double advisedRegretPoints() {
            return 100 * (bestAccuracy - advisedAccuracy);
        }

        String csv() {
            StringBuilder seeds = new StringBuilder();
            for (double s : perSeed) {
                seeds.append(seeds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2e", s));
            }
            return String.format(Locale.ROOT, "%s,%s,%.2e,%.4f,%.2e,%.4f,%.2f,%.2f,%d,%d,%d,%s,%.2e,%.4f,%.2f,%d,%.4f,"
                    + "%.2f", problem, optimizer, bestLr, bestAccuracy, suggestion, suggestionAccuracy, ratio(),
                    regretPoints(), flat, extended, broken, seeds, keptLr, keptAccuracy, keptRegretPoints(), searched,
                    advisedAccuracy, advisedRegretPoints());
        }
    }

    @Command(name = "trained-network", mixinStandardHelpOptions = true,
            description = "The finder's suggestion on trained networks against a grid of continuation rates.")
    static final class Options {
        @Option(names = "--problems", split = ",", description = "blobs, digits, digits-cnn, fashion-cnn, "
                + "breast-cancer, wine, letter, satellite, vehicle, vowel, dna, spam, glass, shuttle, soybean, musk, "
                + "cells, hpc, churn, telco, credit, alzheimer, pima, votes, sonar, cytology, bivariate, parabolic, "
                + "grants, german, simulated, diamonds, survey, and the LSTM on the chicago sequences (scored by the "
                + "test R squared) (default: ${DEFAULT-VALUE}).")
        List<String> problems = List.of("blobs", "digits", "digits-cnn");

        @Option(names = "--optimizers", split = ",", description = "adam, momentum (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("adam", "momentum");

        @Option(names = "--seeds", description = "Seeds per cell (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--grid", split = ",", description = "Continuation rates instead of the half-decades 1e-5 ... 1, "
                + "e.g. 1e-3,1e-2 for a quick run.")
        double[] grid;

        @Option(names = "--validation", description = "Hold out the last fifth of the training rows and give them to "
                + "the finder as its validation iterator.")
        boolean validation;

        @Option(names = "--search", description = "With --validation: where the suggestion lies more than 3x from the "
                + "rate the network trained at (no Adam-type updater), also run LearningRateSearch from the trained "
                + "network over both rates for the continuation's epochs, judged on the held-out fifth; reports "
                + "searching there (the search's winner there, the suggestion elsewhere).")
        boolean search;

        @Option(names = "--search-adam", description = "With --search: search for Adam-type updaters too.")
        boolean searchAdam;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    private TrainedNetworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    /** Epochs of training before the finder runs, and after it. */
    static int[] budget(String problem) {
        return switch (problem) {
            case "blobs" -> new int[]{3, 3};
            case "digits" -> new int[]{5, 3};
            case "vehicle", "vowel", "glass" -> new int[]{10, 10};
            case "dna", "soybean", "musk", "cells", "alzheimer", "pima", "votes", "sonar", "cytology", "bivariate",
                 "parabolic", "german", "simulated", "diamonds", "survey" -> new int[]{5, 5};
            case "spam", "shuttle", "hpc", "churn", "telco", "credit", "grants" -> new int[]{3, 3};
            case "chicago" -> new int[]{5, 5};
            default -> new int[]{2, 2};
        };
    }

    public static List<Cell> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        double[] grid = o.grid != null ? o.grid : io.github.dl4jlr.finder.FinderAudit.halfDecades(1e-5, 1);
        if (o.search && !o.validation) {
            throw new IllegalArgumentException("Expected --validation with --search: the search judges its candidates "
                    + "on the held-out fifth");
        }
        if (o.searchAdam && !o.search) {
            throw new IllegalArgumentException("Expected --search with --search-adam: it widens where --search runs");
        }
        List<Cell> cells = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String problem : o.problems) {
            for (String optimizer : o.optimizers) {
                double[] gridAcc = new double[grid.length];
                List<Double> suggestions = new ArrayList<>();
                double suggestionAcc = 0;
                double advisedAcc = 0;
                int searched = 0;
                double kept = usualRate(optimizer);
                int keptInGrid = indexOf(grid, kept);
                int flat = 0;
                int extended = 0;
                int broken = 0;
                for (int s = 0; s < o.seeds; s++) {
                    BenchmarkData.Split data = ExampleModels.dataFor(problem, s);
                    BenchmarkData.Split validation = null;
                    if (o.validation) {
                        BenchmarkData.Split[] parts = data.holdOutFifth();
                        data = parts[0];
                        validation = parts[1];
                    }
                    MultiLayerNetwork net = ExampleModels.forProblem(problem, data, LadderBenchmark.updater(optimizer, kept),
                            s);
                    NetworkAdapter adapter = NetworkAdapter.of(net);
                    net.fit(data.trainIterator(), budget(problem)[0]);
                    TrainingSnapshot trained = TrainingSnapshot.capture(adapter);
                    LearningRateFinder.Builder finder = LearningRateFinder.builder();
                    if (validation != null) {
                        finder.validation(validation.trainIterator());
                    }
                    LrFinderResult r = finder.build().find(net, data.trainIterator());
                    log.info("{}/{} seed {}: {}", problem, optimizer, s, r.summary());
                    if (r.startLoss() > r.chanceLoss()) {
                        broken++;                       // training failed before the finder ran: not a trained network
                        continue;
                    }
                    double suggestion = r.suggestion().orElse(kept);
                    suggestions.add(suggestion);
                    flat += r.flat() ? 1 : 0;
                    extended += r.confirmation().map(c -> c.bracket().contains("extended") ? 1 : 0).orElse(0);
                    double atSuggestion = continueAt(adapter, trained, data, suggestion, budget(problem)[1]);
                    suggestionAcc += atSuggestion;
                    // a search between the two rates where they lie far apart; it leaves the network as it was
                    boolean familySearched = o.searchAdam
                            || r.updaterFamily().orElse(UpdaterFamily.ADAM) == UpdaterFamily.OTHER;
                    if (o.search && r.trained() && familySearched && apart(suggestion, kept) > 3) {
                        advisedAcc += searchBetween(net, problem, s, data, Math.min(suggestion, kept),
                                Math.max(suggestion, kept));
                        searched++;
                    } else {
                        advisedAcc += atSuggestion;
                    }
                    for (int g = 0; g < grid.length; g++) {
                        gridAcc[g] += continueAt(adapter, trained, data, grid[g], budget(problem)[1]);
                    }
                }
                int used = suggestions.size();
                if (used == 0) {
                    log.warn("{}/{}: every seed's training failed before the finder ran; no cell", problem, optimizer);
                    continue;
                }
                suggestionAcc /= used;
                for (int g = 0; g < grid.length; g++) {
                    gridAcc[g] /= used;
                }
                double keptAcc = keptInGrid >= 0 ? gridAcc[keptInGrid] : Double.NaN;
                advisedAcc = o.search ? advisedAcc / used : Double.NaN;
                int best = 0;
                for (int g = 1; g < grid.length; g++) {
                    if (gridAcc[g] > gridAcc[best]) {
                        best = g;
                    }
                }
                double geo = 0;
                for (double v : suggestions) {
                    geo += Math.log(v) / used;
                }
                Cell cell = new Cell(problem, optimizer, grid[best], gridAcc[best], Math.exp(geo), suggestionAcc, flat,
                        extended, broken, suggestions.stream().mapToDouble(Double::doubleValue).toArray(),
                        kept, keptAcc, searched, advisedAcc);
                cells.add(cell);
                csv.append(cell.csv()).append('\n');
                log.info(String.format(Locale.ROOT, "%s/%s: grid best %.1e (%.4f), suggestion %.1e (%.4f): %.1fx apart, "
                                + "regret %.2f points (%.2f at the rate it trained at, %.0e; %.2f searching where "
                                + "far apart, "
                                + "%d search(es)); %d of %d curves flat; %d seed(s) left out, their training failed",
                        problem, optimizer, cell.bestLr(), cell.bestAccuracy(), cell.suggestion(),
                        cell.suggestionAccuracy(), cell.ratio(), cell.regretPoints(), cell.keptRegretPoints(),
                        cell.keptLr(), cell.advisedRegretPoints(), searched, flat, used, broken));
                Path file = o.out.resolve("trained-network.csv");
                Files.createDirectories(file.toAbsolutePath().getParent());
                AtomicFile.writeString(file, csv.toString());
            }
        }
        return cells;
    }

    /**
     * The test score of {@link LearningRateSearch} from the trained network's weights over {@code [low, high]} for the
     * continuation's epochs, judged on the held-out fifth of seed {@code seed}'s training rows (the split that
     * {@code data} is the rest of); the network itself is left as it was.
     */
    private static double searchBetween(MultiLayerNetwork net, String problem, int seed, BenchmarkData.Split data,
                                        double low, double high) {
        SearchResult r = LearningRateSearch.builder().network(net)
                .trainData(TrainingData.of(() -> ExampleModels.dataFor(problem, seed).holdOutFifth()[0]
                        .trainIterator()))
                .evaluator(m -> validationScore(m, problem, seed))
                .epochs(budget(problem)[1]).bracket(low, high).trainer(new LocalMemberTrainer(1)).build().run();
        MultiLayerNetwork winner = (MultiLayerNetwork) r.model();
        return NetworkAdapter.finite(winner.params()) ? ExampleModels.testScore(winner, data) : 0;
    }

    /** The score on the held-out fifth of a seed's training rows; 0 when the parameters are not finite. */
    private static double validationScore(Model m, String problem, int seed) {
        if (!NetworkAdapter.finite(m.params())) {
            return 0;
        }
        BenchmarkData.Split v = ExampleModels.dataFor(problem, seed).holdOutFifth()[1];
        return ExampleModels.testScore((MultiLayerNetwork) m, new BenchmarkData.Split(v.name(), v.train(), v.train(),
                v.batchSize(), v.classes()));
    }

    /** How far apart two rates lie, as a factor {@code >= 1}. */
    static double apart(double a, double b) {
        return Math.max(a / b, b / a);
    }

    /** The index of {@code rate} in {@code grid} (to a relative 1e-9), or -1. */
    static int indexOf(double[] grid, double rate) {
        for (int g = 0; g < grid.length; g++) {
            if (Math.abs(grid[g] / rate - 1) < 1e-9) {
                return g;
            }
        }
        return -1;
    }

    /** The rate the "user" trained with before running the finder. */
    static double usualRate(String optimizer) {
        return optimizer.equals("adam") ? 1e-3 : 1e-2;
    }

    /**
     * Test accuracy (the R squared on a regression or sequence split; 0 when the parameters blew up) after continuing
     * from {@code trained} at a fixed {@code lr} for {@code epochs}.
     */
    private static double continueAt(NetworkAdapter net, TrainingSnapshot trained, BenchmarkData.Split data, double lr,
                                     int epochs) {
        trained.restoreInto(net);
        for (IUpdater u : net.trainedUpdaters()) {
            u.setLrAndSchedule(lr, null);
        }
        for (int e = 0; e < epochs; e++) {
            net.fit(data.trainIterator());
        }
        double acc = NetworkAdapter.finite(net.params())
                ? ExampleModels.testScore((MultiLayerNetwork) net.model(), data) : 0;
        trained.restoreInto(net);
        return acc;
    }
}
