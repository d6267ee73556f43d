package io.github.dl4jlr.testutil;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Random;

/** Small, seeded networks and data for tests. */
public final class TinyNets {

    public static final int IN = 4;
    public static final int CLASSES = 3;

    private TinyNets() {
    }

    /** Two dense layers (4 -> 8 -> 3, softmax), double precision for reproducible comparisons. */
    public static MultiLayerConfiguration mlnConf(IUpdater updater) {
        return mlnConf(updater, 42);
    }

    /** As {@link #mlnConf(IUpdater)} with another weight-init seed (note: DL4J treats 0 as unset). */
    public static MultiLayerConfiguration mlnConf(IUpdater updater, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(IN).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .build();
    }

    public static MultiLayerNetwork mln(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(mlnConf(updater));
        net.init();
        return net;
    }

    /** The same architecture as {@link #mlnConf} as a ComputationGraph with layers "dense" and "out". */
    public static ComputationGraphConfiguration graphConf(IUpdater updater) {
        return new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.DOUBLE)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(IN).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .build();
    }

    public static ComputationGraph graph(IUpdater updater) {
        ComputationGraph g = new ComputationGraph(graphConf(updater));
        g.init();
        return g;
    }

    /**
     * A seeded 3-class problem: class centres on three axes plus Gaussian noise, so it is learnable
     * but not separable.
     */
    public static DataSet data(int n, long seed) {
        return data(n, seed, 1.5);
    }

    /** As {@link #data(int, long)} with class centres at distance {@code separation} along their axis. */
    public static DataSet data(int n, long seed, double separation) {
        Random r = new Random(seed);
        double[][] x = new double[n][IN];
        double[][] y = new double[n][CLASSES];
        for (int i = 0; i < n; i++) {
            int c = i % CLASSES;
            for (int j = 0; j < IN; j++) {
                x[i][j] = (j == c ? separation : 0.0) + r.nextGaussian();
            }
            y[i][c] = 1.0;
        }
        return new DataSet(Nd4j.create(x).castTo(DataType.DOUBLE), Nd4j.create(y).castTo(DataType.DOUBLE));
    }

    /** {@code batches} minibatches of {@code batchSize}, in a fixed order (no shuffling). */
    public static DataSetIterator iterator(int batches, int batchSize, long seed) {
        return iterator(batches, batchSize, seed, 1.5);
    }

    public static DataSetIterator iterator(int batches, int batchSize, long seed, double separation) {
        List<DataSet> examples = data(batches * batchSize, seed, separation).asList();
        return new ListDataSetIterator<>(examples, batchSize);
    }

    /** A detached copy of the flat parameter vector. */
    public static INDArray params(org.deeplearning4j.nn.api.Model model) {
        return model.params().dup();
    }
}
