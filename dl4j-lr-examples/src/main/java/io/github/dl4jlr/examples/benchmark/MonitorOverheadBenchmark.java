package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.monitor.TroubleMode;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Overhead of {@link TrainingHealthMonitor} against training without listeners and against DL4J's
 * {@code StatsListener} (with {@code InMemoryStatsStorage}), each at frequency 1 and 10 (the monitor also with
 * ROLLBACK, which keeps snapshots at healthy checks, and with the step-size estimate), on a small CNN with
 * 32x32x3 inputs. All settings run in one process, alternating within each round (with the order rotated
 * per round), on the same network and in-memory minibatches.
 *
 * <p>Two figures per setting: the end-to-end overhead (median per-iteration time against "none"), which on a
 * 2-core machine carries run-to-run noise of several percent, and the in-listener overhead (time spent inside the
 * listener's callbacks, measured by {@link TimedListener}, divided by the median iteration time of "none"),
 * which isolates the listener's own cost.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml \
 *        -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.MonitorOverheadBenchmark
 * </pre>
 * The monitor's INFO line per check goes through the configured logger; point Logback at a quiet configuration
 * (as above) to time the checks rather than console output.
 */
public final class MonitorOverheadBenchmark {

    private static final Logger log = LoggerFactory.getLogger(MonitorOverheadBenchmark.class);

    /** Median ms per iteration per setting, and overhead in percent against no listener. */
    public record Result(Map<String, Double> msPerIteration, Map<String, Double> overheadPercent,
                         Map<String, double[]> overheadRange, Map<String, Double> inListenerPercent) {
    }

    @Command(name = "monitor-overhead", mixinStandardHelpOptions = true,
            description = "Overhead of the health monitor vs StatsListener, alternating in one process.")
    static final class Options {
        @Option(names = "--rounds", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
        int rounds = 10;

        @Option(names = "--iterations", description = "Iterations per measurement (default: ${DEFAULT-VALUE}).")
        int iterations = 30;

        @Option(names = "--warmup", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
        int warmup = 1;
    }

    private MonitorOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        Map<String, Supplier<List<TrainingListener>>> settings = new LinkedHashMap<>();
        settings.put("none", List::of);
        settings.put("monitor f=1", () -> List.of(TrainingHealthMonitor.builder().frequency(1).build()));
        settings.put("monitor f=10", () -> List.of(TrainingHealthMonitor.builder().frequency(10).build()));
        settings.put("step size f=10", () -> List.of(TrainingHealthMonitor.builder().frequency(10)
                .stepSizeEstimate(true).build()));
        settings.put("rollback f=10", () -> List.of(TrainingHealthMonitor.builder().frequency(10)
                .onTrouble(TroubleMode.ROLLBACK).build()));
        settings.put("stats f=1", () -> List.of(new StatsListener(new InMemoryStatsStorage(), 1)));
        settings.put("stats f=10", () -> List.of(new StatsListener(new InMemoryStatsStorage(), 10)));
        List<String> names = new ArrayList<>(settings.keySet());

        MultiLayerNetwork net = BenchmarkModels.cnn();
        List<DataSet> batches = BenchmarkModels.batches(o.iterations);
        Map<String, double[]> ms = new LinkedHashMap<>();
        Map<String, double[]> inside = new LinkedHashMap<>();
        names.forEach(n -> ms.put(n, new double[o.rounds]));
        names.forEach(n -> inside.put(n, new double[o.rounds]));
        for (int round = -o.warmup; round < o.rounds; round++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(Math.floorMod(k + round, names.size()));
                List<TimedListener> timed = settings.get(name).get().stream().map(TimedListener::new).toList();
                net.setListeners(new ArrayList<TrainingListener>(timed));
                long t0 = System.nanoTime();
                net.fit(new ListDataSetIterator<>(batches, 1));
                double perIteration = (System.nanoTime() - t0) / 1e6 / o.iterations;
                if (round >= 0) {
                    ms.get(name)[round] = perIteration;
                    inside.get(name)[round] = timed.stream().mapToLong(TimedListener::nanos).sum() / 1e6 / o.iterations;
                }
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        Map<String, Double> overhead = new LinkedHashMap<>();
        Map<String, double[]> range = new LinkedHashMap<>();
        Map<String, Double> insidePercent = new LinkedHashMap<>();
        Timing base = new Timing(ms.get("none"));
        for (String name : names) {
            Timing t = new Timing(ms.get(name));
            median.put(name, t.median());
            overhead.put(name, t.overheadPercent(base));
            double[] perRound = new double[o.rounds];
            for (int r = 0; r < o.rounds; r++) {
                perRound[r] = 100 * (ms.get(name)[r] / ms.get("none")[r] - 1);
            }
            Timing pr = new Timing(perRound);
            range.put(name, new double[]{pr.min(), pr.max()});
            Timing in = new Timing(inside.get(name));
            insidePercent.put(name, 100 * in.median() / base.median());
            log.info(String.format(Locale.ROOT, "%-14s %s per iteration; end-to-end overhead %+.1f%% (per-round %+.1f%% .. "
                            + "%+.1f%%); in-listener %.3f ms/iteration = %.2f%% (per-round %.3f .. %.3f ms)",
                    name, t.describe(), overhead.get(name), pr.min(), pr.max(), in.median(), insidePercent.get(name),
                    in.min(), in.max()));
        }
        return new Result(median, overhead, range, insidePercent);
    }
}
