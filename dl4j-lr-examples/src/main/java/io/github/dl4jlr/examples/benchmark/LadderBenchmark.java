package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
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
 * The ladder of ways to choose a learning rate, each measured for its cost and its regret on the same problems: the
 * range test alone ({@code AUTO}), the range test with confirmation trials on every curve, the learning-rate search
 * (successive halving, 8 candidates, over the range test's bracket) and PBT (4 members, one epoch a round, over the
 * same bracket), against the best rate of a half-decade grid (1e-4 ... 1). Each cell trains with its own schedule:
 * constant, or a cosine decay to zero over the budget whose peak is the rate chosen; the rung {@code sweep-mean}
 * gives the cosine the range test's rate as its mean instead ({@code ScaledSchedule.withMean}: a peak twice it),
 * {@code trials-mean} the trials' winner.
 * {@code --methods} runs some of the rungs only; {@code --judge loss} has the search, PBT and the grid's pick judge
 * the validation half by its loss instead of its accuracy. A cell is a {@link LadderCell}.
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

    static final String HEADER = "problem,optimizer,schedule,method,mean_lr,accuracy,regret_points,cost_trainings,"
            + "lr_per_seed";
    static final List<String> METHODS = List.of("grid", "grid on validation", "sweep", "sweep-mean",
            "sweep+trials", "trials-mean", "search", "pbt");

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
                + "sweep-mean (the sweep's rate as the schedule's mean: a cosine's peak twice it), "
                + "sweep+trials, trials-mean (the trials' winner as the schedule's mean), search, pbt (default: all).")
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
                        LadderCell cell = new LadderCell(problem, optimizer, schedule, o.seeds,
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
}
