package io.github.dl4jlr.schedule;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every schedule survives JSON, network configurations, Java serialization and ModelSerializer. */
class ScheduleSerializationTest {

    static Stream<Arguments> schedules() {
        List<Arguments> args = new ArrayList<>();
        for (ScheduleType type : ScheduleType.values()) {
            ScheduleFixtures.all(type).forEach((name, s) -> args.add(Arguments.of(name + "/" + type, s, type)));
        }
        return args.stream();
    }

    private static void assertSameValues(ISchedule expected, ISchedule actual) {
        assertEquals(expected, actual);
        for (int t = 0; t < 40; t++) {
            assertEquals(expected.valueAt(t, t), actual.valueAt(t, t), "t=" + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void jsonReadAsISchedule(String name, ISchedule schedule, ScheduleType type) throws Exception {
        String json = NeuralNetConfiguration.mapper().writeValueAsString(schedule);
        assertTrue(json.matches("(?s).*\"@class\"\\s*:\\s*\"" + schedule.getClass().getName() + "\".*"), json);
        ISchedule back = NeuralNetConfiguration.mapper().readValue(json, ISchedule.class);
        assertSameValues(schedule, back);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void javaSerialization(String name, ISchedule schedule, ScheduleType type) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(schedule);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSameValues(schedule, (ISchedule) in.readObject());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void networkConfigurationsRoundTrip(String name, ISchedule schedule, ScheduleType type) {
        MultiLayerConfiguration mln = TinyNets.mlnConf(new Adam(schedule));
        MultiLayerConfiguration mlnBack = MultiLayerConfiguration.fromJson(mln.toJson());
        assertEquals(mln, mlnBack);
        assertSameValues(schedule, ((Adam) ((BaseLayer) mlnBack.getConf(0).getLayer()).getIUpdater()).getLearningRateSchedule());

        ComputationGraphConfiguration cg = TinyNets.graphConf(new Nesterovs(new StepDecaySchedule(ScheduleType.EPOCH, 0.1, 0.5, 2), schedule));
        ComputationGraphConfiguration cgBack = ComputationGraphConfiguration.fromJson(cg.toJson());
        assertEquals(cg, cgBack);
        Nesterovs u = (Nesterovs) ((BaseLayer) ((org.deeplearning4j.nn.conf.graph.LayerVertex) cgBack.getVertices().get("out"))
                .getLayerConf().getLayer()).getIUpdater();
        assertSameValues(schedule, u.getMomentumISchedule());
    }

    /**
     * Training resumed from a ModelSerializer file uses exactly the learning rates and momenta of the
     * uninterrupted run, and ends with the same parameters.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void modelSerializerResumesWithTheSameSchedule(String name, ISchedule schedule, ScheduleType type, @TempDir Path dir) throws Exception {
        boolean isMomentum = schedule instanceof OneCycleMomentumSchedule;
        ISchedule lr = isMomentum ? new StepDecaySchedule(type, 0.05, 0.5, 4) : schedule;
        ISchedule momentum = isMomentum ? schedule : ScheduleFixtures.all(type).get("oneCycleMomentum");

        MultiLayerNetwork uninterrupted = TinyNets.mln(new Nesterovs(lr, momentum));
        List<double[]> expected = new ArrayList<>();
        uninterrupted.setListeners(new UpdaterRecorder(expected));
        for (int epoch = 0; epoch < 4; epoch++) {
            uninterrupted.fit(TinyNets.iterator(3, 10, 7));
        }

        MultiLayerNetwork first = TinyNets.mln(new Nesterovs(lr, momentum));
        List<double[]> actual = new ArrayList<>();
        first.setListeners(new UpdaterRecorder(actual));
        for (int epoch = 0; epoch < 2; epoch++) {
            first.fit(TinyNets.iterator(3, 10, 7));
        }
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(first, file, true);
        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(file, true);
        resumed.setListeners(new UpdaterRecorder(actual));
        for (int epoch = 0; epoch < 2; epoch++) {
            resumed.fit(TinyNets.iterator(3, 10, 7));
        }

        assertEquals(12, expected.size());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], actual.get(i)[0], "learning rate at iteration " + i);
            assertEquals(expected.get(i)[1], actual.get(i)[1], "momentum at iteration " + i);
        }
        assertEquals(uninterrupted.params(), resumed.params());
        assertEquals(uninterrupted.getIterationCount(), resumed.getIterationCount());
        assertEquals(uninterrupted.getEpochCount(), resumed.getEpochCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void computationGraphModelSerializerRoundTrip(String name, ISchedule schedule, ScheduleType type, @TempDir Path dir) throws Exception {
        ComputationGraph g = TinyNets.graph(new Nesterovs(0.01, schedule));
        g.fit(TinyNets.iterator(3, 10, 7));
        File file = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(g, file, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
        assertEquals(g.getConfiguration(), back.getConfiguration());
        assertEquals(g.params(), back.params());
        assertEquals(g.getUpdater().getStateViewArray(), back.getUpdater().getStateViewArray());
    }
}
