package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.File;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recording test of the DL4J 1.0.0-M2.1 iteration counter that the finder reads to tell a trained network from a fresh
 * one: {@code fit} counts every minibatch, {@link ModelSerializer} keeps the count, and a network rebuilt by
 * {@link TransferLearning} (a new head on a trained body) starts again from 0, so the finder reads it by its loss.
 */
class Dl4jCounterBehaviourTest {

    @TempDir
    File dir;

    @Test
    void fitCountsMinibatchesAndSavingKeepsTheCount() throws IOException {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.1));
        assertEquals(0, NetworkAdapter.of(net).iterationCount());
        net.fit(TinyNets.iterator(7, 8, 1));
        assertEquals(7, NetworkAdapter.of(net).iterationCount());
        assertEquals(1, NetworkAdapter.of(net).epochCount());
        File file = new File(dir, "net.zip");
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertEquals(7, NetworkAdapter.of(restored).iterationCount());
        assertEquals(1, NetworkAdapter.of(restored).epochCount());
    }

    @Test
    void transferLearningStartsTheCountAgain() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.1));
        net.fit(TinyNets.iterator(5, 8, 1));
        MultiLayerNetwork tuned = new TransferLearning.Builder(net)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Sgd(0.01)).build())
                .setFeatureExtractor(0).build();
        assertEquals(0, NetworkAdapter.of(tuned).iterationCount());

        ComputationGraph graph = TinyNets.graph(new Sgd(0.1));
        graph.fit(TinyNets.iterator(4, 8, 1));
        ComputationGraph tunedGraph = new TransferLearning.GraphBuilder(graph)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Sgd(0.01)).build()).build();
        assertEquals(0, NetworkAdapter.of(tunedGraph).iterationCount());
    }

    /** The search and PBT start a network {@code TransferLearning} built as a new phase because of this. */
    @Test
    void transferLearningStartsWithAnEmptyUpdaterState() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-2));
        net.fit(TinyNets.iterator(5, 8, 1));
        assertTrue(net.getUpdater().getStateViewArray().amaxNumber().doubleValue() > 0, "Adam's moments after fit");
        MultiLayerNetwork tuned = new TransferLearning.Builder(net)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(1e-3)).build()).build();
        assertEquals(0.0, NetworkAdapter.of(tuned).updaterState().amaxNumber().doubleValue(), 0.0);
        MultiLayerNetwork kept = new TransferLearning.Builder(net).setFeatureExtractor(0).build();
        assertEquals(0.0, NetworkAdapter.of(kept).updaterState().amaxNumber().doubleValue(), 0.0);
    }
}
