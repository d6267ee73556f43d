package io.github.dl4jlr.examples;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.monitor.MonitorReport;
import io.github.dl4jlr.monitor.TroubleMode;
import io.github.dl4jlr.monitor.RollbackRecord;
import io.github.dl4jlr.monitor.TrainingDivergedException;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Four runs under the {@link TrainingHealthMonitor} on a 10-class problem:
 * <ol>
 *   <li>healthy: Adam at 1e-3, ratios in band, no warning; writes the ratio chart;</li>
 *   <li>too high: SGD at 1e4 overflows; policy STOP throws {@link TrainingDivergedException} with a diagnosis
 *       and leaves the last healthy parameters in the network;</li>
 *   <li>rollback: one minibatch with a NaN; policy ROLLBACK restores, cuts the LR and finishes training;</li>
 *   <li>stalled: SGD at 1e-6 barely moves the loss; after 3 epochs without a 1% improvement the monitor warns and
 *       reads the cause from the low update:parameter ratios.</li>
 * </ol>
 * <pre>
 *   java -cp dl4j-lr-examples/target/dl4j-lr-examples.jar io.github.dl4jlr.examples.HealthMonitorExample
 * </pre>
 */
public final class HealthMonitorExample {

    private static final Logger log = LoggerFactory.getLogger(HealthMonitorExample.class);

    /** The four runs' outcomes. */
    public record Result(MonitorReport healthy, Path ratioChart, TrainingDivergedException caught,
                         MonitorReport rollback, boolean rollbackParamsFinite, MonitorReport stalled) {
    }

    @Command(name = "health-monitor-example", mixinStandardHelpOptions = true,
            description = "A healthy run, a too-high LR caught by STOP, a NaN minibatch handled by ROLLBACK, and a "
                    + "stalled loss.")
    static final class Options {
        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "health-monitor");

        @Option(names = "--epochs", description = "Epochs of the healthy run (default: ${DEFAULT-VALUE}).")
        int epochs = 2;

        @Option(names = "--stall-epochs", description = "Epochs of the stalled run (default: ${DEFAULT-VALUE}).")
        int stallEpochs = 4;
    }

    private HealthMonitorExample() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        BenchmarkData.Split data = BenchmarkData.blobs(3);

        log.info("1/4 healthy run: Adam lr=1e-3");
        MonitorReport healthyReport;
        try (TrainingHealthMonitor healthy = TrainingHealthMonitor.builder().frequency(10)
                .csv(o.out.resolve("healthy-ratios.csv")).build()) {
            MultiLayerNetwork net = ExampleModels.mlp(data, new Adam(1e-3), 5, 64, 64);
            net.setListeners(healthy);
            for (int e = 0; e < o.epochs; e++) {
                net.fit(data.trainIterator());
            }
            healthyReport = healthy.report();
        }
        Path chart = healthyReport.savePlot(o.out.resolve("healthy-ratios.png"));

        log.info("2/4 too-high LR: SGD lr=1e4 with onTrouble(STOP)");
        MultiLayerNetwork hot = ExampleModels.mlp(data, new Sgd(1e4), 5, 64, 64);
        hot.setListeners(TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build());
        TrainingDivergedException caught = null;
        try {
            hot.fit(data.trainIterator());
        } catch (TrainingDivergedException e) {
            caught = e;
            log.info("caught as expected; the network holds finite parameters again: {}",
                    Double.isFinite(hot.params().sumNumber().doubleValue()));
        }

        log.info("3/4 rollback: Adam lr=10 (far too high), and minibatch 40 contains a NaN; onTrouble(ROLLBACK)");
        TrainingHealthMonitor rollback = TrainingHealthMonitor.builder().frequency(5)
                .onTrouble(TroubleMode.ROLLBACK).maxRollbacks(5).build();
        MultiLayerNetwork resilient = ExampleModels.mlp(data, new Adam(10), 5, 64, 64);
        resilient.setListeners(rollback);
        resilient.fit(withNanIn(data, 40));
        boolean finite = Double.isFinite(resilient.params().sumNumber().doubleValue());
        for (RollbackRecord r : rollback.report().rollbacks()) {
            log.info("  {} at iter {} ({}): back to iter {}, lr {} -> {}", r.action(), r.iteration(), r.cause(),
                    r.restoredIteration(), String.format("%.1e", r.lrBefore()), String.format("%.1e", r.lrAfter()));
        }
        log.info("rollback run finished: parameters finite: {}, lr now {}, test accuracy {}", finite,
                String.format("%.1e", resilient.getLearningRate(0)),
                String.format("%.3f", resilient.evaluate(data.testIterator()).accuracy()));

        log.info("4/4 stalled: SGD lr=1e-6 for {} epochs", o.stallEpochs);
        TrainingHealthMonitor stall = TrainingHealthMonitor.builder().build();
        MultiLayerNetwork slow = ExampleModels.mlp(data, new Sgd(1e-6), 5, 64, 64);
        slow.setListeners(stall);
        slow.fit(data.trainIterator(), o.stallEpochs);
        stall.report().stalls().forEach(s -> log.info("  stall at epoch {}: cause {}", s.epoch(), s.cause()));
        return new Result(healthyReport, chart, caught, rollback.report(), finite, stall.report());
    }

    private static DataSetIterator withNanIn(BenchmarkData.Split data, int batch) {
        List<DataSet> examples = new ArrayList<>(data.train().asList());
        // asList() shares the split's arrays: poison a copy, not the data the other runs train on
        DataSet poisoned = examples.get(batch * data.batchSize()).copy();
        poisoned.getFeatures().putScalar(0, Double.NaN);
        examples.set(batch * data.batchSize(), poisoned);
        return new ListDataSetIterator<>(examples, data.batchSize());
    }
}
