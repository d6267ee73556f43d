package io.github.dl4jlr.examples.benchmark;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The network and in-memory data the timing benchmarks share. */
final class BenchmarkModels {

    private BenchmarkModels() {
    }

    /** A small CNN on 32x32x3 inputs, 10 classes: two conv(3x3)+max-pool blocks (16, 32 channels), softmax. */
    static MultiLayerNetwork cnn() {
        return cnn(new Adam(1e-3));
    }

    /** {@link #cnn()} trained by another updater. */
    static MultiLayerNetwork cnn(org.nd4j.linalg.learning.config.IUpdater updater) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(7).updater(updater).weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(32, 32, 3))
                .build());
        net.init();
        return net;
    }

    /** {@code count} random minibatches of 32 images with random one-hot labels, seeded. */
    static List<DataSet> batches(int count) {
        Nd4j.getRandom().setSeed(123);
        List<DataSet> batches = new ArrayList<>();
        Random r = new Random(123);
        for (int i = 0; i < count; i++) {
            int[] rows = new int[32];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = r.nextInt(10);
            }
            batches.add(new DataSet(Nd4j.rand(32, 3, 32, 32), Nd4j.eye(10).getRows(rows)));
        }
        return batches;
    }
}
