package io.github.dl4jlr.testutil;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

/**
 * 10-class problems sized like real small jobs (float32, ReLU, He init), for tests of what happens when the learning
 * rate is far too high: an MLP on a 20-dimensional Gaussian mixture, a small CNN on 12x12 single-channel images
 * (each class a bright bar at its own position plus noise), and the MLP as a ComputationGraph.
 */
public final class ClassificationNets {

    public static final int CLASSES = 10;

    private ClassificationNets() {
    }

    /** {@code batches} minibatches of 32 from a fixed 10-class mixture in 20 dimensions, in a fixed order. */
    public static DataSetIterator mixture(int batches, long seed) {
        Random centres = new Random(2024);
        double[][] c = new double[CLASSES][20];
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] = centres.nextGaussian();
            }
        }
        Random r = new Random(seed);
        int n = batches * 32;
        float[][] x = new float[n][20];
        float[][] y = new float[n][CLASSES];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(CLASSES);
            for (int j = 0; j < 20; j++) {
                x[i][j] = (float) (c[k][j] + r.nextGaussian());
            }
            y[i][k] = 1;
        }
        return new ListDataSetIterator<>(new DataSet(Nd4j.create(x), Nd4j.create(y)).asList(), 32);
    }

    /** {@code batches} minibatches of 32 images 1x12x12: class k lights row k+1 (plus noise). */
    public static DataSetIterator bars(int batches, long seed) {
        Random r = new Random(seed);
        int n = batches * 32;
        float[][][][] x = new float[n][1][12][12];
        float[][] y = new float[n][CLASSES];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(CLASSES);
            for (int h = 0; h < 12; h++) {
                for (int w = 0; w < 12; w++) {
                    x[i][0][h][w] = (float) ((h == k + 1 ? 1.5 : 0) + 0.5 * r.nextGaussian());
                }
            }
            y[i][k] = 1;
        }
        return new ListDataSetIterator<>(new DataSet(Nd4j.create(x), Nd4j.create(y)).asList(), 32);
    }

    /** 20 -> 64 -> 64 -> 10 ReLU MLP. */
    public static MultiLayerNetwork mlp(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12).updater(updater)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(64).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build());
        net.init();
        return net;
    }

    /** conv 3x3 (8) + max-pool 2x2 + conv 3x3 (16) + dense 32 + softmax, on 1x12x12. */
    public static MultiLayerNetwork cnn(IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12).updater(updater)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(12, 12, 1))
                .build());
        net.init();
        return net;
    }

    /** The MLP as a ComputationGraph with layers "h1", "h2", "out". */
    public static ComputationGraph graph(IUpdater updater) {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(12).updater(updater)
                .weightInit(WeightInit.RELU)
                .graphBuilder()
                .addInputs("in")
                .addLayer("h1", new DenseLayer.Builder().nIn(20).nOut(64).activation(Activation.RELU).build(), "in")
                .addLayer("h2", new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build(), "h1")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "h2")
                .setOutputs("out")
                .build());
        g.init();
        return g;
    }
}
