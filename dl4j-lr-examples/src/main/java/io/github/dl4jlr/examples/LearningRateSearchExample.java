package io.github.dl4jlr.examples;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.tuning.LearningRateSearch;
import io.github.dl4jlr.tuning.SearchResult;
import io.github.dl4jlr.tuning.TrainingData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The learning rate for one's own budget and schedule: a range test gives the bracket, then successive halving trains
 * the candidates with the network's own cosine schedule and judges them on held-out data. It says its price first.
 *
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.LearningRateSearchExample
 * </pre>
 */
public final class LearningRateSearchExample {

    private static final Logger log = LoggerFactory.getLogger(LearningRateSearchExample.class);

    /** The range test that gave the bracket, and the search. */
    public record Result(LrFinderResult sweep, SearchResult search) {
    }

    @Command(name = "learning-rate-search-example", mixinStandardHelpOptions = true,
            description = "A range test, then a learning-rate search for a 4-epoch cosine schedule.")
    static final class Options {
        @Option(names = "--epochs", description = "The training budget (default: ${DEFAULT-VALUE}).")
        int epochs = 4;

        @Option(names = "--candidates", description = "Rates in the bracket (default: ${DEFAULT-VALUE}).")
        int candidates = 8;
    }

    private LearningRateSearchExample() {
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
        // your configuration, schedule included: Adam with a cosine decay over the budget
        MultiLayerNetwork net = ExampleModels.mlp(data,
                new Adam(new CosineDecaySchedule(ScheduleType.EPOCH, 1e-3, 0, o.epochs)), 5, 64);

        LrFinderResult sweep = LearningRateFinder.builder().build().find(net, data.trainIterator());
        SearchResult search = LearningRateSearch.builder()
                .network(net.getLayerWiseConfigurations())
                // both run where a candidate trains, so they are serializable: they rebuild the (seeded) data there
                .trainData(TrainingData.of(() -> BenchmarkData.blobs(5).trainIterator()))
                .evaluator(m -> ((MultiLayerNetwork) m).evaluate(BenchmarkData.blobs(5).testIterator()).accuracy())
                .epochs(o.epochs)
                .candidates(o.candidates)
                .bracket(sweep)
                .build().run();
        log.info("peak learning rate for this cosine schedule: {} (the finder alone suggested {})",
                String.format("%.2e", search.bestRate()), sweep.suggestion().isPresent()
                        ? String.format("%.2e", sweep.suggestion().getAsDouble()) : "nothing");
        return new Result(sweep, search);
    }
}
