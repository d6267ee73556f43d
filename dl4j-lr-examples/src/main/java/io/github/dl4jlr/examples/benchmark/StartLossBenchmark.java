package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.ConfirmMode;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where does a network's loss stand against its chance level when the finder starts: fresh, or after some epochs of
 * training? The finder takes a network for one that has learned below three quarters of its chance level
 * ({@code ChanceLevel.LEARNED}); this measures both sides of that line. Per problem, seed and optimizer (Adam 1e-3,
 * momentum SGD 1e-2, the trained-network benchmark's rates) it builds the benchmarks' network, trains it
 * {@code --epochs} epochs (0: fresh), and reads {@code startLoss() / chanceLoss()} from a 10-iteration sweep.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml \
 *        -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.StartLossBenchmark
 *   ... StartLossBenchmark --problems cells,hpc,churn --epochs 3
 * </pre>
 */
public final class StartLossBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StartLossBenchmark.class);

    /** One problem: the start loss over the chance level of every seed and optimizer, Adam first. */
    public record Row(String problem, int epochs, double[] shares) {
        public Row {
            shares = shares.clone();
        }

        @Override
        public double[] shares() {
            return shares.clone();
        }

        public double min() {
            return Arrays.stream(shares).min().orElse(Double.NaN);
        }

        public double max() {
            return Arrays.stream(shares).max().orElse(Double.NaN);
        }
    }

    @Command(name = "start-loss", mixinStandardHelpOptions = true,
            description = "A network's loss when the finder starts, over its chance level: fresh or trained.")
    static final class Options {
        @Option(names = "--problems", split = ",", description = "Problems (default: the benchmarks' 20 tables).")
        List<String> problems = List.of("iris", "blobs", "digits", "digits-cnn", "breast-cancer", "wine",
                "fashion-cnn", "letter", "satellite", "vehicle", "vowel", "dna", "ionosphere", "spam", "glass",
                "shuttle", "soybean", "musk", "cells", "hpc");

        @Option(names = "--epochs", description = "Epochs of training before the sweep; 0 for fresh networks "
                + "(default: ${DEFAULT-VALUE}).")
        int epochs = 0;

        @Option(names = "--seeds", description = "Seeds per problem and optimizer (default: ${DEFAULT-VALUE}).")
        int seeds = 3;
    }

    private StartLossBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static List<Row> run(String... args) {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        Cli.atLeast("--epochs", o.epochs, 0);
        Cli.atLeast("--seeds", o.seeds, 1);
        LearningRateFinder sweep = LearningRateFinder.builder().numIterations(10).confirm(ConfirmMode.NEVER).build();
        List<Row> rows = new ArrayList<>();
        for (String p : o.problems) {
            double[] shares = new double[2 * o.seeds];
            for (int seed = 0; seed < o.seeds; seed++) {
                BenchmarkData.Split d = ExampleModels.dataFor(p, seed);
                IUpdater[] updaters = {new Adam(1e-3), new Nesterovs(1e-2, 0.9)};
                for (int j = 0; j < updaters.length; j++) {
                    MultiLayerNetwork net = ExampleModels.forProblem(p, d, updaters[j], seed);
                    if (o.epochs > 0) {
                        net.fit(d.trainIterator(), o.epochs);
                    }
                    LrFinderResult r = sweep.find(net, d.trainIterator());
                    shares[j * o.seeds + seed] = r.startLoss() / r.chanceLoss();
                }
            }
            Row row = new Row(p, o.epochs, shares);
            rows.add(row);
            log.info(String.format(Locale.ROOT, "%s after %d epochs: start loss %.2f to %.2f of the chance level %s",
                    p, o.epochs, row.min(), row.max(), Arrays.toString(Arrays.stream(shares)
                            .mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).toArray())));
        }
        double min = rows.stream().mapToDouble(Row::min).min().orElse(Double.NaN);
        double max = rows.stream().mapToDouble(Row::max).max().orElse(Double.NaN);
        log.info(String.format(Locale.ROOT, "all %d sweeps: %.2f to %.2f of the chance level",
                rows.size() * 2 * o.seeds, min, max));
        return rows;
    }
}
