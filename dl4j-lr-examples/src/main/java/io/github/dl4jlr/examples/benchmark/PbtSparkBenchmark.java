package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.tuning.LocalMemberTrainer;
import io.github.dl4jlr.tuning.MemberOutcome;
import io.github.dl4jlr.tuning.MemberSpec;
import io.github.dl4jlr.tuning.MemberTask;
import io.github.dl4jlr.tuning.MemberTrainer;
import io.github.dl4jlr.tuning.PopulationBasedTraining;
import io.github.dl4jlr.tuning.SearchSpace;
import io.github.dl4jlr.tuning.TrainingData;
import io.github.dl4jlr.tuning.spark.LocalClusterHome;
import io.github.dl4jlr.tuning.spark.SparkMemberTrainer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What running PBT members as Spark tasks costs: for populations of 2, 4 and 8 on the local trainer, embedded Spark
 * {@code local[2]} and {@code local-cluster[2,1,1024]} (two executor JVMs), the time per round and, per task, the bytes
 * shipped each way, the time the task spent turning arrays into bytes and back, and the overhead: round time minus the
 * training time the slots could have overlapped. {@code local} trains one member after another, {@code local-2} on two
 * threads, which is the fair baseline for Spark's two slots on a 2-core machine. Each setting runs {@code --rounds} rounds of an MLP (256-256) on the Gaussian mixture, one
 * epoch per round; the first round is a warm-up and not counted.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml \
 *        -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.benchmark.PbtSparkBenchmark
 * </pre>
 * The local-cluster setting needs {@code SPARK_HOME} and {@code SPARK_SCALA_VERSION=2.13} in the environment of the JVM
 * that starts it, so the benchmark runs that setting in a child JVM it starts with both set.
 */
public final class PbtSparkBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PbtSparkBenchmark.class);

    /** One setting's measurement. */
    public record Row(String mode, int population, double roundMs, double minRoundMs, double maxRoundMs,
                      double trainMsPerTask, double codecMsPerTask, double bytesPerTask, double overheadMsPerTask) {
        String line() {
            return String.format(Locale.ROOT, "%-24s population %d: %7.0f ms/round (%.0f..%.0f); per task: %6.0f ms "
                            + "training, %5.1f ms array codec, %7.1f kB each way, %6.0f ms overhead", mode, population,
                    roundMs, minRoundMs, maxRoundMs, trainMsPerTask, codecMsPerTask, bytesPerTask / 1000,
                    overheadMsPerTask);
        }
    }

    @Command(name = "pbt-spark-benchmark", mixinStandardHelpOptions = true,
            description = "Per-round time and per-task overhead of PBT members as Spark tasks.")
    static final class Options {
        @Option(names = "--populations", split = ",", description = "Population sizes (default: ${DEFAULT-VALUE}).")
        List<Integer> populations = List.of(2, 4, 8);

        @Option(names = "--modes", split = ",", description = "local (1 thread), local-2 (2 threads), spark-local, local-cluster "
                + "(default: ${DEFAULT-VALUE}).")
        List<String> modes = List.of("local", "local-2", "spark-local", "local-cluster");

        @Option(names = "--rounds", description = "Rounds per setting, the first one not counted (default: ${DEFAULT-VALUE}).")
        int rounds = 5;

        @Option(names = "--spark-home", description = "Folder for local-cluster's Spark home (default: ${DEFAULT-VALUE}).")
        Path sparkHome = Paths.get("target", "spark-home");
    }

    private PbtSparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static List<Row> run(String... args) throws Exception {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (String mode : o.modes) {
            if (mode.equals("local-cluster") && System.getenv("SPARK_HOME") == null) {
                rows.addAll(inChildJvm(o));
                continue;
            }
            for (int population : o.populations) {
                Row r = measure(mode, population, o.rounds);
                rows.add(r);
                log.info(r.line());
            }
        }
        return rows;
    }

    /** Re-runs the local-cluster setting in a child JVM whose environment Spark's launcher needs. */
    private static List<Row> inChildJvm(Options o) throws Exception {
        Path home = LocalClusterHome.build(o.sparkHome.toAbsolutePath());
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        String logConfig = System.getProperty("logback.configurationFile");
        if (logConfig != null) {
            cmd.add("-Dlogback.configurationFile=" + logConfig);
        }
        cmd.addAll(List.of(PbtSparkBenchmark.class.getName(), "--modes", "local-cluster", "--rounds",
                String.valueOf(o.rounds), "--populations", String.join(",", o.populations.stream().map(String::valueOf)
                        .toList())));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("The local-cluster child JVM exited with " + code);
        }
        return List.of();                                // it logged its own rows
    }

    /** Keeps every round's wall time and outcomes. */
    private static final class Timed implements MemberTrainer {
        final MemberTrainer inner;
        final List<Double> roundMs = new ArrayList<>();
        final List<List<MemberOutcome>> outcomes = new ArrayList<>();
        final List<Long> bytesIn = new ArrayList<>();

        Timed(MemberTrainer inner) {
            this.inner = inner;
        }

        @Override
        public List<MemberOutcome> train(MemberSpec spec, List<MemberTask> tasks) {
            long t0 = System.nanoTime();
            List<MemberOutcome> out = inner.train(spec, tasks);
            roundMs.add((System.nanoTime() - t0) / 1e6);
            outcomes.add(out);
            bytesIn.add(tasks.stream().mapToLong(MemberTask::bytes).sum());
            return out;
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static Row measure(String mode, int population, int rounds) {
        boolean inJvm = mode.startsWith("local") && !mode.equals("local-cluster");
        JavaSparkContext sc = inJvm ? null : new JavaSparkContext(new SparkConf()
                .setMaster(mode.equals("spark-local") ? "local[2]" : "local-cluster[2,1,1024]")
                .setAppName("pbt-spark-benchmark").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.memory", "900m"));
        int slots = mode.equals("local") ? 1 : 2;
        try (Timed trainer = new Timed(sc == null ? new LocalMemberTrainer(slots) : new SparkMemberTrainer(sc))) {
            BenchmarkData.Split data = BenchmarkData.blobs(5);
            PopulationBasedTraining.builder()
                    .populationSize(population)
                    .network(ExampleModels.mlp(data, new Adam(1e-3), 5, 256, 256).getLayerWiseConfigurations())
                    .searchSpace(SearchSpace.learningRate(1e-4, 1e-2).build())
                    .trainData(TrainingData.of(() -> BenchmarkData.blobs(5).trainIterator()))
                    .evaluator(net -> ((MultiLayerNetwork) net).evaluate(BenchmarkData.blobs(5).testIterator()).accuracy())
                    .readyEvery(1, ScheduleType.EPOCH).rounds(rounds).seed(5)
                    .trainer(trainer)
                    .build().run();
            List<Double> counted = trainer.roundMs.subList(1, trainer.roundMs.size());
            double[] perRound = counted.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(perRound);
            double roundMs = perRound[perRound.length / 2];
            List<MemberOutcome> all = trainer.outcomes.subList(1, trainer.outcomes.size()).stream()
                    .flatMap(List::stream).toList();
            double train = all.stream().mapToDouble(MemberOutcome::trainMillis).average().orElse(Double.NaN);
            double codec = all.stream().mapToDouble(MemberOutcome::codecMillis).average().orElse(Double.NaN);
            double bytes = all.stream().mapToLong(MemberOutcome::bytes).average().orElse(Double.NaN);
            double overhead = (roundMs - train * population / slots) / population;
            return new Row(mode + (sc == null ? "" : " (" + sc.master() + ")"), population, roundMs, perRound[0],
                    perRound[perRound.length - 1], train, codec, bytes, overhead);
        } finally {
            if (sc != null) {
                sc.close();
            }
        }
    }
}
