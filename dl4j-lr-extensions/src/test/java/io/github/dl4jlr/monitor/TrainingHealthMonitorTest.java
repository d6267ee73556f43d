package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.ParamRef;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.ScaledSchedule;
import io.github.dl4jlr.testutil.CapturedLog;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ScheduleType;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingHealthMonitorTest {

    @RegisterExtension
    final CapturedLog logs = CapturedLog.of(TrainingHealthMonitor.class);

    private List<String> lines(ch.qos.logback.classic.Level level) {
        return logs.messages(level);
    }

    /** Minibatches of 10 from the 3-class problem; the {@code nanBatch}-th (0-based) gets a NaN feature, or none if < 0. */
    private static DataSetIterator batches(int count, int nanBatch) {
        List<DataSet> examples = new ArrayList<>(TinyNets.data(count * 10, 17, 3.0).asList());
        if (nanBatch >= 0) {
            examples.get(nanBatch * 10 + 3).getFeatures().putScalar(1, Double.NaN);
        }
        return new ListDataSetIterator<>(examples, 10);
    }

    /** Records, before the monitor runs, the first iteration whose parameters are non-finite and the first key. */
    private static final class Truth extends BaseTrainingListener {
        int firstBadIteration = -1;
        String firstBadKey;

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            if (firstBadIteration >= 0) {
                return;
            }
            NetworkAdapter net = NetworkAdapter.of(model);
            for (ParamRef p : net.parameters()) {
                if (!Double.isFinite(net.param(p).sumNumber().doubleValue())) {
                    firstBadIteration = iteration;
                    firstBadKey = p.key();
                    return;
                }
            }
        }
    }

    @Test
    void nanInTheInputIsCaughtAtThatIterationAndBlamedOnTheData() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        net.fit(batches(5, -1));                                 // iterations 0..4, healthy
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build();
        net.setListeners(monitor);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(batches(6, 2)));
        Diagnosis d = e.diagnosis();
        assertEquals(5 + 2, d.iteration(), "caught at the iteration of the poisoned minibatch");
        assertEquals(Boolean.FALSE, d.inputFinite());
        assertEquals(Cause.BAD_INPUT, d.cause());
        assertEquals("features", d.key());
        assertTrue(e.getMessage().contains("the minibatch input 'features' contains NaN/Inf"), e.getMessage());
        assertTrue(e.getMessage().contains("The model now holds the parameters and updater state of iter="), e.getMessage());
        assertTrue(Double.isFinite(net.params().sumNumber().doubleValue()), "the user keeps a usable model");
        assertEquals(1, lines(ch.qos.logback.classic.Level.ERROR).size());
    }

    @Test
    void nanWrittenIntoOneLayerIsBlamedOnThatLayerNotOnTheLayersBackpropReaches() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build();
        net.setListeners(monitor);
        net.fit(batches(4, -1));                                 // iterations 0..3
        net.getParam("1_W").putScalar(2, 1, Double.NaN);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(batches(4, -1)));
        assertEquals(4, e.diagnosis().iteration(), "caught at the first step after the injection");
        assertEquals(List.of("1_W"), e.diagnosis().paramsBeforeStep());
        assertEquals("1", e.diagnosis().firstLayer());
        assertTrue(e.getMessage().contains("parameters 1_W were already NaN/Inf before this step"), e.getMessage());
        List<MonitorEvent> events = monitor.report().events();
        assertEquals(List.of(MonitorEvent.Kind.NON_FINITE, MonitorEvent.Kind.STOP),
                events.stream().map(MonitorEvent::kind).toList());
        assertEquals("1", events.get(0).key(), "the event is keyed to the poisoned layer");
    }

    /** A float32 regression net with an unbounded loss, so a huge LR overflows within a few steps. */
    private static MultiLayerNetwork regression(double lr) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(3).dataType(DataType.FLOAT).updater(new Sgd(lr))
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.IDENTITY).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    private static DataSetIterator regressionData(int batches) {
        Random r = new Random(5);
        float[][] x = new float[batches * 10][4];
        float[][] y = new float[batches * 10][1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) r.nextGaussian();
                y[i][0] += (j + 1) * x[i][j];
            }
        }
        return new ListDataSetIterator<>(new DataSet(Nd4j.create(x), Nd4j.create(y)).asList(), 10);
    }

    @Test
    void aLearningRateOf1e3IsCaughtWithinOneIterationOfGoingNonFinite() {
        MultiLayerNetwork net = regression(1e3);
        Truth truth = new Truth();
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build();
        net.setListeners(truth, monitor);                        // truth runs first

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(regressionData(60)));
        assertTrue(truth.firstBadIteration >= 0, "the parameters did overflow");
        Trouble t = e.trouble();
        assertTrue(t.iteration() <= truth.firstBadIteration + 1,
                "caught at " + t.iteration() + ", parameters non-finite since " + truth.firstBadIteration);
        assertTrue(t.cause().isLearningRateProblem(), t.cause().name());
        if (t instanceof Diagnosis) {
            assertTrue(((Diagnosis) t).culprits().contains(truth.firstBadKey),
                    ((Diagnosis) t).culprits() + " names " + truth.firstBadKey);
        }
        assertTrue(e.getMessage().contains("learning rate is likely too high") || e.getMessage().contains("overflowed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("before any healthy check"), "it never trained healthily: " + e.getMessage());
        assertTrue(e.getMessage().contains("LearningRateFinder"), e.getMessage());
    }

    @Test
    void aNanMinibatchUnderRollbackIsSkippedWithoutCuttingTheLearningRate() {
        CosineDecaySchedule schedule = new CosineDecaySchedule(ScheduleType.ITERATION, 1e-2, 1e-4, 100);
        MultiLayerNetwork net = TinyNets.mln(new Adam(schedule));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(5)
                .onTrouble(TroubleMode.ROLLBACK).rollbackLrFactor(0.1).maxRollbacks(3).build();
        net.setListeners(monitor);

        net.fit(batches(20, 8));                                 // one poisoned minibatch at iteration 8

        assertTrue(Double.isFinite(net.params().sumNumber().doubleValue()));
        List<RollbackRecord> restores = monitor.report().rollbacks();
        assertEquals(1, restores.size());
        RollbackRecord r = restores.get(0);
        assertEquals(RecoveryAction.RESTORE, r.action());
        assertEquals(Cause.BAD_INPUT, r.cause());
        assertEquals("features", r.key());
        assertEquals(8, r.iteration());
        assertEquals(5, r.restoredIteration(), "the newest healthy check");
        assertEquals(r.lrBefore(), r.lrAfter(), "bad data is not a learning-rate problem");
        IUpdater u = NetworkAdapter.of(net).trainedUpdaters().get(0);
        assertEquals(schedule, LearningRateConfig.read(u).schedule(), "the schedule is untouched");
        List<MonitorEvent> events = monitor.report().events().stream()
                .filter(e -> e.kind() != MonitorEvent.Kind.RATIO_HIGH && e.kind() != MonitorEvent.Kind.RATIO_LOW).toList();
        assertEquals(List.of(MonitorEvent.Kind.NON_FINITE, MonitorEvent.Kind.RESTORE),
                events.stream().map(MonitorEvent::kind).toList());
        assertTrue(events.stream().allMatch(e -> e.key().equals("features")), events.toString());
    }

    @Test
    void aRollbackCutKeepsTheScheduleShape() {
        CosineDecaySchedule schedule = new CosineDecaySchedule(ScheduleType.ITERATION, 1e3, 1e1, 100);
        MultiLayerNetwork net = regression(1);
        for (IUpdater u : NetworkAdapter.of(net).trainedUpdaters()) {
            u.setLrAndSchedule(Double.NaN, schedule);
        }
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1)
                .onTrouble(TroubleMode.ROLLBACK).rollbackLrFactor(0.01).maxRollbacks(5).build();
        net.setListeners(monitor);
        net.fit(regressionData(30));
        List<RollbackRecord> rollbacks = monitor.report().rollbacks();
        assertFalse(rollbacks.isEmpty());
        double factor = Math.pow(0.01, rollbacks.size());
        IUpdater u = NetworkAdapter.of(net).trainedUpdaters().get(0);
        assertEquals(new ScaledSchedule(schedule, factor), LearningRateConfig.read(u).schedule(),
                "every cut multiplies the whole schedule");
        for (RollbackRecord r : rollbacks) {
            assertEquals(0.01 * r.lrBefore(), r.lrAfter(), 1e-9 * r.lrBefore(), r.toString());
        }
        assertEquals(factor * schedule.valueAt(30, 1), net.getLearningRate(0), 1e-9, "after fit the LR of the next step");
    }

    @Test
    void rollbackGivesUpAfterMaxRollbacks() {
        MultiLayerNetwork net = regression(1e5);
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1)
                .onTrouble(TroubleMode.ROLLBACK).rollbackLrFactor(0.9).maxRollbacks(2).build();
        net.setListeners(monitor);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(regressionData(200)));
        assertEquals(2, monitor.report().rollbackCount());
        assertTrue(e.getMessage().contains("Stopped after 2 rollback(s)."), e.getMessage());
        assertTrue(Double.isFinite(net.params().sumNumber().doubleValue()));
    }

    private TrainingHealthMonitor trainAndWatch(IUpdater updater, int epochs) {
        return trainAndWatch(TinyNets.mln(updater), epochs);
    }

    private TrainingHealthMonitor trainAndWatch(MultiLayerNetwork net, int epochs) {
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2).ratioPatience(3).build();
        net.setListeners(monitor);
        for (int e = 0; e < epochs; e++) {
            net.fit(batches(20, -1));
        }
        return monitor;
    }

    @Test
    void aHealthyAdamRunGivesNoWarning() {
        MonitorReport r = trainAndWatch(new Adam(1e-3), 2).report();
        assertEquals(List.of(), r.warnings());
        assertEquals(20, r.checks().size());
        double median = r.medianWeightRatio();
        assertTrue(median > 1e-4 && median < 1e-2, "median ratio " + median);
        assertTrue(lines(ch.qos.logback.classic.Level.INFO).stream()
                .allMatch(l -> l.matches("iter=\\d+ epoch=\\d+ lr=\\S+ update/param( \\d+_[Wb]=\\S+)+ \\[ok\\]")),
                String.valueOf(lines(ch.qos.logback.classic.Level.INFO)));
        assertTrue(lines(ch.qos.logback.classic.Level.WARN).isEmpty());
    }

    @Test
    void aLearningRate1000xTooHighWarnsTooHighAfterThreeExtremeSteps() {
        MonitorReport r = trainAndWatch(new Adam(1.0), 1).report();
        assertFalse(r.warnings().isEmpty());
        assertTrue(r.warnings().stream().allMatch(w -> w.kind() == MonitorEvent.Kind.RATIO_HIGH), r.warnings().toString());
        String warn = lines(ch.qos.logback.classic.Level.WARN).get(0);
        // steps of 10x the band's top at the patience of 3 checks: no need to wait for a trend
        assertEquals("iter=4 epoch=0 0_W=1.5e-01, 1_W=1.6e-01 above 1e-02 for 3 checks, each update moving the weights "
                + "by 10% of their size or more: learning rate likely too high for these layers (try x0.1)", warn,
                "both layers in one line");
        assertEquals("0_W,1_W", r.warnings().get(0).key());
        assertEquals(1, r.warnings().size(), "the same advice is not repeated: " + r.warnings());
    }

    @Test
    void aHighRatioWhileTheLossStillImprovesIsNoWarning() {
        // Adam at 0.1 keeps the ratios above 1e-2 for the whole first epoch, but the loss keeps falling
        MonitorReport r = trainAndWatch(new Adam(1e-1), 1).report();
        assertTrue(r.checks().stream().filter(c -> c.iteration() >= 8)
                .allMatch(c -> c.ratio("0_W") > 1e-2), "the premise: a high streak");
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void aLearningRate100xTooLowWarnsTooLow() {
        MonitorReport r = trainAndWatch(new Adam(1e-5), 1).report();
        assertFalse(r.warnings().isEmpty());
        assertTrue(r.warnings().stream().allMatch(w -> w.kind() == MonitorEvent.Kind.RATIO_LOW), r.warnings().toString());
        assertTrue(r.warnings().get(0).message().endsWith("learning rate likely too low for these layers (try x10)"),
                r.warnings().get(0).message());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void aFrozenLayerIsNeitherJudgedNorShownAndTooLowStaysTooLow() {
        MultiLayerNetwork body = TinyNets.mln(new Adam(1e-2));
        body.fit(batches(20, -1));
        for (double lr : new double[]{1e-3, 1e-5}) {
            MultiLayerNetwork tuned = new TransferLearning.Builder(body.clone())
                    .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(lr)).build())
                    .setFeatureExtractor(0).build();
            MonitorReport r = trainAndWatch(tuned, 1).report();
            assertTrue(r.checks().stream().allMatch(c -> c.keys().equals(List.of("1_W", "1_b"))),
                    "only the head's arrays are measured: " + r.checks().get(0).keys());
            if (lr == 1e-3) {
                assertEquals(List.of(), r.warnings());
            } else {
                assertEquals(1, r.warnings().size(), r.warnings().toString());
                assertEquals("1_W", r.warnings().get(0).key());
                String message = r.warnings().get(0).message();
                assertTrue(message.endsWith("learning rate likely too low for this layer (try x10)"), message);
            }
        }
        assertTrue(lines(ch.qos.logback.classic.Level.INFO).stream().noneMatch(l -> l.contains("0_W")));
    }

    @Test
    void worksForComputationGraphsAndWritesCsvAndPlot(@TempDir Path dir) throws Exception {
        ComputationGraph g = TinyNets.graph(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).csv(dir.resolve("m.csv")).build();
        g.setListeners(monitor);
        g.fit(batches(6, -1));
        MonitorReport r = monitor.report();
        assertEquals(List.of("dense_W", "dense_b", "out_W", "out_b"), List.copyOf(r.keys()));
        assertEquals(6, r.checks().size());
        List<String> csv = Files.readAllLines(dir.resolve("m.csv"));
        assertEquals("replica,iteration,epoch,lr,param,ratio,verdict,step_size", csv.get(0));
        assertEquals(1 + 6 * 4, csv.size());
        assertNotNull(ImageIO.read(r.savePlot(dir.resolve("ratios.png")).toFile()));
    }

    @Test
    void oneInstanceServesSeveralModelsConcurrently() throws Exception {
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).onTrouble(TroubleMode.STOP).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                runs.add(pool.submit(() -> {
                    MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
                    net.setListeners(monitor);
                    net.fit(batches(15, -1));
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(30, monitor.report().checks().size());
    }

    /** Inputs "a" (2 features) and "b" (3 features) feed layers "da" and "db", merged into output "out". */
    private static ComputationGraph twoInputGraph() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-2)).graphBuilder()
                .addInputs("a", "b")
                .addLayer("da", new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH).build(), "a")
                .addLayer("db", new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.TANH).build(), "b")
                .addVertex("merge", new MergeVertex(), "da", "db")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "merge")
                .setOutputs("out")
                .build());
        g.init();
        return g;
    }

    /** Minibatch {@code i} of 8 examples; the one at {@code nanAt} gets a NaN in input "b". */
    private static MultiDataSet twoInputBatch(int i, int nanAt) {
        Random r = new Random(i);
        double[][] a = new double[8][2];
        double[][] b = new double[8][3];
        double[][] y = new double[8][2];
        for (int k = 0; k < 8; k++) {
            int c = k % 2;
            a[k][0] = c + r.nextGaussian() * 0.3;
            a[k][1] = r.nextGaussian();
            b[k][0] = r.nextGaussian();
            b[k][1] = c - r.nextGaussian() * 0.3;
            b[k][2] = r.nextGaussian();
            y[k][c] = 1;
        }
        if (i == nanAt) {
            b[5][1] = Double.NaN;
        }
        return new MultiDataSet(new INDArray[]{Nd4j.create(a), Nd4j.create(b)}, new INDArray[]{Nd4j.create(y)});
    }

    @Test
    void nanInOneInputOfAGraphIsBlamedOnThatInputByName() {
        ComputationGraph g = twoInputGraph();
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2).onTrouble(TroubleMode.STOP).build();
        g.setListeners(monitor);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> {
            for (int i = 0; i < 6; i++) {
                g.fit(twoInputBatch(i, 3));
            }
        });
        Diagnosis d = e.diagnosis();
        assertEquals(3, d.iteration());
        assertEquals(Cause.BAD_INPUT, d.cause());
        assertEquals(List.of("b"), d.nonFiniteInputs(), "the clean input a is not blamed");
        assertTrue(e.getMessage().contains("the minibatch input 'b' contains NaN/Inf"), e.getMessage());
        List<MonitorEvent> events = monitor.report().events();
        assertEquals(List.of(MonitorEvent.Kind.NON_FINITE, MonitorEvent.Kind.STOP),
                events.stream().map(MonitorEvent::kind).toList());
        assertTrue(events.stream().allMatch(ev -> ev.key().equals("b")), "both events keyed to input b: " + events);
    }

    @Test
    void nanInOneInputOfAGraphUnderRollbackSkipsTheBatchAndKeepsTheLearningRate() {
        ComputationGraph g = twoInputGraph();
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2)
                .onTrouble(TroubleMode.ROLLBACK).build();
        g.setListeners(monitor);
        for (int i = 0; i < 10; i++) {
            g.fit(twoInputBatch(i, 3));
        }
        assertTrue(Double.isFinite(g.params().sumNumber().doubleValue()));
        RollbackRecord r = monitor.report().rollbacks().get(0);
        assertEquals(1, monitor.report().rollbackCount());
        assertEquals(RecoveryAction.RESTORE, r.action());
        assertEquals("b", r.key());
        assertEquals(2, r.restoredIteration());
        assertEquals(1e-2, r.lrBefore(), 0.0);
        assertEquals(1e-2, r.lrAfter(), 0.0, "a data problem does not cut the learning rate");
        assertEquals(1e-2, g.getLearningRate("da"), 0.0);
    }

    @Test
    void nanLabelsAreBlamedOnTheOutput() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build();
        net.setListeners(monitor);
        DataSet batch = TinyNets.data(10, 3);
        batch.getLabels().putScalar(2, 1, Double.NaN);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(batch));
        assertEquals(Cause.BAD_LABELS, e.diagnosis().cause());
        assertEquals("labels", e.diagnosis().key());
        assertTrue(e.getMessage().contains("labels for output 'labels' contain NaN/Inf"), e.getMessage());
    }

    @Test
    void aLossOverflowWithFiniteParametersIsExplainedAndReported() {
        // MCXENT on an identity output takes the log of negative "probabilities": NaN from the first step.
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).updater(new Sgd(1e-3)).list().validateOutputLayerConfig(false)
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build();
        net.setListeners(monitor);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(batches(3, -1)));
        assertEquals(0, e.trouble().iteration());
        assertTrue(e.getMessage().contains("overflowed (e.g. log(0))") || e.getMessage().contains("learning rate is likely"),
                e.getMessage());
        assertEquals(Boolean.TRUE, e.diagnosis().inputFinite(), "the data was inspected and is clean");
        assertEquals(List.of(MonitorEvent.Kind.NON_FINITE, MonitorEvent.Kind.STOP),
                monitor.report().events().stream().map(MonitorEvent::kind).toList());
    }

    @Test
    void aNetworkThatIsNonFiniteFromTheStartHasNothingToRestore() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        net.getParam("0_W").putScalar(0, 0, Double.NaN);
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.ROLLBACK).build();
        net.setListeners(monitor);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> net.fit(batches(3, -1)));
        assertTrue(e.getMessage().contains("Nothing healthy was ever seen"), e.getMessage());
        assertTrue(e.getMessage().contains("LearningRateFinder"), e.getMessage());
        assertEquals(0, monitor.report().rollbackCount());
    }

    @Test
    void theCsvIsFlushedEachEpochCompleteAfterCloseAndItsHandleReleased(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("monitor.csv");
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        try (TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2).csv(file).build()) {
            net.setListeners(monitor);
            net.fit(batches(6, -1));                             // iterations 0..5: checks at 0, 2, 4
            assertEquals(1 + 3 * 4, Files.readAllLines(file).size(), "flushed at the end of the epoch");
            assertTrue(openHandles(file) > 0, "still open while training may go on");
            net.fit(batches(6, -1));                             // checks at 6, 8, 10
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(MonitorCsv.HEADER, lines.get(0));
        assertEquals(1 + 6 * 4, lines.size(), "every check of both epochs");
        assertEquals(0, openHandles(file), "close() released the file");
    }

    /**
     * How many of this process's file descriptors point at {@code file}. Needs Linux's /proc: elsewhere the test is
     * skipped (reported as such), never passed without looking.
     */
    private static long openHandles(Path file) throws Exception {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
        Path real = file.toRealPath();
        long n = 0;
        try (var stream = Files.list(fds)) {
            for (Path fd : stream.toList()) {
                try {
                    n += Files.readSymbolicLink(fd).equals(real) ? 1 : 0;
                } catch (java.nio.file.NoSuchFileException closedMeanwhile) {
                    // the descriptor that listed the folder itself, closed by now
                }
            }
        }
        return n;
    }

    @Test
    void badSettingsGetClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingHealthMonitor.builder().ratioBand(1e-2, 1e-4).build());
        assertEquals("Expected ratioBand low < high, but got low=0.01, high=1.0E-4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingHealthMonitor.builder().frequency(0).build());
        assertEquals("Expected frequency > 0, but got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingHealthMonitor.builder().rollbackLrFactor(1.0).build());
        assertEquals("Expected rollbackLrFactor in (0.0, 1.0), but got 1.0", e.getMessage());
    }
}
