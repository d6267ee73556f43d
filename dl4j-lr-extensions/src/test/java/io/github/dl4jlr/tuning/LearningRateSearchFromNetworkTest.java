package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search from a trained network: every candidate goes on from its weights, updater state and counters, as
 * {@code net.fit} would; frozen layers stay frozen.
 */
class LearningRateSearchFromNetworkTest {

    private static final TrainingData DATA = TrainingData.of(() -> TinyNets.iterator(6, 16, 21, 2.0));

    private static MultiLayerNetwork trained() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-2));
        net.fit(DATA.iterator(0, 0), 3);
        return net;
    }

    private static LearningRateSearch.Builder search() {
        return LearningRateSearch.builder().trainData(DATA).evaluator(LearningRateSearchTest::accuracy).epochs(4)
                .bracket(1e-4, 1e-1);
    }

    @Test
    void theWinnerIsTheNetworkContinuedAtItsRateAsFitWouldAndTheNetworkIsUntouched() {
        MultiLayerNetwork net = trained();
        assertEquals(18, net.getIterationCount());
        INDArray before = net.params().dup();
        INDArray moments = net.getUpdater().getStateViewArray().dup();
        LearningRateSearch search = search().network(net).build();
        assertTrue(search.plan().contains("(the given bracket), each going on from your network as it is, halving"),
                search.plan());
        SearchResult r = search.run();
        assertEquals(before, net.params(), "the user's network is not changed");
        assertEquals(moments, net.getUpdater().getStateViewArray(), "nor its updater state");
        assertEquals(18, net.getIterationCount());

        // net.fit at the winner's multiple, 4 epochs in one go: the same weights, Adam's moments and counters
        MultiLayerNetwork straight = net.clone();
        HyperparameterApplier.apply(straight, Map.of(SearchSpace.LEARNING_RATE_SCALE, r.bestScale()));
        straight.fit(DATA.iterator(0, 0), 4);
        assertArrayEquals(straight.params().toDoubleVector(), r.model().params().toDoubleVector(), 1e-12);
        assertEquals(18 + 24, NetworkAdapter.of(r.model()).iterationCount());

        // a new phase (fresh moments, counters at 0) would have ended elsewhere
        MultiLayerNetwork newPhase = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(
                net.getLayerWiseConfigurations().toJson()));
        newPhase.init();
        newPhase.params().assign(before);
        NetworkAdapter.of(newPhase).setCounters(0, 0);
        HyperparameterApplier.apply(newPhase, Map.of(SearchSpace.LEARNING_RATE_SCALE, r.bestScale()));
        newPhase.fit(DATA.iterator(0, 0), 4);
        assertNotEquals(newPhase.params(), r.model().params());

        SearchResult fresh = search().network(net.getLayerWiseConfigurations()).build().run();
        double firstRungFromWeights = r.history().get(0).score();
        double firstRungFresh = fresh.history().get(0).score();
        assertNotEquals(firstRungFresh, firstRungFromWeights, "network(conf) starts from a fresh initialization");
    }

    @Test
    void fromAFreshlyInitializedNetworkItIsTheSearchFromItsConfiguration() {
        MultiLayerNetwork fresh = TinyNets.mln(new Adam(1e-3));
        SearchResult fromWeights = search().network(fresh).build().run();
        SearchResult fromConf = search().network(fresh.getLayerWiseConfigurations()).build().run();
        assertEquals(fromConf.history(), fromWeights.history());
        assertArrayEquals(fromConf.model().params().toDoubleVector(), fromWeights.model().params().toDoubleVector(),
                0.0);
    }

    @Test
    void aFineTunedNetworkKeepsItsFrozenLayer() {
        MultiLayerNetwork body = trained();
        MultiLayerNetwork tuned = new TransferLearning.Builder(body)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(1e-3)).build())
                .setFeatureExtractor(0).build();
        SearchResult r = search().network(tuned).build().run();
        MultiLayerNetwork winner = (MultiLayerNetwork) r.model();
        assertInstanceOf(FrozenLayer.class, winner.getLayer(0));
        assertEquals(tuned.getLayer(0).params(), winner.getLayer(0).params(), "the frozen layer never trained");
        assertNotEquals(tuned.getLayer(1).params(), winner.getLayer(1).params(), "the head trained");
        assertEquals(r.bestRate() / 1e-3, r.bestScale(), 1e-12, "a multiple of the fine-tuning rate");
    }

    @Test
    void aGraphStartsFromItsWeightsToo() {
        ComputationGraph g = TinyNets.graph(new Adam(1e-2));
        g.fit(DATA.iterator(0, 0), 3);
        INDArray before = g.params().dup();
        SearchResult r = LearningRateSearch.builder().network(g).trainData(DATA)
                .evaluator(LearningRateSearchFromNetworkTest::graphAccuracy).epochs(1).bracket(1e-12, 1e-11).build()
                .run();
        // rates this small leave the weights where they were
        assertArrayEquals(before.toDoubleVector(), r.model().params().toDoubleVector(), 1e-8);
        assertEquals(graphAccuracy(g), r.bestScore(), 0.0);
    }

    @Test
    void aCheckpointOfAnotherNetworksWeightsIsNotResumed(@TempDir Path dir) {
        MultiLayerNetwork a = trained();
        search().network(a).epochs(1).checkpointDir(dir).build().run();
        MultiLayerNetwork b = TinyNets.mln(new Adam(1e-2));
        b.fit(DATA.iterator(0, 0), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search().network(b).epochs(1).checkpointDir(dir).build().run());
        assertTrue(e.getMessage().startsWith("Expected a checkpoint of this search in"), e.getMessage());
    }

    private static double graphAccuracy(Model m) {
        return ((ComputationGraph) m).evaluate(TinyNets.iterator(10, 32, 77, 2.0)).accuracy();
    }
}
