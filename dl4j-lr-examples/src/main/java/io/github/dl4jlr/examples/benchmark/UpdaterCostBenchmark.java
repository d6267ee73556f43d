package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.updater.LearningRateFree;
import io.github.dl4jlr.updater.Prodigy;
import io.github.dl4jlr.updater.ScheduleFreeAdamW;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Time and memory per iteration of Prodigy and Schedule-Free AdamW against Adam: the small CNN of the timing benchmarks
 * (32x32x3, 10 classes) and a wide MLP (784-1024-1024-10, 1.8M parameters), where the updater's share of an iteration
 * is larger. Rounds alternate the updaters so that a busy moment hits all of them.
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml -cp dl4j-lr-examples/target/dl4j-lr-examples.jar \
 *        io.github.dl4jlr.examples.benchmark.UpdaterCostBenchmark
 * </pre>
 * Writes {@code updater-cost.csv} under {@code --out}.
 */
public final class UpdaterCostBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UpdaterCostBenchmark.class);
    static final String HEADER = "model,updater,median_ms,min_ms,max_ms,vs_adam_percent,state_bytes,params";

    @Command(name = "updater-cost", mixinStandardHelpOptions = true,
            description = "Time and memory per iteration of the learning-rate-free updaters against Adam.")
    static final class Options {
        @Option(names = "--rounds", description = "Rounds per updater and model (default: ${DEFAULT-VALUE}).")
        int rounds = 10;

        @Option(names = "--iterations", description = "Timed iterations per round (default: ${DEFAULT-VALUE}).")
        int iterations = 20;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    /** One updater on one model. */
    public record Row(String model, String updater, Timing timing, double vsAdamPercent, long stateBytes, long params) {
        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%.3f,%.1f,%d,%d", model, updater, timing.median(),
                    timing.min(), timing.max(), vsAdamPercent, stateBytes, params);
        }
    }

    private UpdaterCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static List<Row> run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return List.of();
        }
        Map<String, Supplier<IUpdater>> updaters = new LinkedHashMap<>();
        updaters.put("adam", () -> new Adam(1e-3));
        updaters.put("prodigy", Prodigy::new);
        updaters.put("schedule-free-adamw", ScheduleFreeAdamW::new);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<Row> rows = new java.util.ArrayList<>();
        for (String model : List.of("cnn", "wide-mlp")) {
            List<DataSet> batches = model.equals("cnn") ? BenchmarkModels.batches(o.iterations)
                    : mlpBatches(o.iterations);
            Map<String, MultiLayerNetwork> nets = new LinkedHashMap<>();
            Map<String, double[]> samples = new LinkedHashMap<>();
            updaters.forEach((name, u) -> {
                MultiLayerNetwork net = model.equals("cnn") ? BenchmarkModels.cnn(u.get()) : wideMlp(u.get());
                LearningRateFree.attach(net);
                net.fit(batches.get(0));                                  // warm-up
                nets.put(name, net);
                samples.put(name, new double[o.rounds]);
            });
            for (int r = 0; r < o.rounds; r++) {
                for (String name : updaters.keySet()) {
                    MultiLayerNetwork net = nets.get(name);
                    long t0 = System.nanoTime();
                    for (DataSet b : batches) {
                        net.fit(b);
                    }
                    samples.get(name)[r] = (System.nanoTime() - t0) / 1e6 / batches.size();
                }
            }
            Timing adam = new Timing(samples.get("adam"));
            for (String name : updaters.keySet()) {
                Timing t = new Timing(samples.get(name));
                MultiLayerNetwork net = nets.get(name);
                long state = net.getUpdater().getStateViewArray().length() * net.getUpdater().getStateViewArray()
                        .dataType().width();
                Row row = new Row(model, name, t, t.overheadPercent(adam), state, net.numParams());
                rows.add(row);
                csv.append(row.csv()).append('\n');
                log.info(String.format(Locale.ROOT, "%s %s: %s, %+.1f%% vs Adam, updater state %.1f MB (%.2fx the "
                                + "parameters)", model, name, t.describe(), row.vsAdamPercent(), state / 1e6,
                        state / (double) (net.numParams() * 4)));
            }
        }
        Path file = o.out.resolve("updater-cost.csv");
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.writeString(file, csv.toString());
        return rows;
    }

    private static MultiLayerNetwork wideMlp(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).updater(updater)
                .weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(1024).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(1024).nOut(1024).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(1024).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    private static List<DataSet> mlpBatches(int count) {
        Nd4j.getRandom().setSeed(123);
        java.util.Random r = new java.util.Random(123);
        List<DataSet> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] rows = new int[64];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = r.nextInt(10);
            }
            out.add(new DataSet(Nd4j.rand(64, 784), Nd4j.eye(10).getRows(rows)));
        }
        return out;
    }
}
