package io.github.dl4jlr.finder;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finder against problems whose right answer is known. */
class FinderEvidenceTest {

    private static final Logger log = LoggerFactory.getLogger(FinderEvidenceTest.class);

    /**
     * Least squares with a known Hessian. Features are Walsh columns (orthogonal +-1 patterns) scaled so that
     * every minibatch of 16 consecutive rows has X'X/16 = diag(4, 1, 0.25, 0.0625). DL4J's MSE with one output
     * is mean((y - Xw)^2), so H = 2 X'X / B = diag(8, 2, 0.5, 0.125), L = 8, and SGD diverges above 2/L = 0.25.
     * Label noise keeps exciting every direction, as minibatch noise does in real training.
     */
    @Test
    void detectsDivergenceNearTwoOverLOnLeastSquares() {
        double[] scale = {2.0, 1.0, 0.5, 0.25};
        double[] wStar = {1.0, -2.0, 3.0, 0.5};
        int n = 256;
        Random noise = new Random(11);
        double[][] x = new double[n][4];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = scale[j] * (((i >> j) & 1) == 0 ? 1 : -1);
                y[i][0] += wStar[j] * x[i][j];
            }
            y[i][0] += 0.5 * noise.nextGaussian();
        }
        DataSet all = new DataSet(Nd4j.create(x).castTo(DataType.DOUBLE), Nd4j.create(y).castTo(DataType.DOUBLE));
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.DOUBLE).updater(new Sgd(0.01)).weightInit(WeightInit.ZERO)
                .list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(1)
                        .activation(Activation.IDENTITY).hasBias(false).build())
                .build());
        net.init();

        LrFinderResult r = LearningRateFinder.builder().startLr(1e-4).endLr(100).numIterations(120).build()
                .find(net, new ListDataSetIterator<>(all.asList(), 16));
        log.info("least squares: {}", r.summary());

        double critical = 2.0 / 8.0;
        double diverged = r.divergedAt().orElseThrow();
        assertTrue(diverged > critical / 3 && diverged < critical * 3,
                "divergence detected at " + diverged + ", 2/L = " + critical);
        for (SuggestionMethod m : SuggestionMethod.values()) {   // AUTO included: resolved per network
            double s = r.suggestion(m).orElseThrow();
            assertTrue(s < critical, m + " suggested " + s + " >= 2/L = " + critical);
        }
    }

    @Test
    void oneEpochAtTheSuggestionBeatsTinyAndHugeLearningRates() {
        MultiLayerNetwork probe = TinyNets.mln(new Adam(1e-3));
        LrFinderResult r = LearningRateFinder.builder().build().find(probe, TinyNets.iterator(40, 32, 21, 3.0));
        double suggested = r.suggestion().orElseThrow();
        log.info("classification: {}", r.summary());

        double atSuggestion = accuracyAfterOneEpoch(suggested);
        double tiny = accuracyAfterOneEpoch(1e-6);
        double huge = accuracyAfterOneEpoch(10);
        log.info("accuracy after one epoch: suggested {} -> {}, 1e-6 -> {}, 10 -> {}", suggested, atSuggestion, tiny, huge);
        assertTrue(atSuggestion > tiny + 0.05, atSuggestion + " vs " + tiny);
        assertTrue(atSuggestion > huge + 0.05, atSuggestion + " vs " + huge);
    }

    private static double accuracyAfterOneEpoch(double lr) {
        MultiLayerNetwork net = TinyNets.mln(new Adam(lr));
        net.fit(TinyNets.iterator(40, 32, 21, 3.0));
        Evaluation eval = net.evaluate(TinyNets.iterator(20, 32, 99, 3.0));
        assertEquals(640, eval.getNumRowCounter(), 0.0);
        return eval.accuracy();
    }
}
