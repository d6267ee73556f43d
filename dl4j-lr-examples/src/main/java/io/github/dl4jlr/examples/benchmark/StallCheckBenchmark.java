package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.BenchmarkData.Split;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.monitor.LossStall;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
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
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the health monitor's epoch-level stall check (default settings) says over a grid of learning rates, from far
 * too low to about the best: for each data set, optimizer and rate it trains an MLP for a number of epochs and records
 * the test accuracy, the median weight ratio, the relative improvement of the mean training loss per epoch, and every
 * stall warning with its cause.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml \
 *        -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.StallCheckBenchmark
 * </pre>
 * Writes {@code stall-check.csv} under {@code --out}.
 */
public final class StallCheckBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StallCheckBenchmark.class);

    static final String HEADER = "dataset,optimizer,lr,epochs,accuracy,median_ratio,improvement_first,improvement_last,"
            + "stalls";

    /**
     * One training run.
     *
     * @param improvements the relative fall of the mean training loss from each epoch to the next
     */
    public record Run(String dataset, String optimizer, double lr, int epochs, double accuracy, double medianRatio,
                      double[] improvements, List<LossStall> stalls) {
        public Run {
            improvements = improvements.clone();
            stalls = List.copyOf(stalls);
        }

        String stallText() {
            return stalls.stream().map(s -> s.epoch() + ":" + s.cause()).collect(Collectors.joining(" "));
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%s,%d,%.4f,%s,%s,%s,%s", dataset, optimizer, lr, epochs, accuracy,
                    medianRatio, improvements[0], improvements[improvements.length - 1], stallText());
        }
    }

    @Command(name = "stall-check", mixinStandardHelpOptions = true,
            description = "The monitor's stall warnings over a learning-rate grid, from far too low to about the best.")
    static final class Options {
        @Option(names = "--datasets", split = ",", description = "iris, blobs, digits (default: ${DEFAULT-VALUE}).")
        List<String> datasets = List.of("iris", "blobs", "digits");

        @Option(names = "--epochs", split = ",", description = "Epochs per data set, in the same order "
                + "(default: ${DEFAULT-VALUE}).")
        List<Integer> epochs = List.of(30, 8, 15);

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    private StallCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static List<Run> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        if (o.epochs.size() != o.datasets.size()) {
            throw new IllegalArgumentException("Expected one --epochs value per data set (" + o.datasets.size()
                    + "), but got " + o.epochs.size());
        }
        List<Run> runs = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int d = 0; d < o.datasets.size(); d++) {
            for (String optimizer : List.of("sgd", "adam")) {
                double[] grid = optimizer.equals("sgd") ? new double[]{1e-5, 1e-4, 1e-3, 1e-2, 1e-1}
                        : new double[]{1e-6, 1e-5, 1e-4, 1e-3, 1e-2};
                for (double lr : grid) {
                    Run r = train(o.datasets.get(d), optimizer, lr, o.epochs.get(d));
                    runs.add(r);
                    csv.append(r.csv()).append('\n');
                    log.info(String.format(Locale.ROOT, "%s/%s lr=%.0e: accuracy %.3f, median weight ratio %.1e, loss "
                                    + "%.2f%% lower per epoch at first and %.2f%% at the end; stalls [%s]", r.dataset(),
                            optimizer, lr, r.accuracy(), r.medianRatio(), 100 * r.improvements()[0],
                            100 * r.improvements()[r.improvements().length - 1], r.stallText()));
                }
            }
        }
        Path file = o.out.resolve("stall-check.csv");
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.writeString(file, csv.toString());
        return runs;
    }

    private static Run train(String dataset, String optimizer, double lr, int epochs) {
        Split data = switch (dataset) {
            case "iris" -> BenchmarkData.iris(0);
            case "blobs" -> BenchmarkData.blobs(0);
            case "digits" -> BenchmarkData.digits(0);
            default -> throw new IllegalArgumentException("Expected dataset iris, blobs or digits, but got " + dataset);
        };
        IUpdater updater = optimizer.equals("sgd") ? new Sgd(lr) : new Adam(lr);
        MultiLayerNetwork net = ExampleModels.mlp(data, updater, 0, 64, 64);
        double[] sum = new double[epochs];
        int[] count = new int[epochs];
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().build();
        net.setListeners(monitor, new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                sum[epoch] += model.score();
                count[epoch]++;
            }
        });
        net.fit(data.trainIterator(), epochs);
        double[] improvements = new double[epochs - 1];
        for (int e = 1; e < epochs; e++) {
            improvements[e - 1] = 1 - (sum[e] / count[e]) / (sum[e - 1] / count[e - 1]);
        }
        return new Run(dataset, optimizer, lr, epochs, net.evaluate(data.testIterator()).accuracy(),
                monitor.report().medianWeightRatio(), improvements, monitor.report().stalls());
    }
}
