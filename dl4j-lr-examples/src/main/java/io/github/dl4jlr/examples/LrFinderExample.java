package io.github.dl4jlr.examples;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Runs the LR range test on a 10-class problem, writes the plot and CSV, then trains at the suggestion.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.LrFinderExample [--out DIR]
 * </pre>
 */
public final class LrFinderExample {

    private static final Logger log = LoggerFactory.getLogger(LrFinderExample.class);

    /** What the example produced. */
    public record Result(LrFinderResult finder, double learningRate, double testAccuracy, Path plot, Path csv) {
    }

    @Command(name = "lr-finder-example", mixinStandardHelpOptions = true,
            description = "LR range test on a 10-class Gaussian mixture, then training at the suggested LR.")
    static final class Options {
        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "lr-finder");

        @Option(names = "--iterations", description = "Range-test iterations (default: ${DEFAULT-VALUE}).")
        int iterations = 100;

        @Option(names = "--epochs", description = "Training epochs at the suggestion (default: ${DEFAULT-VALUE}).")
        int epochs = 3;
    }

    private LrFinderExample() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        Cli.atLeast("--epochs", o.epochs, 1);
        BenchmarkData.Split data = BenchmarkData.blobs(1);
        MultiLayerNetwork net = ExampleModels.mlp(data, new Adam(1e-3), 1, 64);

        LrFinderResult found = LearningRateFinder.builder().numIterations(o.iterations).build()
                .find(net, data.trainIterator());
        Path plot = found.savePlot(o.out.resolve("lr-finder.png"));
        Path csv = found.writeCsv(o.out.resolve("lr-finder.csv"));
        double lr = found.suggestion().orElse(1e-3);

        net.setLearningRate(lr);
        for (int e = 0; e < o.epochs; e++) {
            net.fit(data.trainIterator());
        }
        double accuracy = net.evaluate(data.testIterator()).accuracy();
        log.info("Trained {} epochs at the suggested lr={}: test accuracy {}", o.epochs, String.format("%.2e", lr),
                String.format("%.4f", accuracy));
        return new Result(found, lr, accuracy, plot, csv);
    }
}
