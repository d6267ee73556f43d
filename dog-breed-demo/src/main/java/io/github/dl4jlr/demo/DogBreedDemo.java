package io.github.dl4jlr.demo;

import io.github.dl4jlr.internal.util.AtomicFile;
import io.github.dl4jlr.demo.console.ConsoleBar;
import io.github.dl4jlr.demo.console.DemoLogging;
import io.github.dl4jlr.demo.experiment.DataSource;
import io.github.dl4jlr.demo.experiment.DemoConfig;
import io.github.dl4jlr.demo.experiment.Engine;
import io.github.dl4jlr.demo.experiment.EpochMetrics;
import io.github.dl4jlr.demo.experiment.Experiments;
import io.github.dl4jlr.demo.experiment.PreparedData;
import io.github.dl4jlr.demo.experiment.Progress;
import io.github.dl4jlr.demo.experiment.RunSummary;
import io.github.dl4jlr.demo.experiment.Runner;
import io.github.dl4jlr.demo.model.BreedModels;
import io.github.dl4jlr.demo.report.ReportNotes;
import io.github.dl4jlr.demo.spark.SparkEngine;
import io.github.dl4jlr.demo.report.ReportWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reruns the article's 120-breed comparison: Adam at 0.1 / 0.01 / 0.001, then optimizers and LR strategies, with the
 * health monitor on every run; writes {@code results/<name>/} (metrics.csv, charts, report.md, report.html).
 *
 * <pre>
 *   java -jar dog-breed-demo/target/dog-breed-demo.jar [--data DIR] [--quick] [--resume] [--seeds N] ...
 * </pre>
 */
@Command(name = "dog-breed-demo", mixinStandardHelpOptions = true, versionProvider = DogBreedDemo.Version.class,
        description = "Compare learning rates and optimizers on 120 dog breeds (generated stand-in data unless --data).")
public final class DogBreedDemo {

    private static final Logger log = LoggerFactory.getLogger(DogBreedDemo.class);

    @Option(names = "--data", description = "Stanford Dogs folder (with Images/) or Kaggle Dog Breed Identification folder "
            + "(train/ + labels.csv). Default: generated stand-in data.")
    Path data;

    @Option(names = "--cache-dir", description = "Where generated data is cached (default: ~/.cache/dl4j-lr).")
    Path cacheDir = Paths.get(System.getProperty("user.home"), ".cache", "dl4j-lr");

    @Option(names = "--results", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path results = Paths.get("results");

    @Option(names = "--name", description = "Results sub-folder (default: 'default', or 'quick' with --quick).")
    String name;

    @Option(names = "--config", description = "Experiment file (default: config/dog-breed-experiments.json, else the jar's copy).")
    Path config;

    @Option(names = "--experiments", split = ",", description = "Only these experiment ids (from any group).")
    List<String> experiments;

    @Option(names = "--groups", split = ",", description = "These groups of the experiment file: lr-sweep, optimizers, "
            + "lr-free, dl4j-defaults (default: 'groups' in the experiment file: all but dl4j-defaults as shipped).")
    List<String> groups;

    @Option(names = "--common-lr", description = "The one learning rate of the optimizers group (default: commonLr in "
            + "the experiment file, 0.001 as shipped).")
    Double commonLr;

    @Option(names = "--epochs", description = "Epochs per run.")
    Integer epochs;

    @Option(names = "--seeds", description = "Repeat each run with seeds 0..N-1; the report shows mean ± std, and its "
            + "verdicts are firm from 3 seeds on (default: seeds in the experiment file, 3 as shipped, 1 with --quick).")
    Integer seeds;

    @Option(names = "--image-size", description = "Side of the square input images (default: imageSize in the experiment file).")
    Integer imageSize;

    @Option(names = "--batch-size", description = "Minibatch size.")
    Integer batchSize;

    @Option(names = "--images-per-class", description = "Generated images per class (stand-in data only).")
    Integer imagesPerClass;

    @Option(names = "--quick", description = "A small version of everything, with one seed (about a minute on 2 cores).")
    boolean quick;

    @Option(names = "--resume", description = "Continue an interrupted run: finished runs are kept, others continue "
            + "from their last completed epoch.")
    boolean resume;

    @Option(names = "--no-augment", description = "Disable random flips and crops for training.")
    boolean noAugment;

    @Option(names = "--pretrained", description = "vgg16 or resnet50 weights from the local DL4J model cache.")
    String pretrained;

    @Option(names = "--spark-master", description = "Run on Apache Spark: every (experiment, seed) as a Spark task, PBT "
            + "members as tasks; e.g. local[2], local-cluster[2,1,2048] or spark://host:7077. The results folder must be "
            + "writable by every executor.")
    String sparkMaster;

    @Option(names = "--spark", description = "Run on the Spark master spark-submit configured.")
    boolean spark;

    @Option(names = "--parallel", paramLabel = "N", description = "Runs trained at once in this JVM. Results are the "
            + "same as one after the other. Default: one per core as far as memory allows (1 GiB per run).")
    Integer parallel;

    @Option(names = "--halt-after-epochs", hidden = true, description = "For tests: stop the JVM as a kill would, once "
            + "this many epochs are done.")
    Long haltAfterEpochs;

    @Option(names = "--no-progress", description = "No progress bars (they are also off when there is no console).")
    boolean noProgress;

    @Option(names = "--progress", description = "Progress bars even without a console.")
    boolean forceProgress;

    /** Where the results went and what they say. */
    public record Result(Path directory, Path report, List<RunSummary> runs, List<EpochMetrics> rows, double seconds) {

        /** Whether any run failed (the report marks it; the exit code is {@value #EXIT_RUN_FAILED}). */
        public boolean anyFailed() {
            return runs.stream().anyMatch(r -> r.status() == RunSummary.Status.FAILED);
        }
    }

    /** Exit code when the report was written but at least one run failed. */
    public static final int EXIT_RUN_FAILED = 3;

    public static void main(String[] args) {
        DemoLogging.configure();
        int code = new CommandLine(new DogBreedDemo()).setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);     // --help and --version answer and end here
            if (help != null) {
                return help;
            }
            try {
                return ((DogBreedDemo) parsed.commandSpec().userObject()).call().anyFailed() ? EXIT_RUN_FAILED : 0;
            } catch (IllegalArgumentException e) {
                log.error(e.getMessage());
                return 2;
            } catch (IOException e) {
                log.error("I/O error: {}", e.getMessage());
                return 1;
            }
        }).execute(args);
        System.exit(code);
    }

    /** Parses {@code args} and runs; returns {@code null} for --help or --version. */
    public static Result run(String... args) throws IOException {
        DogBreedDemo demo = new DogBreedDemo();
        CommandLine cli = new CommandLine(demo);
        cli.parseArgs(args);
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return null;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(System.out);
            return null;
        }
        return demo.call();
    }

    Result call() throws IOException {
        long t0 = System.nanoTime();
        if (pretrained != null) {
            BreedModels.requirePretrainedWeights(pretrained);
            if (imageSize != null && imageSize != BreedModels.PRETRAINED_IMAGE_SIZE) {
                throw new IllegalArgumentException("Expected --image-size " + BreedModels.PRETRAINED_IMAGE_SIZE
                        + " (or none) with --pretrained, but got " + imageSize);
            }
            imageSize = BreedModels.PRETRAINED_IMAGE_SIZE;
        }
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("Expected --parallel >= 1, but got " + parallel);
        }
        if (parallel != null && (spark || sparkMaster != null)) {
            throw new IllegalArgumentException("--parallel is for runs in this JVM; on Spark, the master's cores decide");
        }
        int threads = parallel != null ? parallel : Engine.defaultParallelism();
        DemoConfig cfg = DemoConfig.of(DemoConfig.load(config, quick), epochs, batchSize, imageSize, imagesPerClass, seeds,
                commonLr, groups, experiments);
        Path dir = results.resolve(name != null ? name : quick ? "quick" : "default");
        Files.createDirectories(dir);
        boolean showProgress = !noProgress && (forceProgress || System.console() != null);

        DataSource source = new DataSource(data == null ? null : data.toString(), cacheDir.toString(),
                cfg.imagesPerClass(), cfg.imageSize(), !noAugment, pretrained != null);
        PreparedData prepared = prepare(source, showProgress);
        double dataSeconds = (System.nanoTime() - t0) / 1e9;
        Path runs = dir.resolve("runs");
        Experiments.Outcome outcome;
        int classes = prepared.labels().size();
        String zoo = pretrained;
        int size = cfg.imageSize();
        Runner.ModelFactory models = zoo != null
                ? (updater, seed) -> BreedModels.pretrained(zoo, classes, updater, seed)
                : (updater, seed) -> BreedModels.smallCnn(size, classes, updater, seed);
        boolean onSpark = spark || sparkMaster != null;
        String engineText = onSpark ? "on Spark" + (sparkMaster == null ? "" : " " + sparkMaster)
                : threads == 1 ? "one at a time" : threads + " at a time in this JVM";
        log.info("{} runs ({} experiments x {} seeds), {}", cfg.experiments().size() * cfg.seeds(),
                cfg.experiments().size(), cfg.seeds(), engineText);
        long trainStart = System.nanoTime();
        try (ProgressBar bar = progressBar("Training", Experiments.steps(cfg), showProgress);
             Engine engine = onSpark ? SparkEngine.connect(sparkMaster) : Engine.local(threads)) {
            Progress shown = haltAfterEpochs == null ? progress(bar) : Progress.haltingAfter(progress(bar), haltAfterEpochs);
            outcome = Experiments.runAll(source, cfg, runs, resume, shown, models, engine,
                    () -> writeMetrics(dir, Experiments.rows(runs, cfg)));
        }
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        double seconds = (System.nanoTime() - t0) / 1e9;
        writeMetrics(dir, outcome.rows());
        Path report = ReportWriter.write(dir, new ReportWriter.Context(dir.getFileName().toString(), prepared.description(),
                prepared.synthetic(), BreedModels.describe(pretrained), cfg, runs,
                prepared.iterationsPerEpoch(cfg.batchSize()), ReportNotes.of(prepared.notes(), outcome.summaries()),
                new ReportWriter.Timing(dataSeconds, trainSeconds, seconds, engineText), quick), outcome.summaries(),
                outcome.rows());
        long failed = outcome.summaries().stream().filter(r -> r.status() == RunSummary.Status.FAILED).count();
        log.info("Report: {} (and report.html); {} runs in {} s{}", report.toAbsolutePath(), outcome.summaries().size(),
                String.format(Locale.ROOT, "%.0f", seconds), failed == 0 ? "" : "; " + failed + " FAILED (see the report)");
        return new Result(dir, report, outcome.summaries(), outcome.rows(), seconds);
    }

    private PreparedData prepare(DataSource source, boolean showProgress) {
        try (ProgressBar bar = progressBar("Decoding", 0, showProgress)) {
            PreparedData prepared = source.load(progress(bar));
            log.info("Data: {}", prepared.description());
            return prepared;
        }
    }

    private static ProgressBar progressBar(String task, long max, boolean show) {
        ConsoleBar.active(show);
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .showSpeed(new DecimalFormat("0.0"));
        b.setConsumer(show ? new ConsoleProgressBarConsumer(System.err) : new DelegatingProgressBarConsumer(s -> { }));
        return b.build();
    }

    /** The console bar as the experiment layer's {@link Progress}. */
    private static Progress progress(ProgressBar bar) {
        return new Progress() {
            @Override
            public void total(long steps) {
                bar.maxHint(steps);
            }

            @Override
            public void advance(long steps) {
                bar.stepBy(steps);
            }

            @Override
            public void label(String text) {
                bar.setExtraMessage(" " + text);           // the bar prints it right after the speed
            }
        };
    }

    private static void writeMetrics(Path dir, List<EpochMetrics> rows) {
        AtomicFile.writeString(dir.resolve("metrics.csv"), EpochMetrics.toCsv(rows));
    }


    /** The version of the jar this runs from (its manifest), as {@code --version} prints it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DogBreedDemo.class.getPackage().getImplementationVersion();
            return new String[]{"dog-breed-demo " + (v == null ? "(not from its jar)" : v)};
        }
    }
}
