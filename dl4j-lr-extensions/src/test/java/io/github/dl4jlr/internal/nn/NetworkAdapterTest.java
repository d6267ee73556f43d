package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.schedule.StepDecaySchedule;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one seam over both network types behaves the same for a MultiLayerNetwork and a ComputationGraph. */
class NetworkAdapterTest {

    private static Model build(boolean graph) {
        return graph ? TinyNets.graph(new Adam(1e-2)) : TinyNets.mln(new Adam(1e-2));
    }

    @ParameterizedTest(name = "graph={0}")
    @ValueSource(booleans = {false, true})
    void layersConfigurationAndTypeMatchTheNetwork(boolean graph) {
        Model model = build(graph);
        NetworkAdapter net = NetworkAdapter.of(model);
        assertEquals(graph, net.isGraph());
        assertEquals(2, net.layers().length);
        String json = net.configurationJson();
        if (graph) {
            assertEquals(((ComputationGraph) model).getConfiguration(), ComputationGraphConfiguration.fromJson(json));
        } else {
            assertEquals(((MultiLayerNetwork) model).getLayerWiseConfigurations(), MultiLayerConfiguration.fromJson(json));
        }
    }

    @ParameterizedTest(name = "graph={0}")
    @ValueSource(booleans = {false, true})
    void anEpochTrainsAndEvaluatesAndAScheduleReachesEveryLayer(boolean graph) {
        Model model = build(graph);
        NetworkAdapter net = NetworkAdapter.of(model);
        double[] before = model.params().toDoubleVector();
        net.fit(TinyNets.iterator(5, 16, 3));
        assertEquals(5, net.iterationCount(), "one step per minibatch");
        assertFalse(java.util.Arrays.equals(before, model.params().toDoubleVector()));
        assertEquals(60, net.evaluate(TinyNets.iterator(2, 30, 9)).getNumRowCounter(), 0.0);

        net.setLearningRate(new StepDecaySchedule(ScheduleType.ITERATION, 0.1, 0.5, 10));
        double[] lrs = net.trainedUpdaters().stream().mapToDouble(u -> u.getLearningRate(10, 0)).toArray();
        assertArrayEquals(new double[]{0.05}, java.util.Arrays.stream(lrs).distinct().toArray(), 1e-15);
    }

    @ParameterizedTest(name = "graph={0}")
    @ValueSource(booleans = {false, true})
    void aNetworkRebuiltFromItsConfigurationHasTheSameConfigurationAndSeededWeights(boolean graph) {
        NetworkAdapter original = NetworkAdapter.of(build(graph));
        NetworkAdapter rebuilt = NetworkAdapter.fromConfiguration(original.configurationJson(), original.isGraph());
        assertEquals(graph, rebuilt.isGraph());
        assertEquals(original.configurationJson(), rebuilt.configurationJson());
        assertArrayEquals(original.params().toDoubleVector(), rebuilt.params().toDoubleVector(), 0.0,
                "a fresh init with the configuration's seed gives the same weights");
    }

    @Test
    void anUninitialisedNetworkIsRefusedWithWhatToDo() {
        MultiLayerNetwork raw = new MultiLayerNetwork(TinyNets.mlnConf(new Adam(1e-2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkAdapter.of(raw));
        assertEquals("Expected an initialised network, but init() was never called on this MultiLayerNetwork: call "
                + "net.init() after constructing it (it creates the parameters and layers), then pass it in",
                e.getMessage());
        ComputationGraph g = new ComputationGraph(TinyNets.graphConf(new Adam(1e-2)));
        e = assertThrows(IllegalArgumentException.class, () -> NetworkAdapter.of(g));
        assertTrue(e.getMessage().contains("init() was never called on this ComputationGraph"), e.getMessage());
    }

    @Test
    void clearingTheMomentumVelocityLeavesOtherUpdatersStateAlone() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).list()
                .layer(new DenseLayer.Builder().nIn(TinyNets.IN).nOut(8).activation(Activation.TANH)
                        .updater(new Adam(1e-2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(TinyNets.CLASSES)
                        .activation(Activation.SOFTMAX).updater(new Nesterovs(1e-2, 0.9)).build())
                .build());
        net.init();
        net.fit(TinyNets.iterator(4, 16, 1));
        NetworkAdapter adapter = NetworkAdapter.of(net);
        List<UpdaterBlock> blocks = adapter.updaterBlocks();
        assertEquals(2, blocks.size());
        INDArray adamBefore = blocks.get(0).getUpdaterView().dup();
        assertTrue(blocks.get(1).getUpdaterView().amaxNumber().doubleValue() > 0);

        assertTrue(adapter.clearMomentumVelocity());
        assertEquals(0.0, blocks.get(1).getUpdaterView().amaxNumber().doubleValue(), 0.0, "the velocity");
        assertEquals(adamBefore, blocks.get(0).getUpdaterView(), "Adam's moments hold no rate: kept");
        assertFalse(adapter.clearMomentumVelocity(), "nothing left to clear");
    }

    /**
     * Recorded: in both network types a layer frozen by {@code TransferLearning} reports, through {@code conf()}, the
     * updater of the layer it wraps, yet DL4J never changes its arrays. They are marked as not trained.
     */
    @ParameterizedTest(name = "graph={0}")
    @ValueSource(booleans = {false, true})
    void aFrozenLayersArraysAreNotTrained(boolean graph) {
        Model frozen = graph
                ? new TransferLearning.GraphBuilder(TinyNets.graph(new Adam(1e-2))).setFeatureExtractor("dense").build()
                : new TransferLearning.Builder(TinyNets.mln(new Adam(1e-2))).setFeatureExtractor(0).build();
        NetworkAdapter net = NetworkAdapter.of(frozen);
        String trainedLayer = graph ? "out" : "1";
        assertEquals(4, net.parameters().size());
        Map<String, INDArray> before = new HashMap<>();
        for (ParamRef p : net.parameters()) {
            assertEquals(p.layer().equals(trainedLayer), p.isTrained(), p.key());
            assertTrue(p.isTrained() || p.updater() instanceof NoOp, p.key());
            before.put(p.key(), net.param(p).dup());
        }
        assertEquals(1, net.trainedUpdaters().size(), "only the head's updater");
        double[] move = new double[1];
        frozen.setListeners(new org.deeplearning4j.optimize.api.BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                move[0] = net.relativeUpdate();
            }
        });
        net.fit(TinyNets.iterator(1, 16, 5));
        double headStep = 0;
        double headSize = 0;
        for (ParamRef p : net.parameters()) {
            assertEquals(p.isTrained(), !before.get(p.key()).equals(net.param(p)), "changed by training: " + p.key());
            headStep += p.isTrained() ? before.get(p.key()).sub(net.param(p)).norm1Number().doubleValue() : 0;
            headSize += p.isTrained() ? net.param(p).norm1Number().doubleValue() : 0;
        }
        assertEquals(headStep / headSize, move[0], 1e-6 * move[0], "the step relative to the layers that train");
    }
}
