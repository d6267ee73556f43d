package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepSizeEstimateTest {

    @Test
    void workedValues() {
        StepSizeEstimate e = new StepSizeEstimate(0.9);
        StepSizeEstimate.State s = StepSizeEstimate.State.INITIAL;
        assertTrue(Double.isNaN(StepSizeEstimate.estimate(s)));
        s = e.next(s, 4, 1);
        assertEquals(2.0, StepSizeEstimate.estimate(s), 1e-12);
        s = e.next(s, 1, 1);
        assertEquals(Math.sqrt(0.46 / 0.19), StepSizeEstimate.estimate(s), 1e-12);
        assertEquals(1.556, StepSizeEstimate.estimate(s), 5e-4);
    }

    @Test
    void decayZeroKeepsOnlyTheLastPairAndBadPairsAreSkipped() {
        StepSizeEstimate e = new StepSizeEstimate(0);
        StepSizeEstimate.State s = e.next(e.next(StepSizeEstimate.State.INITIAL, 100, 1), 9, 1);
        assertEquals(3.0, StepSizeEstimate.estimate(s), 1e-12);
        assertEquals(s, e.next(s, Double.NaN, 1));
        assertEquals(s, e.next(s, 1, Double.POSITIVE_INFINITY));
        // a gradient that never changed gives no estimate rather than infinity
        assertTrue(Double.isNaN(StepSizeEstimate.estimate(e.next(StepSizeEstimate.State.INITIAL, 1, 0))));
    }

    @Test
    void badDecayIsRejected() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new StepSizeEstimate(1));
        assertEquals("Expected stepSizeDecay in [0.0, 1.0), but got 1.0", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> TrainingHealthMonitor.builder().stepSizeDecay(Double.NaN).build());
        assertEquals("Expected stepSizeDecay in [0.0, 1.0), but got NaN", ex.getMessage());
    }

    /**
     * Least squares {@code L(w) = mean_i (y_i - x_i.w)^2} (DL4J's MSE with one output, no bias) with
     * {@code X'X / n = diag(1, 4/3, 5/3, 2)}: the Hessian is {@code 2 X'X / n}, eigenvalues 2..4 (condition number 2),
     * so L = 4 and the classic step is 1/L = 0.25; every step in [1/4, 1/2] is a ratio of changes on this quadratic.
     */
    private static DataSet leastSquares() {
        double[] eig = {1, 4.0 / 3, 5.0 / 3, 2};
        int n = 8;
        // columns 1..4 of the 8x8 Sylvester-Hadamard matrix, orthogonal with squared norm 8
        double[][] x = new double[n][eig.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < eig.length; j++) {
                x[i][j] = (Integer.bitCount(i & (j + 1)) % 2 == 0 ? 1 : -1) * Math.sqrt(eig[j]);
            }
        }
        INDArray features = Nd4j.create(x).castTo(DataType.DOUBLE);
        INDArray wStar = Nd4j.create(new double[][]{{0.7}, {-1.3}, {0.4}, {2.0}});
        return new DataSet(features, features.mmul(wStar));
    }

    private static MultiLayerNetwork linear(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.DOUBLE).updater(updater).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(1).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    private static double[] estimates(IUpdater updater) {
        DataSet data = leastSquares();
        INDArray xtx = data.getFeatures().transpose().mmul(data.getFeatures()).div(8);
        assertEquals(2.0, xtx.getDouble(3, 3), 1e-12, "the data's Hessian is as documented");
        assertEquals(0.0, xtx.getDouble(0, 1), 1e-12);
        MultiLayerNetwork net = linear(updater);
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2).stepSizeEstimate(true).build();
        net.setListeners(monitor);
        for (int epoch = 0; epoch < 40; epoch++) {
            net.fit(new ListDataSetIterator<>(List.of(data), 8));
        }
        return Arrays.stream(monitor.report().stepSizeHistory("0_W")[1]).filter(v -> !Double.isNaN(v)).toArray();
    }

    @Test
    void onAWellConditionedQuadraticTheEstimateLandsWithinAFactorOfTwoOfOneOverL() {
        for (IUpdater updater : List.of(new Sgd(0.05), new Nesterovs(0.02, 0.9), new Adam(0.05))) {
            double[] est = estimates(updater);
            assertEquals(19, est.length, "one estimate per check after the first: " + updater);
            for (double v : est) {
                assertTrue(v >= 0.25 / 2 && v <= 0.25 * 2, updater + ": estimate " + v + " is not within 2x of 1/L");
            }
        }
    }

    @Test
    void aComputationGraphGetsEstimatesForItsWeightArraysOnly() {
        org.deeplearning4j.nn.graph.ComputationGraph g = TinyNets.graph(new Sgd(0.1));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).stepSizeEstimate(true).build();
        g.setListeners(monitor);
        g.fit(new ListDataSetIterator<>(TinyNets.data(40, 3, 3.0).asList(), 10));
        MonitorReport r = monitor.report();
        assertEquals(4, r.checks().size());
        assertTrue(Double.isNaN(r.checks().get(0).stepSize("dense_W")), "no estimate without an earlier check");
        for (RatioCheck c : r.checks().subList(1, 4)) {
            assertTrue(c.stepSize("dense_W") > 0 && c.stepSize("out_W") > 0, Arrays.toString(c.stepSizes()));
            assertTrue(Double.isNaN(c.stepSize("dense_b")) && Double.isNaN(c.stepSize("out_b")), "biases are not judged");
            assertTrue(MonitorMessages.check(c).contains(" step-size estimate dense_W="), MonitorMessages.check(c));
        }
    }

    @Test
    void withoutTheOptionThereIsNoEstimate() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.1));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).build();
        net.setListeners(monitor);
        net.fit(new ListDataSetIterator<>(TinyNets.data(40, 3, 3.0).asList(), 10));
        for (RatioCheck c : monitor.report().checks()) {
            assertTrue(Arrays.stream(c.stepSizes()).allMatch(Double::isNaN), Arrays.toString(c.stepSizes()));
            assertTrue(!MonitorMessages.check(c).contains("step-size"));
        }
    }
}
