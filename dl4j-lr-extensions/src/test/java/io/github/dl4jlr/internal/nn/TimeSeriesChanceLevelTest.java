package io.github.dl4jlr.internal.nn;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chance level of a time-series output, and what DL4J scores for a network that predicts it at every step. */
class TimeSeriesChanceLevelTest {

    /** Labels {@code [examples, units, steps]} from {@code [example][step][unit]} values. */
    private static INDArray series(double[][][] values) {
        INDArray a = Nd4j.create(DataType.DOUBLE, values.length, values[0][0].length, values[0].length);
        for (int e = 0; e < values.length; e++) {
            for (int t = 0; t < values[e].length; t++) {
                for (int u = 0; u < values[e][t].length; u++) {
                    a.putScalar(new int[]{e, u, t}, values[e][t][u]);
                }
            }
        }
        return a;
    }

    @Test
    void theWorkedValueOfTheJavadoc() {
        INDArray labels = series(new double[][][]{{{1}, {3}, {1}}, {{3}, {7}, {3}}});
        INDArray mask = Nd4j.create(new double[][]{{1, 1, 1}, {1, 0, 0}});
        ChanceLevel c = new ChanceLevel();
        c.add(List.of(labels), List.of(mask));
        assertEquals(2.0, c.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR)), 1e-12);
        assertEquals(2.0, c.loss(List.of(OutputLoss.SQUARED_ERROR)), 1e-12);

        ChanceLevel unmasked = new ChanceLevel();
        unmasked.add(List.of(labels));
        // six steps 1, 3, 1, 3, 7, 3: mean 3, variance 4; three steps per example: 12
        assertEquals(12.0, unmasked.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR)), 1e-12);
    }

    @Test
    void classFrequenciesCountEveryUnmaskedStep() {
        // steps of class 0, 1, 1 and 1, (masked 0): frequencies 1/4, 3/4 over 4 steps, 2 steps per example
        INDArray labels = series(new double[][][]{{{1, 0}, {0, 1}, {0, 1}}, {{0, 1}, {1, 0}, {1, 0}}});
        INDArray mask = Nd4j.create(new double[][]{{1, 1, 1}, {1, 0, 0}});
        ChanceLevel c = new ChanceLevel();
        c.add(List.of(labels), List.of(mask));
        double perStep = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertEquals(perStep * 4 / 2, c.loss(List.of(OutputLoss.SOFTMAX_CROSS_ENTROPY)), 1e-12);
    }

    @Test
    void aMaskOfAnotherShapeLeavesTheChanceLevelUnknown() {
        INDArray labels = series(new double[][][]{{{1}, {3}}, {{3}, {1}}});
        ChanceLevel perUnit = new ChanceLevel();
        perUnit.add(List.of(labels), List.of(Nd4j.ones(2, 1, 2)));      // a per-unit mask: not read
        assertTrue(Double.isNaN(perUnit.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR))));
        ChanceLevel rowMask = new ChanceLevel();
        rowMask.add(List.of(Nd4j.create(new double[][]{{1}, {3}, {100}})),
                List.of(Nd4j.create(new double[][]{{1}, {1}, {0}})));    // [examples, 1] on a matrix: rows
        assertEquals(1.0 * 2 / 3, rowMask.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR)), 1e-12,
                "variance 1 of the two unmasked rows, summed over them and divided by the three examples");
    }

    /** Collects, at every gradient calculation, the labels and output masks the monitor reads there. */
    private static final class Collector extends BaseTrainingListener {
        final ChanceLevel chance = new ChanceLevel();
        final List<INDArray> masks = new ArrayList<>();

        @Override
        public void onGradientCalculation(Model model) {
            NetworkAdapter net = NetworkAdapter.of(model);
            masks.addAll(net.outputMasks());
            chance.add(new ArrayList<>(net.labels().values()), net.outputMasks());
        }
    }

    private static RnnOutputLayer outputLayer(LossFunction loss, int units) {
        return new RnnOutputLayer.Builder(loss).nIn(3).nOut(units)
                .activation(loss == LossFunction.MCXENT ? Activation.SOFTMAX : Activation.IDENTITY).build();
    }

    /** Three series of up to four steps, two units; the third series is two steps long. */
    private static DataSet data(boolean classes, boolean labelMask) {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 4);
        double[][][] y = classes
                ? new double[][][]{{{1, 0}, {0, 1}, {0, 1}, {0, 1}}, {{1, 0}, {1, 0}, {0, 1}, {0, 1}},
                        {{0, 1}, {1, 0}, {1, 0}, {1, 0}}}
                : new double[][][]{{{1, 0}, {2, 5}, {0, 1}, {3, 3}}, {{-1, 2}, {4, 4}, {0, 0}, {1, 7}},
                        {{2, 2}, {0, 9}, {50, 50}, {50, 50}}};
        INDArray mask = Nd4j.create(new double[][]{{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 0, 0}});
        return labelMask ? new DataSet(x, series(y), null, mask) : new DataSet(x, series(y), mask, null);
    }

    /**
     * The bias that makes the output the chance prediction: the log frequencies or the means of the steps the labels'
     * mask keeps (all steps without one: DL4J scores every step when only the input is masked).
     */
    private static INDArray chanceBias(DataSet d, boolean classes) {
        double[] mean = new double[2];
        double n = 0;
        INDArray m = d.getLabelsMaskArray() != null ? d.getLabelsMaskArray() : Nd4j.ones(3, 4);
        for (int e = 0; e < 3; e++) {
            for (int t = 0; t < 4; t++) {
                double w = m.getDouble(e, t);
                n += w;
                for (int u = 0; u < 2; u++) {
                    mean[u] += w * d.getLabels().getDouble(e, u, t);
                }
            }
        }
        for (int u = 0; u < 2; u++) {
            mean[u] = classes ? Math.log(mean[u] / n) : mean[u] / n;
        }
        return Nd4j.create(new double[][]{mean});
    }

    /**
     * DL4J's own score of an LSTM network whose output layer has zero weights and the chance prediction as its bias,
     * fitted once without an update: the chance level read through {@link NetworkAdapter} at the gradient calculation
     * must be that score. With a label mask, and with only a features mask, which DL4J's score does not apply.
     */
    @ParameterizedTest
    @CsvSource({"MCXENT, true", "MCXENT, false", "MSE, true", "MSE, false", "L2, true"})
    void isWhatDl4jScoresOnATimeSeries(LossFunction loss, boolean labelMask) {
        boolean classes = loss == LossFunction.MCXENT;
        DataSet d = data(classes, labelMask);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new LSTM.Builder().nIn(2).nOut(3).build())
                .layer(outputLayer(loss, 2)).build());
        net.init();
        net.getParam("1_W").assign(0);
        net.getParam("1_b").assign(chanceBias(d, classes));
        Collector seen = new Collector();
        net.setListeners(seen);
        net.fit(d);

        OutputLoss kind = NetworkAdapter.of(net).outputLosses().get(0);
        double chance = seen.chance.loss(List.of(kind));
        assertEquals(net.score(), chance, 1e-9, loss + " " + Arrays.toString(new Object[]{seen.masks}));
        if (labelMask) {
            assertEquals(12, seen.masks.get(0).length(), "the output layer's mask, one entry per step of each series");
        }
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aGraphGivesTheMaskOfEachOutput(boolean labelMask) {
        DataSet d = data(true, labelMask);
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder()
                .addInputs("in")
                .addLayer("lstm", new LSTM.Builder().nIn(2).nOut(3).build(), "in")
                .addLayer("out", outputLayer(LossFunction.MCXENT, 2), "lstm")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(2))
                .build());
        graph.init();
        graph.getLayer("out").setParam("W", Nd4j.zeros(DataType.DOUBLE, 3, 2));
        graph.getLayer("out").setParam("b", chanceBias(d, true));
        Collector seen = new Collector();
        graph.setListeners(seen);
        graph.fit(d);

        assertEquals(graph.score(), seen.chance.loss(NetworkAdapter.of(graph).outputLosses()), 1e-9);
    }
}
