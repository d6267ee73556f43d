package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.updater.LearningRateFree;
import io.github.dl4jlr.updater.Prodigy;
import io.github.dl4jlr.updater.ScheduleFreeAdamW;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
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
import java.util.function.Function;

/**
 * Training without choosing a learning rate: Prodigy and Schedule-Free AdamW at their authors' defaults against Adam
 * at the best rate of a half-decade grid (1e-4 ... 1e-1), constant and under a cosine decay to zero over the budget,
 * on the regret benchmark's problems. Test accuracy, mean over seeds; nothing is tuned for the two.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml -cp dl4j-lr-examples/target/dl4j-lr-examples.jar \
 *        io.github.dl4jlr.examples.benchmark.LearningRateFreeBenchmark --problems iris,blobs,digits,digits-cnn,fashion-cnn
 * </pre>
 * Writes {@code lr-free.csv} (one row per problem and method) under {@code --out}.
 */
public final class LearningRateFreeBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LearningRateFreeBenchmark.class);
    static final double[] GRID = {1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2, 3.16e-2, 1e-1};
    static final String HEADER = "problem,method,best_lr,accuracy,accuracy_per_seed";

    /** One method's outcome on one problem. */
    public record Row(String problem, String method, double lr, double accuracy, double[] perSeed) {
        String csv() {
            StringBuilder seeds = new StringBuilder();
            for (double a : perSeed) {
                seeds.append(seeds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", a));
            }
            return String.format(Locale.ROOT, "%s,%s,%s,%.4f,%s", problem, method, Double.isNaN(lr) ? "" : lr, accuracy,
                    seeds);
        }
    }

    @Command(name = "lr-free", mixinStandardHelpOptions = true,
            description = "Prodigy and Schedule-Free AdamW at their defaults against grid-tuned Adam.")
    static final class Options {
        @Option(names = "--problems", split = ",", description = "iris, blobs, digits, digits-cnn, fashion-cnn "
                + "(default: ${DEFAULT-VALUE}).")
        List<String> problems = List.of("iris", "blobs", "digits", "digits-cnn", "fashion-cnn");

        @Option(names = "--seeds", description = "Seeds per setting (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--grid", split = ",", description = "Adam's rates instead of the half-decades 1e-4 ... 1e-1, "
                + "e.g. 1e-3,1e-2 for a quick run.")
        double[] grid = GRID;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    private LearningRateFreeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    /** The regret benchmark's budget of each problem, in epochs. */
    static int epochs(String problem) {
        return switch (problem) {
            case "iris" -> 20;
            case "digits" -> 5;
            default -> 3;
        };
    }

    public static List<Row> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (String problem : o.problems) {
            int epochs = epochs(problem);
            int perEpoch = iterationsPerEpoch(problem);
            Map<String, Row> best = new LinkedHashMap<>();
            best.put("adam", bestOfGrid(problem, "adam", o.seeds, o.grid, lr -> new Adam(lr)));
            best.put("adam-cosine", bestOfGrid(problem, "adam-cosine", o.seeds, o.grid, lr -> new Adam(
                    new CosineDecaySchedule(ScheduleType.ITERATION, lr, 0, epochs * perEpoch))));
            best.put("prodigy", fixed(problem, "prodigy", o.seeds, Prodigy::new));
            best.put("schedule-free-adamw", fixed(problem, "schedule-free-adamw", o.seeds, ScheduleFreeAdamW::new));
            rows.addAll(best.values());
            // a diagnosis, not a method: the same Schedule-Free runs evaluated at y, the point the gradient is taken at,
            // instead of the average x; y ahead of x means the average lags behind on this budget
            rows.add(scheduleFreeAtY(problem, o.seeds));
            double adam = best.get("adam").accuracy();
            log.info(String.format(Locale.ROOT, "%s: Adam %.4f (lr %.1e), Adam+cosine %.4f (lr %.1e), Prodigy %.4f "
                            + "(%+.2f points), Schedule-Free AdamW %.4f (%+.2f points)", problem, adam, best.get("adam").lr(),
                    best.get("adam-cosine").accuracy(), best.get("adam-cosine").lr(), best.get("prodigy").accuracy(),
                    100 * (best.get("prodigy").accuracy() - adam), best.get("schedule-free-adamw").accuracy(),
                    100 * (best.get("schedule-free-adamw").accuracy() - adam)));
            write(o.out.resolve("lr-free.csv"), rows);
        }
        return rows;
    }

    private static Row bestOfGrid(String problem, String method, int seeds, double[] grid,
                                 Function<Double, IUpdater> updater) {
        Row best = null;
        for (double lr : grid) {
            Row r = fixed(problem, method, seeds, () -> updater.apply(lr));
            r = new Row(problem, method, lr, r.accuracy(), r.perSeed());
            if (best == null || r.accuracy() > best.accuracy()) {
                best = r;
            }
        }
        return best;
    }

    private static Row fixed(String problem, String method, int seeds, java.util.function.Supplier<IUpdater> updater) {
        double[] acc = new double[seeds];
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            acc[s] = train(problem, updater.get(), s);
            sum += acc[s];
        }
        return new Row(problem, method, Double.NaN, sum / seeds, acc);
    }

    /** Test accuracy after the problem's budget; 0 for a run that went non-finite. */
    static double train(String problem, IUpdater updater, long seed) {
        return trained(problem, updater, seed).accuracy;
    }

    private record Trained(MultiLayerNetwork net, BenchmarkData.Split data, double accuracy) {
    }

    private static Trained trained(String problem, IUpdater updater, long seed) {
        BenchmarkData.Split data = ExampleModels.dataFor(problem, seed);
        MultiLayerNetwork net = ExampleModels.forProblem(problem, data, updater, seed);
        LearningRateFree.attach(net);
        net.fit(data.trainIterator(), epochs(problem));
        return new Trained(net, data, accuracy(net, data));
    }

    private static double accuracy(MultiLayerNetwork net, BenchmarkData.Split data) {
        return NetworkAdapter.finite(net.params()) ? net.evaluate(data.testIterator()).accuracy() : 0;
    }

    /** Schedule-Free AdamW at its defaults, evaluated at y (training mode) after the budget. */
    private static Row scheduleFreeAtY(String problem, int seeds) {
        double[] acc = new double[seeds];
        double sum = 0;
        for (int s = 0; s < seeds; s++) {
            Trained t = trained(problem, new ScheduleFreeAdamW(), s);
            LearningRateFree.trainMode(t.net());
            acc[s] = accuracy(t.net(), t.data());
            sum += acc[s];
        }
        return new Row(problem, "schedule-free-adamw@y", Double.NaN, sum / seeds, acc);
    }

    private static int iterationsPerEpoch(String problem) {
        BenchmarkData.Split data = ExampleModels.dataFor(problem, 0);
        return (data.train().numExamples() + data.batchSize() - 1) / data.batchSize();
    }

    private static void write(Path file, List<Row> rows) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> b.append(r.csv()).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.writeString(file, b.toString());
    }
}
