package io.github.dl4jlr.examples;

import io.github.dl4jlr.control.PlateauRecord;
import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.WarmupSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * Reduce-on-plateau on top of a warm-up + cosine schedule: each cut scales the schedule, keeping its shape.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.PlateauExample
 * </pre>
 */
public final class PlateauExample {

    private static final Logger log = LoggerFactory.getLogger(PlateauExample.class);

    /**
     * The plateau history, the final test accuracy, the learning rate the network will use next, and what the
     * uncut warm-up + cosine schedule alone would give at that point.
     */
    public record Result(List<PlateauRecord> history, long reductions, double testAccuracy, double nextLearningRate,
                         double uncutScheduleValue) {
    }

    @Command(name = "plateau-example", mixinStandardHelpOptions = true,
            description = "ReduceLROnPlateau composed with a warm-up + cosine schedule on a 10-class problem.")
    static final class Options {
        @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
        int epochs = 12;

        @Option(names = "--patience", description = "Plateau patience in epochs (default: ${DEFAULT-VALUE}).")
        int patience = 2;

        @Option(names = "--threshold", description = "Relative improvement that counts (default: ${DEFAULT-VALUE}).")
        double threshold = 1e-3;
    }

    private PlateauExample() {
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
        BenchmarkData.Split data = BenchmarkData.blobs(4);
        int perEpoch = (int) Math.ceil(data.train().numExamples() / (double) data.batchSize());
        ISchedule schedule = new WarmupSchedule(ScheduleType.ITERATION, perEpoch, 1e-4,
                new CosineDecaySchedule(ScheduleType.ITERATION, 1e-2, 1e-4, perEpoch * o.epochs));
        MultiLayerNetwork net = ExampleModels.mlp(data, new Adam(schedule), 4, 64);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().patience(o.patience).threshold(o.threshold,
                io.github.dl4jlr.control.ThresholdMode.RELATIVE).validation(data.testIterator()).build().attachTo(net);
        for (int e = 0; e < o.epochs; e++) {
            net.fit(data.trainIterator());
        }
        double accuracy = net.evaluate(data.testIterator()).accuracy();
        log.info("{} epochs, {} cut(s), final lr {}, test accuracy {}", o.epochs, plateau.reductions(),
                String.format("%.2e", net.getLearningRate(0)), String.format("%.4f", accuracy));
        return new Result(plateau.history(), plateau.reductions(), accuracy, net.getLearningRate(0),
                schedule.valueAt(net.getIterationCount(), net.getEpochCount()));
    }
}
