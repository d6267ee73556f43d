package io.github.dl4jlr.examples;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.tuning.PbtResult;
import io.github.dl4jlr.tuning.PopulationBasedTraining;
import io.github.dl4jlr.tuning.SearchSpace;
import io.github.dl4jlr.tuning.TrainingData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Population based training over Adam's learning rate on a 10-class problem; writes the population chart and
 * prints the winning lineage's LR schedule as JSON.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.PbtExample
 * </pre>
 */
public final class PbtExample {

    private static final Logger log = LoggerFactory.getLogger(PbtExample.class);

    /** The PBT result and the chart it wrote. */
    public record Result(PbtResult pbt, Path chart) {
    }

    @Command(name = "pbt-example", mixinStandardHelpOptions = true,
            description = "Population based training over Adam's learning rate.")
    static final class Options {
        @Option(names = "--population", description = "Members (default: ${DEFAULT-VALUE}).")
        int population = 8;

        @Option(names = "--rounds", description = "Rounds of one epoch each (default: ${DEFAULT-VALUE}).")
        int rounds = 6;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "pbt");
    }

    private PbtExample() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        BenchmarkData.Split data = BenchmarkData.blobs(5);
        PbtResult r = PopulationBasedTraining.builder()
                .populationSize(o.population)
                .network(ExampleModels.mlp(data, new Adam(1e-3), 5, 64).getLayerWiseConfigurations())
                .searchSpace(SearchSpace.learningRate(1e-5, 1e-1).build())
                // Both run where a member trains, so they are serializable: they rebuild the (seeded) data there.
                .trainData(TrainingData.of(() -> BenchmarkData.blobs(5).trainIterator()))
                .evaluator(net -> ((MultiLayerNetwork) net).evaluate(BenchmarkData.blobs(5).testIterator()).accuracy())
                .readyEvery(1, ScheduleType.EPOCH)
                .rounds(o.rounds)
                .seed(5)
                .build().run();
        Path chart = r.savePlot(o.out.resolve("pbt.png"));
        log.info("best member {} (accuracy {}), lineage LRs {}", r.bestMember(), r.bestScore(),
                java.util.Arrays.toString(r.bestLineageLearningRates()));
        log.info("retrain with: new Adam(schedule) where schedule = {}", r.bestLrSchedule());
        return new Result(r, chart);
    }
}
