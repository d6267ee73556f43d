package io.github.dl4jlr.updater;

import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learning-rate-free updaters with the rest of DL4J: the listener, the two points, round trips, misuse. */
class LearningRateFreeTest {

    static Stream<Arguments> updaters() {
        return Stream.of(Arguments.of("Prodigy", (Supplier<IUpdater>) Prodigy::new),
                Arguments.of("ScheduleFreeAdamW", (Supplier<IUpdater>) ScheduleFreeAdamW::new),
                Arguments.of("ScheduleFreeSgd", (Supplier<IUpdater>) () -> new ScheduleFreeSgd(0.1, 0.9, 0, 5, 0, 2)));
    }

    private static DataSetIterator train() {
        return new ListDataSetIterator<>(TinyNets.data(60, 5, 3.0).asList(), 10);
    }

    private static MultiLayerNetwork net(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(TinyNets.mlnConf(updater));
        net.init();
        return net;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void withoutTheListenerTheFirstStepSaysWhatToAdd(String name, Supplier<IUpdater> updater) {
        MultiLayerNetwork net = net(updater.get());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.fit(train()));
        assertTrue(e.getMessage().startsWith(name + " needs the LearningRateFree listener"), e.getMessage());
        assertTrue(e.getMessage().contains("call LearningRateFree.attach(net) after net.init()"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void itTrainsAndTheLossFalls(String name, Supplier<IUpdater> updater) {
        MultiLayerNetwork net = net(updater.get());
        LearningRateFree.attach(net);
        double before = net.score(TinyNets.data(60, 5, 3.0));
        net.fit(train(), 10);
        double after = net.score(TinyNets.data(60, 5, 3.0));
        assertTrue(after < 0.7 * before, name + ": " + before + " -> " + after);
    }

    @Test
    void fitOverAnIteratorEndsHoldingXAndTrainingInEvalModeFailsLoudly() {
        MultiLayerNetwork net = net(new ScheduleFreeAdamW(0.01));
        LearningRateFree.attach(net);
        assertFalse(LearningRateFree.inEvalMode(net), "nothing to switch before the first step");
        net.fit(train());
        assertTrue(LearningRateFree.inEvalMode(net), "x after fit(iterator)");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.fit(TinyNets.data(10, 1, 3.0)));
        assertEquals(LearningRateFree.EVAL_MODE_TRAINING, e.getMessage());
        LearningRateFree.trainMode(net);
        net.fit(TinyNets.data(10, 1, 3.0));
        assertFalse(LearningRateFree.inEvalMode(net), "a fit(DataSet) loop stays at y");
        net.fit(train());
        assertTrue(LearningRateFree.inEvalMode(net), "fit(iterator) switches to y at the epoch start by itself");
    }

    @Test
    void xAndYAreDifferentPointsAndTheSwitchIsExact() {
        MultiLayerNetwork net = net(new ScheduleFreeAdamW(0.01));
        LearningRateFree.attach(net);
        for (int i = 0; i < 20; i++) {
            net.fit(TinyNets.data(10, i, 3.0));
        }
        INDArray y = net.params().dup();
        INDArray x;
        try (LearningRateFree.Evaluation ignored = LearningRateFree.evaluating(net)) {
            x = net.params().dup();
        }
        assertTrue(x.sub(y).amaxNumber().doubleValue() > 1e-4, "x differs from y");
        assertEquals(0, net.params().sub(y).amaxNumber().doubleValue(), 1e-14, "y again after the scope");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void modelSerializerMidRunResumesExactlyAsAnUninterruptedRun(String name, Supplier<IUpdater> updater,
                                                                  @TempDir File dir) throws Exception {
        MultiLayerNetwork straight = net(updater.get());
        LearningRateFree.attach(straight);
        straight.fit(train(), 4);

        MultiLayerNetwork first = net(updater.get());
        LearningRateFree.attach(first);
        first.fit(train(), 2);
        File saved = new File(dir, "half.zip");
        ModelSerializer.writeModel(first, saved, true);
        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(saved, true);
        LearningRateFree.attach(resumed);
        resumed.fit(train(), 2);

        assertEquals(0, resumed.params().sub(straight.params()).amaxNumber().doubleValue(), 0.0, name);
        assertEquals(0, resumed.getUpdater().getStateViewArray().sub(straight.getUpdater().getStateViewArray())
                .amaxNumber().doubleValue(), 0.0, name + ": updater state");
        if (name.equals("Prodigy")) {
            assertEquals(LearningRateFree.prodigyStepSize(straight), LearningRateFree.prodigyStepSize(resumed), 0.0);
            assertTrue(LearningRateFree.prodigyStepSize(straight) > Prodigy.DEFAULT_D0, "d grew");
        }
    }

    @Test
    void aComputationGraphRoundTripsAndResumesToo(@TempDir File dir) throws Exception {
        ComputationGraphConfiguration conf = TinyNets.graphConf(new Prodigy());
        ComputationGraph straight = new ComputationGraph(ComputationGraphConfiguration.fromJson(conf.toJson()));
        straight.init();
        LearningRateFree.attach(straight);
        straight.fit(train(), 4);
        ComputationGraph first = new ComputationGraph(conf);
        first.init();
        LearningRateFree.attach(first);
        first.fit(train(), 2);
        File saved = new File(dir, "graph.zip");
        ModelSerializer.writeModel(first, saved, true);
        ComputationGraph resumed = ModelSerializer.restoreComputationGraph(saved, true);
        LearningRateFree.attach(resumed);
        resumed.fit(train(), 2);
        assertEquals(0, resumed.params().sub(straight.params()).amaxNumber().doubleValue(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void configurationJsonAndJavaSerializationRoundTrip(String name, Supplier<IUpdater> updater) throws Exception {
        MultiLayerConfiguration conf = TinyNets.mlnConf(updater.get());
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back, name);
        assertEquals(updater.get(), ((org.deeplearning4j.nn.conf.layers.BaseLayer) back.getConf(0).getLayer())
                .getIUpdater());
        assertEquals(conf, javaRoundTrip(conf), name + ": Java serialization (Spark ships configurations so)");
        assertTrue(javaRoundTrip(LearningRateFree.create()) instanceof LearningRateFree);
    }

    @Test
    void everySettingRoundTripsThroughJson() {
        Prodigy p = Prodigy.builder().learningRateSchedule(new CosineDecaySchedule(ScheduleType.ITERATION, 1, 0, 100))
                .betas(0.8, 0.99).beta3(0.95).epsilon(1e-7).weightDecay(0.01).decouple(false).useBiasCorrection(true)
                .safeguardWarmup(true).d0(1e-5).dCoef(2).growthRate(1.02).build();
        ScheduleFreeAdamW s = ScheduleFreeAdamW.builder().learningRate(0.01).betas(0.95, 0.99).epsilon(1e-7)
                .weightDecay(0.01).warmupSteps(100).r(0.5).weightLrPower(1).build();
        for (IUpdater u : List.of(p, s, new Prodigy(), new ScheduleFreeSgd(0.5, 0.8, 0.001, 10, 1, 1))) {
            MultiLayerConfiguration conf = TinyNets.mlnConf(u);
            assertEquals(u, ((org.deeplearning4j.nn.conf.layers.BaseLayer) MultiLayerConfiguration
                    .fromJson(conf.toJson()).getConf(0).getLayer()).getIUpdater(), u.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T javaRoundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertEquals("Expected beta1 in [0.0, 1.0), but got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Prodigy.builder().betas(1.0, 0.999).build()).getMessage());
        assertEquals("Expected beta2 in [0.0, 1.0), but got -0.1",
                assertThrows(IllegalArgumentException.class, () -> Prodigy.builder().betas(0.9, -0.1).build()).getMessage());
        assertEquals("Expected d0 > 0 and finite, but got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Prodigy.builder().d0(0).build()).getMessage());
        assertEquals("Expected learningRate > 0 and finite, but got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Prodigy(0.0)).getMessage());
        assertEquals("Expected learningRate > 0 and finite, but got NaN",
                assertThrows(IllegalArgumentException.class, () -> new ScheduleFreeAdamW(Double.NaN)).getMessage());
        assertEquals("Expected growthRate >= 1 (or +Infinity), but got NaN",
                assertThrows(IllegalArgumentException.class, () -> Prodigy.builder().growthRate(Double.NaN).build())
                        .getMessage());
        assertEquals("Expected beta3 in [0.0, 1.0), but got NaN",
                assertThrows(IllegalArgumentException.class, () -> Prodigy.builder().beta3(Double.NaN).build())
                        .getMessage());
        assertEquals("Expected beta1 in (0.0, 1.0), but got 0.0",
                assertThrows(IllegalArgumentException.class, () -> ScheduleFreeAdamW.builder().betas(0, 0.999).build())
                        .getMessage());
        assertEquals("Expected warmupSteps >= 0, but got -1",
                assertThrows(IllegalArgumentException.class, () -> ScheduleFreeAdamW.builder().warmupSteps(-1).build())
                        .getMessage());
        assertEquals("Expected momentum in (0.0, 1.0), but got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new ScheduleFreeSgd(1, 1, 0, 0, 0, 2)).getMessage());
        String json = TinyNets.mlnConf(new Prodigy()).toJson().replace("\"d0\" : 1.0E-6", "\"d0\" : -1.0");
        assertTrue(json.contains("\"d0\" : -1.0"), "the JSON was edited");
        Exception fromJson = assertThrows(RuntimeException.class, () -> MultiLayerConfiguration.fromJson(json));
        assertTrue(rootMessage(fromJson).contains("Expected d0 > 0 and finite, but got -1.0"), rootMessage(fromJson));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }

    @Test
    void schedulesOnProdigysMultiplierWorkScheduleFreeRefusesThem() {
        MultiLayerNetwork net = net(new Prodigy(new CosineDecaySchedule(ScheduleType.ITERATION, 1.0, 0.0, 60)));
        LearningRateFree.attach(net);
        net.fit(train(), 2);
        assertTrue(Double.isFinite(net.score()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScheduleFreeAdamW().setLrAndSchedule(1e-3, new CosineDecaySchedule(ScheduleType.ITERATION, 1, 0, 9)));
        assertTrue(e.getMessage().startsWith("Expected a fixed learning rate for ScheduleFreeAdamW, but got the schedule"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("use warmupSteps for a warm-up, and no ReduceLROnPlateau"), e.getMessage());
    }

    @Test
    void reduceLrOnPlateauTakesProdigyButRefusesScheduleFree() {
        ReduceLROnPlateau.builder().build().attachTo(net(new Prodigy()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReduceLROnPlateau.builder().build().attachTo(net(new ScheduleFreeAdamW())));
        assertEquals("Expected updaters that take a learning-rate schedule for ReduceLROnPlateau, but got "
                + "ScheduleFreeAdamW: Schedule-Free's averaging replaces the decay; train it without ReduceLROnPlateau",
                e.getMessage());
    }

    @Test
    void theFinderSaysTheyNeedNoRangeTest() {
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> LearningRateFinder.builder().build().find(net(new Prodigy()), train()));
        assertTrue(p.getMessage().contains("got Prodigy: it estimates its own step size while training, so it needs no "
                + "range test"), p.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> LearningRateFinder.builder().build().find(net(new ScheduleFreeAdamW()), train()));
        assertTrue(s.getMessage().contains("got ScheduleFreeAdamW: it takes no schedule"), s.getMessage());
    }

    @Test
    void dl4jWeightDecayOnTheirLayersIsRefusedByLayer() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Prodigy()).weightDecay(1e-3).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).name("hidden").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        LearningRateFree.attach(net);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.fit(train()));
        assertEquals("Expected no DL4J WeightDecay on layer 'hidden', which Prodigy trains: it would act outside the "
                + "step; set the updater's own weightDecay instead", e.getMessage());
    }

    @Test
    void prodigyNextToAdamIsSupportedAndItsDCoversItsOwnLayersOnly() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Prodigy()).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(8).nOut(8).activation(Activation.TANH).updater(new Adam(1e-2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        LearningRateFree.attach(net);
        assertEquals(3, net.getUpdater().getStateViewArray() == null ? 0
                : ((org.deeplearning4j.nn.updater.BaseMultiLayerUpdater<?>) net.getUpdater()).getUpdaterBlocks().size(),
                "Prodigy, Adam, Prodigy");
        double before = net.score(TinyNets.data(60, 5, 3.0));
        net.fit(train(), 10);
        assertTrue(net.score(TinyNets.data(60, 5, 3.0)) < 0.7 * before);
        assertTrue(LearningRateFree.prodigyStepSize(net) > Prodigy.DEFAULT_D0);
    }

    @Test
    void attachIsIdempotentAndGoesFirst() {
        MultiLayerNetwork net = net(new Prodigy());
        net.setListeners(new org.deeplearning4j.optimize.listeners.ScoreIterationListener(100));
        LearningRateFree first = LearningRateFree.attach(net);
        assertEquals(first, LearningRateFree.attach(net));
        assertEquals(2, net.getListeners().size());
        assertTrue(net.getListeners().iterator().next() instanceof LearningRateFree);
        DataSet one = TinyNets.data(10, 1, 3.0);
        net.fit(one);
        assertTrue(Double.isNaN(LearningRateFree.prodigyStepSize(net(new Prodigy()))), "no step yet: NaN");
    }
}
