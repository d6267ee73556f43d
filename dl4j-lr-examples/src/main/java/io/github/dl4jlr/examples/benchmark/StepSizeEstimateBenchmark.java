package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.BenchmarkData.Split;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.FinderAudit;
import io.github.dl4jlr.monitor.MonitorReport;
import io.github.dl4jlr.monitor.RatioCheck;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import static io.github.dl4jlr.internal.util.LossTracker.medianIgnoringNaN;

/**
 * Does the health monitor's step-size estimate ({@code sigma_theta / sigma_g}, see
 * {@code io.github.dl4jlr.monitor.StepSizeEstimate}) point at a good learning rate? For each data set and optimizer
 * (plain SGD, momentum SGD) it trains every learning rate of a half-decade grid with the estimate on, per seed, and
 * compares the estimate read in each run with the grid's best learning rate (highest mean test accuracy).
 *
 * <p>Per run, the estimate of a check is the median over the weight arrays; the run's estimate is the median over its
 * checks, and its spread is the 90th over the 10th percentile of those checks. "drift" is the median of the last
 * epoch's checks over the median of the first epoch's. A run whose parameters went non-finite scores 0.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml \
 *        -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.StepSizeEstimateBenchmark
 * </pre>
 * Writes {@code step-size-estimate.csv} (one row per data set, optimizer and grid learning rate) under {@code --out}.
 */
public final class StepSizeEstimateBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StepSizeEstimateBenchmark.class);

    static final String HEADER = "dataset,optimizer,lr,accuracy,best_lr,estimate,factor,spread,drift";

    /** One grid learning rate of one cell, over the seeds. */
    public record Row(String dataset, String optimizer, double lr, double accuracy, double bestLr, double estimate,
                      double spread, double drift) {
        /** The estimate over the grid's best learning rate. */
        public double factor() {
            return estimate / bestLr;
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%s,%.4f,%s,%s,%s,%s,%s", dataset, optimizer, lr, accuracy, bestLr,
                    estimate, factor(), spread, drift);
        }
    }

    /** A cell's summary: the estimate at the best learning rate, and the worst factor at or below it. */
    public record Cell(String dataset, String optimizer, double bestLr, double bestAccuracy, double estimateAtBest,
                       double worstFactorAtOrBelowBest, double medianSpread, List<Row> rows) {
        public double factorAtBest() {
            return estimateAtBest / bestLr;
        }
    }

    @Command(name = "step-size-estimate", mixinStandardHelpOptions = true,
            description = "The monitor's step-size estimate against the best LR of a half-decade grid.")
    static final class Options {
        @Option(names = "--seeds", description = "Seeds per learning rate (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--datasets", split = ",", description = "iris, blobs, digits, digits-cnn (default: ${DEFAULT-VALUE}).")
        List<String> datasets = List.of("blobs");

        @Option(names = "--optimizers", split = ",", description = "sgd, sgd-momentum (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("sgd", "sgd-momentum");

        @Option(names = "--grid", split = ",", description = "Learning rates (default: half decades 1e-4 ... 10).")
        double[] grid = FinderAudit.halfDecades(1e-4, 10);

        @Option(names = "--frequency", description = "Monitor check frequency (default: ${DEFAULT-VALUE}).")
        int frequency = 10;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    private StepSizeEstimateBenchmark() {
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
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (String dataset : o.datasets) {
            FinderAudit.Problem problem = SuggestionRegretBenchmark.problem(dataset, 1);
            for (String optimizer : o.optimizers) {
                Cell cell = cell(problem, dataset, optimizer, o);
                cells.add(cell);
                cell.rows().forEach(r -> csv.append(r.csv()).append('\n'));
                log.info(String.format(Locale.ROOT, "%s/%s: best grid lr %.1e (acc %.4f); estimate in that run %.2e = "
                                + "x%.3g of it; worst factor at lower grid rates x%.3g; median within-run spread %.2f",
                        dataset, optimizer, cell.bestLr(), cell.bestAccuracy(), cell.estimateAtBest(), cell.factorAtBest(),
                        cell.worstFactorAtOrBelowBest(), cell.medianSpread()));
            }
        }
        Path file = o.out.resolve("step-size-estimate.csv");
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.writeString(file, csv.toString());
        return cells;
    }

    private static Cell cell(FinderAudit.Problem problem, String dataset, String optimizer, Options o) {
        DoubleFunction<IUpdater> updater = updater(optimizer);
        double[] acc = new double[o.grid.length];
        double[][] perCheck = new double[o.grid.length][];
        double[] spread = new double[o.grid.length];
        double[] drift = new double[o.grid.length];
        for (int i = 0; i < o.grid.length; i++) {
            List<Double> estimates = new ArrayList<>();
            double[] spreads = new double[o.seeds];
            double[] drifts = new double[o.seeds];
            for (int s = 0; s < o.seeds; s++) {
                MultiLayerNetwork net = (MultiLayerNetwork) problem.model(updater.apply(o.grid[i]), s);
                TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(o.frequency)
                        .stepSizeEstimate(true).lossStall(false).build();
                net.setListeners(monitor);
                for (int e = 0; e < problem.epochs(); e++) {
                    net.fit(problem.train(s, e));
                }
                double score = Double.isFinite(net.params().sumNumber().doubleValue()) ? problem.score(net, s) : 0;
                acc[i] += (Double.isNaN(score) ? 0 : score) / o.seeds;
                double[] run = checkEstimates(monitor.report());
                Arrays.stream(run).forEach(estimates::add);
                spreads[s] = percentile(run, 0.9) / percentile(run, 0.1);
                drifts[s] = epochDrift(monitor.report());
            }
            perCheck[i] = estimates.stream().mapToDouble(Double::doubleValue).toArray();
            spread[i] = medianIgnoringNaN(spreads);
            drift[i] = medianIgnoringNaN(drifts);
            log.info(String.format(Locale.ROOT, "%s/%s lr=%.1e acc=%.4f estimate=%.2e spread=%.2f drift=%.2f", dataset,
                    optimizer, o.grid[i], acc[i], medianIgnoringNaN(perCheck[i]), spread[i], drift[i]));
        }
        int best = 0;
        for (int i = 1; i < acc.length; i++) {
            if (acc[i] > acc[best]) {
                best = i;
            }
        }
        List<Row> rows = new ArrayList<>();
        double worst = 1;
        for (int i = 0; i < o.grid.length; i++) {
            Row r = new Row(dataset, optimizer, o.grid[i], acc[i], o.grid[best], medianIgnoringNaN(perCheck[i]),
                    spread[i], drift[i]);
            rows.add(r);
            if (i <= best && Double.isFinite(r.factor())) {
                worst = Math.abs(Math.log(r.factor())) > Math.abs(Math.log(worst)) ? r.factor() : worst;
            }
        }
        return new Cell(dataset, optimizer, o.grid[best], acc[best], rows.get(best).estimate(), worst,
                medianIgnoringNaN(spread), rows);
    }

    /** Per check, the median estimate over the weight arrays (checks without one are left out). */
    static double[] checkEstimates(MonitorReport r) {
        return r.checks().stream().mapToDouble(c -> medianIgnoringNaN(c.stepSizes()))
                .filter(Double::isFinite).toArray();
    }

    /** Median estimate of the last epoch's checks over the first epoch's; NaN when either has none. */
    static double epochDrift(MonitorReport r) {
        List<RatioCheck> checks = r.checks();
        if (checks.isEmpty()) {
            return Double.NaN;
        }
        int first = checks.get(0).epoch();
        int last = checks.get(checks.size() - 1).epoch();
        double[] a = checks.stream().filter(c -> c.epoch() == first).mapToDouble(c -> medianIgnoringNaN(c.stepSizes()))
                .toArray();
        double[] b = checks.stream().filter(c -> c.epoch() == last).mapToDouble(c -> medianIgnoringNaN(c.stepSizes()))
                .toArray();
        return medianIgnoringNaN(b) / medianIgnoringNaN(a);
    }

    static double percentile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v[(int) Math.min(v.length - 1, Math.floor(q * v.length))];
    }

    static DoubleFunction<IUpdater> updater(String name) {
        return switch (name) {
            case "sgd" -> Sgd::new;
            case "sgd-momentum" -> lr -> new Nesterovs(lr, 0.9);
            default -> throw new IllegalArgumentException("Expected optimizer sgd or sgd-momentum, but got " + name);
        };
    }
}
