package io.github.dl4jlr.internal.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss of predicting the targets' mean on a squared-error output, and what DL4J scores for that prediction. */
class ChanceLevelTest {

    private static INDArray rows(double[][] values) {
        return Nd4j.create(values).castTo(DataType.FLOAT);
    }

    @Test
    void oneUnitWithTargetsOneAndThreeHasVarianceOne() {
        ChanceLevel c = new ChanceLevel();
        c.add(List.of(rows(new double[][]{{1}, {3}})));
        assertEquals(1.0, c.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR)), 1e-12);
        assertEquals(1.0, c.loss(List.of(OutputLoss.SQUARED_ERROR)), 1e-12);
    }

    @Test
    void theMeanSquaredErrorAveragesTheUnitsAndTheSquaredErrorSumsThem() {
        ChanceLevel c = new ChanceLevel();
        // unit 0: 1, 3 (variance 1); unit 1: 0, 4 (variance 4)
        c.add(List.of(rows(new double[][]{{1, 0}, {3, 4}})));
        assertEquals(2.5, c.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR)), 1e-12);
        assertEquals(5.0, c.loss(List.of(OutputLoss.SQUARED_ERROR)), 1e-12);
    }

    @Test
    void minibatchesAddUpToTheirRows() {
        ChanceLevel split = new ChanceLevel();
        split.add(List.of(rows(new double[][]{{2}, {4}})));       // mean 3 alone, but 2.5 over all four rows
        split.add(List.of(rows(new double[][]{{1}, {3}})));
        // rows 2, 4, 1, 3: mean 2.5, variance (0.25 + 2.25 + 2.25 + 0.25) / 4 = 1.25
        assertEquals(1.25, split.loss(List.of(OutputLoss.MEAN_SQUARED_ERROR)), 1e-12);
    }

    @Test
    void weightedOrUnknownLossesHaveNoChanceLevel() {
        OutputLayer weighted = new OutputLayer.Builder(new LossMSE(Nd4j.create(new double[]{1, 2}))).nIn(3).nOut(2)
                .build();
        assertEquals(OutputLoss.OTHER, OutputLoss.of(weighted));
        assertEquals(OutputLoss.OTHER, OutputLoss.of(new OutputLayer.Builder(LossFunction.MEAN_ABSOLUTE_ERROR)
                .nIn(3).nOut(2).build()));
        ChanceLevel c = new ChanceLevel();
        c.add(List.of(rows(new double[][]{{1}, {3}})));
        assertTrue(Double.isNaN(c.loss(List.of(OutputLoss.OTHER))));
    }

    @Test
    void bothNetworkTypesNameTheLossOfEachOutput() {
        MultiLayerNetwork mln = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(4).nOut(1).activation(Activation.IDENTITY).build())
                .build());
        mln.init();
        assertEquals(List.of(OutputLoss.MEAN_SQUARED_ERROR), NetworkAdapter.of(mln).outputLosses());

        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(3).nOut(4).build(), "in")
                .addLayer("class", new OutputLayer.Builder(LossFunction.MCXENT).nIn(4).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .addLayer("amount", new OutputLayer.Builder(LossFunction.L2).nIn(4).nOut(1)
                        .activation(Activation.IDENTITY).build(), "hidden")
                .setOutputs("class", "amount")
                .build());
        graph.init();
        assertEquals(List.of(OutputLoss.SOFTMAX_CROSS_ENTROPY, OutputLoss.SQUARED_ERROR),
                NetworkAdapter.of(graph).outputLosses());
    }

    /**
     * DL4J's own score of a network whose output is the targets' mean for every row: an output layer with zero weights
     * and the means as its bias. The chance level must be that score, for each squared-error loss.
     */
    @ParameterizedTest
    @CsvSource({"MSE, MEAN_SQUARED_ERROR", "SQUARED_LOSS, MEAN_SQUARED_ERROR", "L2, SQUARED_ERROR"})
    void isWhatDl4jScoresForPredictingTheMean(LossFunction loss, OutputLoss kind) {
        double[][] y = {{1, 0, 10}, {3, 4, 12}, {2, 1, 11}, {6, 3, 15}};
        double[][] x = {{0.1, 0.2, 0.3}, {-1, 0, 1}, {2, 2, 2}, {0.5, -0.5, 0}};
        OutputLayer layer = new OutputLayer.Builder(loss).nIn(3).nOut(3).activation(Activation.IDENTITY).build();
        assertEquals(kind, OutputLoss.of(layer), loss.name());
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(layer).build());
        net.init();
        net.getParam("0_W").assign(0);
        net.getParam("0_b").assign(Nd4j.create(new double[][]{{3, 2, 12}}));   // the column means
        DataSet rows = new DataSet(Nd4j.create(x), Nd4j.create(y));

        ChanceLevel c = new ChanceLevel();
        c.add(List.of(rows.getLabels()));

        // column variances 3.5, 2.5 and 3.5: 9.5 summed, 3.1667 averaged
        assertEquals(kind == OutputLoss.SQUARED_ERROR ? 9.5 : 9.5 / 3, c.loss(List.of(kind)), 1e-12, loss.name());
        assertEquals(net.score(rows), c.loss(List.of(kind)), 1e-9, loss.name());
    }
}
