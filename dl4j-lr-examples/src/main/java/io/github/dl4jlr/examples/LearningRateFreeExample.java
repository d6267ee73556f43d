package io.github.dl4jlr.examples;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.updater.LearningRateFree;
import io.github.dl4jlr.updater.Prodigy;
import io.github.dl4jlr.updater.ScheduleFreeAdamW;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Training without choosing a learning rate: Prodigy and Schedule-Free AdamW at their authors' defaults on a 10-class
 * problem, each with the {@link LearningRateFree} listener.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.LearningRateFreeExample
 * </pre>
 */
public final class LearningRateFreeExample {

    private static final Logger log = LoggerFactory.getLogger(LearningRateFreeExample.class);

    /**
     * @param prodigyAccuracy      test accuracy after training with Prodigy
     * @param prodigyStepSize      Prodigy's estimated step size d at the end
     * @param scheduleFreeAccuracy test accuracy of Schedule-Free AdamW's averaged weights x
     */
    public record Result(double prodigyAccuracy, double prodigyStepSize, double scheduleFreeAccuracy) {
    }

    @Command(name = "learning-rate-free-example", mixinStandardHelpOptions = true,
            description = "Prodigy and Schedule-Free AdamW at their defaults.")
    static final class Options {
        @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
        int epochs = 3;
    }

    private LearningRateFreeExample() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        Cli.atLeast("--epochs", o.epochs, 1);
        BenchmarkData.Split data = BenchmarkData.blobs(5);

        MultiLayerNetwork prodigy = ExampleModels.mlp(data, new Prodigy(), 5, 64);
        LearningRateFree.attach(prodigy);              // Prodigy's step size is global over the network
        prodigy.fit(data.trainIterator(), o.epochs);
        double prodigyAccuracy = prodigy.evaluate(data.testIterator()).accuracy();
        double d = LearningRateFree.prodigyStepSize(prodigy);

        MultiLayerNetwork scheduleFree = ExampleModels.mlp(data, new ScheduleFreeAdamW(), 5, 64);
        LearningRateFree.attach(scheduleFree);         // switches to the averaged weights x at every epoch's end
        scheduleFree.fit(data.trainIterator(), o.epochs);
        double scheduleFreeAccuracy = scheduleFree.evaluate(data.testIterator()).accuracy();

        log.info(String.format("Prodigy: test accuracy %.3f, estimated step size d = %.2e; Schedule-Free AdamW: test "
                + "accuracy %.3f at its averaged weights", prodigyAccuracy, d, scheduleFreeAccuracy));
        return new Result(prodigyAccuracy, d, scheduleFreeAccuracy);
    }
}
