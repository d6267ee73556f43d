package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.finder.ConfirmMode;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/**
 * Per-iteration cost of the LR range test against the same number of plain {@code fit} iterations, on the same
 * network and in-memory data, in one process, alternating the two (plain, finder, plain, finder, ...).
 * The finder's cost includes its snapshot and restore of the model; the confirmation stage is off here (its cost,
 * in iterations and seconds, is reported by {@code SuggestionRegretBenchmark}).
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.FinderOverheadBenchmark
 * </pre>
 */
public final class FinderOverheadBenchmark {

    private static final Logger log = LoggerFactory.getLogger(FinderOverheadBenchmark.class);

    /** Median milliseconds per iteration and the overhead of the finder in percent. */
    public record Result(double plainMsPerIteration, double finderMsPerIteration, double overheadPercent,
                         double minOverheadPercent, double maxOverheadPercent) {
    }

    @Command(name = "finder-overhead", mixinStandardHelpOptions = true,
            description = "Per-iteration time of the LR range test vs plain fit, alternating in one process.")
    static final class Options {
        @Option(names = "--repeats", description = "Alternating pairs measured (default: ${DEFAULT-VALUE}).")
        int repeats = 10;

        @Option(names = "--iterations", description = "Iterations per measurement (default: ${DEFAULT-VALUE}).")
        int iterations = 100;

        @Option(names = "--warmup", description = "Unmeasured pairs first (default: ${DEFAULT-VALUE}).")
        int warmup = 2;
    }

    private FinderOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        MultiLayerNetwork net = BenchmarkModels.cnn();
        List<DataSet> batches = BenchmarkModels.batches(o.iterations);
        // The ramp stays low, so the test runs all iterations instead of stopping at divergence.
        LearningRateFinder finder = LearningRateFinder.builder().startLr(1e-7).endLr(1e-4)
                .numIterations(o.iterations).confirm(ConfirmMode.NEVER).build();
        double[] plain = new double[o.repeats];
        double[] found = new double[o.repeats];
        double[] ratio = new double[o.repeats];
        for (int r = -o.warmup; r < o.repeats; r++) {
            long t0 = System.nanoTime();
            net.fit(iterator(batches));
            long t1 = System.nanoTime();
            LrFinderResult result = finder.find(net, iterator(batches));
            long t2 = System.nanoTime();
            if (result.iterations() != o.iterations) {
                throw new IllegalStateException("finder ran " + result.iterations() + " iterations, expected " + o.iterations);
            }
            if (r >= 0) {
                plain[r] = (t1 - t0) / 1e6 / o.iterations;
                found[r] = (t2 - t1) / 1e6 / o.iterations;
                ratio[r] = 100 * (found[r] / plain[r] - 1);
            }
        }
        Timing p = new Timing(plain);
        Timing f = new Timing(found);
        Timing q = new Timing(ratio);
        Result result = new Result(p.median(), f.median(), f.overheadPercent(p), q.min(), q.max());
        log.info("plain fit:  {} per iteration", p.describe());
        log.info("range test: {} per iteration", f.describe());
        log.info(String.format(Locale.ROOT, "finder overhead: %+.1f%% (median of medians; per-pair range %+.1f%% .. %+.1f%%)",
                result.overheadPercent(), result.minOverheadPercent(), result.maxOverheadPercent()));
        return result;
    }

    private static DataSetIterator iterator(List<DataSet> batches) {
        return new ListDataSetIterator<>(batches, 1);
    }
}
