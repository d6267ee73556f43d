package io.github.dl4jlr.demo.bench;

import io.github.dl4jlr.demo.experiment.PreparedData;
import io.github.dl4jlr.demo.experiment.Progress;
import io.github.dl4jlr.demo.model.BreedModels;
import io.github.dl4jlr.finder.FinderAudit;
import io.github.dl4jlr.finder.ConfirmMode;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The finder audited on the demo's generated 120-class images, through the demo's own pipeline and CNN at a reduced
 * scale (16x16, 16 images per class, 3 epochs) so that a half-decade grid fits in minutes: regret of every
 * suggestion rule (see {@link FinderAudit}).
 *
 * <pre>
 *   java -cp dog-breed-demo/target/dog-breed-demo.jar io.github.dl4jlr.demo.bench.DemoFinderBenchmark
 * </pre>
 */
public final class DemoFinderBenchmark {

    private static final Logger log = LoggerFactory.getLogger(DemoFinderBenchmark.class);
    private static final int IMAGE_SIZE = 16;
    private static final int BATCH = 32;

    @Command(name = "demo-finder-benchmark", mixinStandardHelpOptions = true,
            description = "Regret of the LR finder's suggestions on the demo's generated images.")
    static final class Options {
        @Option(names = "--seeds", description = "Seeds averaged per setting (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--optimizers", split = ",",
                description = "adam, sgd-momentum, rmsprop, adagrad (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("adam", "sgd-momentum", "rmsprop", "adagrad");

        @Option(names = "--epochs", description = "Training budget in epochs (default: ${DEFAULT-VALUE}).")
        int epochs = 3;

        @Option(names = "--images-per-class", description = "Generated images per class (default: ${DEFAULT-VALUE}).")
        int imagesPerClass = 16;

        @Option(names = "--cache-dir", description = "Where the images are generated (default: ~/.cache/dl4j-lr).")
        Path cacheDir = Paths.get(System.getProperty("user.home"), ".cache", "dl4j-lr");

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    private DemoFinderBenchmark() {
    }

    public static void main(String[] args) {
        run(args);
    }

    /** Runs and returns each optimizer's audit; {@code null} for --help. */
    public static List<FinderAudit.Result> run(String... args) {
        Options o = new Options();
        CommandLine cli = new CommandLine(o);
        cli.parseArgs(args);
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return null;
        }
        PreparedData data = PreparedData.load(null, o.cacheDir, o.imagesPerClass, IMAGE_SIZE, false, false, Progress.NONE);
        int classes = data.labels().size();
        FinderAudit.Problem problem = new FinderAudit.Problem() {
            public Model model(IUpdater updater, int seed) {
                return BreedModels.smallCnn(IMAGE_SIZE, classes, updater, seed);
            }

            public DataSetIterator train(int seed, int epoch) {
                return data.train(BATCH, seed, epoch, false);
            }

            public double score(Model trained, int seed) {
                return ((MultiLayerNetwork) trained).evaluate(data.test()).accuracy();
            }

            public int epochs() {
                return o.epochs;
            }
        };
        List<String> regret = new ArrayList<>();
        List<String> trials = new ArrayList<>();
        List<String> cost = new ArrayList<>();
        List<FinderAudit.Result> results = new ArrayList<>();
        for (String optimizer : o.optimizers) {
            FinderAudit audit = FinderAudit.builder().problem(problem).updater(updater(optimizer))
                    .grid(FinderAudit.halfDecades(1e-5, 10)).seeds(o.seeds)
                    .finder(LearningRateFinder.builder().confirm(ConfirmMode.ALWAYS).build()).build();
            FinderAudit.Result r = audit.run();
            results.add(r);
            String label = "dogs/" + optimizer;
            regret.addAll(r.regretRows(label));
            trials.addAll(r.trialRows(label));
            cost.addAll(r.costRows(label));
            log.info(String.format(Locale.ROOT, "%s: best grid lr %.1e acc %.4f;", label, r.bestLearningRate(),
                    r.bestScore()) + r.regretSummary());
        }
        write(o.out.resolve("demo-suggestion-regret.csv"), FinderAudit.REGRET_HEADER, regret);
        write(o.out.resolve("demo-suggestion-trials.csv"), FinderAudit.TRIALS_HEADER, trials);
        write(o.out.resolve("demo-suggestion-cost.csv"), FinderAudit.COST_HEADER, cost);
        return results;
    }

    private static DoubleFunction<IUpdater> updater(String name) {
        return switch (name) {
            case "adam" -> Adam::new;
            case "sgd-momentum" -> lr -> new Nesterovs(lr, 0.9);
            case "rmsprop" -> RmsProp::new;
            case "adagrad" -> AdaGrad::new;
            default -> throw new IllegalArgumentException("Expected optimizer adam, sgd-momentum, rmsprop or adagrad, but got "
                    + name);
        };
    }

    private static void write(Path file, String header, List<String> rows) {
        AtomicFile.writeString(file, header + "\n" + String.join("\n", rows) + "\n");
    }
}
