package io.github.dl4jlr.finder;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The finder on a recurrent network with a squared error at every step and sequences of two lengths. */
class FinderTimeSeriesTest {

    @Test
    void theChanceLevelCountsTheUnmaskedStepsOfEachSequence() {
        // 40 sequences of 5 steps, the odd ones 3 steps long (masked after); targets alternate 1, -1 over the steps
        int n = 40;
        int steps = 5;
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 2, steps);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 1, steps);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, n, steps);
        for (int e = 0; e < n; e++) {
            for (int t = 0; t < (e % 2 == 0 ? steps : 3); t++) {
                y.putScalar(new int[]{e, 0, t}, t % 2 == 0 ? 1 : -1);
                mask.putScalar(new int[]{e, t}, 1);
            }
        }
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(1e-3)).list()
                .layer(new LSTM.Builder().nIn(2).nOut(4).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MSE).nIn(4).nOut(1).activation(Activation.IDENTITY)
                        .build())
                .build());
        net.init();
        DataSet all = new DataSet(x, y, null, mask);
        LrFinderResult r = LearningRateFinder.builder().numIterations(20).confirm(ConfirmMode.NEVER).build()
                .find(net, new ListDataSetIterator<>(all.asList(), 8));

        // unmasked steps: even sequences 1 -1 1 -1 1, odd ones 1 -1 1: 160 steps, 100 of them 1 and 60 -1,
        // mean 0.25, variance 1 - 0.0625 = 0.9375; 160 steps over 40 sequences: 4 a sequence (5 without the mask,
        // and a variance of 0.76 with the masked zeros: 3.8)
        assertEquals(0.9375 * 4, r.chanceLoss(), 1e-6);
        assertFalse(r.trained(), "a fresh LSTM starts near its chance level: " + r.startLoss());
    }
}
