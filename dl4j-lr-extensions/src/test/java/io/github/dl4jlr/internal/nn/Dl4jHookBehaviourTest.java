package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recording tests that pin the DL4J 1.0.0-M2.1 behaviour the monitor relies on:
 * at {@code onGradientCalculation} the score of the current minibatch is already set and the parameters are
 * still the pre-update ones, {@code gradient()} holds the raw gradient summed over the minibatch and
 * {@code batchSize()} the minibatch size (the step-size estimate divides one by the other); at {@code iterationDone}
 * {@code gradient()} holds the update just applied.
 */
class Dl4jHookBehaviourTest {

    private static final class Recorder extends BaseTrainingListener {
        final List<Double> scoreAtGradient = new ArrayList<>();
        final List<Double> scoreAtDone = new ArrayList<>();
        final List<double[]> paramsAtGradient = new ArrayList<>();
        final List<double[]> paramsAtDone = new ArrayList<>();
        final List<double[]> updateAtDone = new ArrayList<>();
        final List<double[]> rawAtGradient = new ArrayList<>();
        final List<Integer> batchAtGradient = new ArrayList<>();

        @Override
        public void onGradientCalculation(Model model) {
            scoreAtGradient.add(model.score());
            paramsAtGradient.add(model.params().toDoubleVector());
            rawAtGradient.add(model.gradient().gradient().toDoubleVector());
            batchAtGradient.add(model.batchSize());
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            scoreAtDone.add(model.score());
            paramsAtDone.add(model.params().toDoubleVector());
            // The flat gradient view has the same layout as the flat parameter view.
            updateAtDone.add(model.gradient().gradient().toDoubleVector());
        }
    }

    private static void check(Model model, Recorder r, DataSet batch) {
        double[] before = model.params().toDoubleVector();
        double expectedScore = model instanceof MultiLayerNetwork
                ? ((MultiLayerNetwork) model).score(batch, true) : ((ComputationGraph) model).score(batch, true);
        NetworkAdapter.of(model).fit(batch);

        assertEquals(1, r.scoreAtGradient.size());
        assertEquals(expectedScore, r.scoreAtGradient.get(0), 1e-12, "score of this minibatch at onGradientCalculation");
        assertEquals(r.scoreAtGradient.get(0), r.scoreAtDone.get(0), 0.0, "same score at iterationDone");
        assertArrayEquals(before, r.paramsAtGradient.get(0), 0.0, "parameters not yet updated at onGradientCalculation");
        double[] after = r.paramsAtDone.get(0);
        double[] update = r.updateAtDone.get(0);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i] - update[i], after[i], 1e-12, "params_before - gradient() = params_after at " + i);
        }
        assertTrue(update.length == before.length);
        // plain SGD at 0.1 without regularization: update = 0.1 * raw / minibatch, so raw is a sum, not a mean
        long n = batch.numExamples();
        assertEquals((int) n, r.batchAtGradient.get(0), "batchSize() at onGradientCalculation");
        double[] raw = r.rawAtGradient.get(0);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(0.1 * raw[i] / n, update[i], 1e-12, "update = lr * raw / minibatch at " + i);
        }
    }

    @Test
    void multiLayerNetwork() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.1));
        Recorder r = new Recorder();
        net.setListeners(r);
        check(net, r, TinyNets.data(12, 1));
    }

    @Test
    void computationGraph() {
        ComputationGraph g = TinyNets.graph(new Sgd(0.1));
        Recorder r = new Recorder();
        g.setListeners(r);
        check(g, r, TinyNets.data(12, 1));
    }

    @Test
    void parametersAreListedInForwardOrderWithBatchNormStatisticsUntrained() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.1));
        List<String> keys = new ArrayList<>();
        for (ParamRef p : NetworkAdapter.of(net).parameters()) {
            keys.add(p.key());
        }
        assertEquals(List.of("0_W", "0_b", "1_W", "1_b"), keys);
        INDArray w = NetworkAdapter.of(net).param(NetworkAdapter.of(net).parameters().get(0));
        assertEquals(4 * 8, w.length());
    }
}
