package io.github.dl4jlr.examples.data;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The networks the examples train on {@link BenchmarkData} splits. */
public final class ExampleModels {

    private static final String RESNET = "-resnet";

    private ExampleModels() {
    }

    /**
     * ReLU hidden layers of the given widths, then a softmax output (one linear unit with a mean squared error on a
     * {@linkplain BenchmarkData.Split#regression() regression table}). Weights come from {@code 1000 + seed}:
     * DL4J treats a seed of 0 as unset and would initialize randomly.
     */
    public static MultiLayerNetwork mlp(BenchmarkData.Split data, IUpdater updater, long seed, int... hidden) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(1000 + seed).updater(updater).weightInit(WeightInit.RELU)
                .list();
        int in = data.features();
        for (int width : hidden) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build());
            in = width;
        }
        b.layer(outputLayer(data, in));
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    /** A softmax output, or one linear unit with a mean squared error on a regression table. */
    private static OutputLayer outputLayer(BenchmarkData.Split data, int in) {
        return data.regression()
                ? new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(1)
                        .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build()
                : new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(data.classes())
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build();
    }

    /**
     * A recurrent network for a {@linkplain SequenceData sequence} split: an LSTM of 32 units (tanh), then a linear
     * output at every step with a mean squared error. Weights from {@code 1000 + seed}.
     */
    public static MultiLayerNetwork lstm(BenchmarkData.Split data, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1000 + seed).updater(updater).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new LSTM.Builder().nIn(data.features()).nOut(32).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(32).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    /**
     * A small CNN for the 8x8 digits (rows of 64 pixels): conv 3x3 (16, same padding) + ReLU, max-pool 2x2, conv 3x3
     * (32, same) + ReLU, max-pool 2x2, dense 64 + ReLU, softmax. Weights from {@code 1000 + seed}.
     */
    public static MultiLayerNetwork digitsCnn(BenchmarkData.Split data, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1000 + seed).updater(updater).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(data.classes())
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1))
                .build());
        net.init();
        return net;
    }

    /**
     * A small CNN for the 14x14 Fashion-MNIST subset (rows of 196 pixels): conv 3x3 (8, same padding) + ReLU,
     * max-pool 2x2, conv 3x3 (16, same) + ReLU, max-pool 2x2, dense 32 + ReLU, softmax. Weights from
     * {@code 1000 + seed}.
     */
    public static MultiLayerNetwork fashionCnn(BenchmarkData.Split data, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1000 + seed).updater(updater).weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(data.classes())
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutionalFlat(14, 14, 1))
                .build());
        net.init();
        return net;
    }

    /**
     * The benchmarks' model for a problem name: {@code digits-cnn} and {@code fashion-cnn} are the CNNs above on their
     * images, {@code chicago} the LSTM on its sequences, the {@code -finetune} problems a pretrained network with
     * frozen layers and a new head ({@link FineTuning}), every other name an MLP 64-64 on that data set.
     */
    public static MultiLayerNetwork forProblem(String problem, BenchmarkData.Split data, IUpdater updater, long seed) {
        if (FineTuning.handles(problem)) {
            return FineTuning.model(problem, updater, seed);
        }
        return switch (problem) {
            case "digits-cnn" -> digitsCnn(data, updater, seed);
            case "fashion-cnn" -> fashionCnn(data, updater, seed);
            case "chicago" -> lstm(data, updater, seed);
            default -> mlp(data, updater, seed, 64, 64);
        };
    }

    /**
     * A {@link ComputationGraph} for a table: a dense layer of 64 ReLU units, a second one whose output is added to the
     * first's (a residual connection), a third of 64 on the sum, then the MLP's output layer. Weights from
     * {@code 1000 + seed}.
     */
    public static ComputationGraph residualMlp(BenchmarkData.Split data, IUpdater updater, long seed) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1000 + seed).updater(updater).weightInit(WeightInit.RELU)
                .graphBuilder().addInputs("in")
                .addLayer("d1", new DenseLayer.Builder().nIn(data.features()).nOut(64).activation(Activation.RELU)
                        .build(), "in")
                .addLayer("d2", new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build(), "d1")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "d1", "d2")
                .addLayer("d3", new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).build(), "sum")
                .addLayer("out", outputLayer(data, 64), "d3")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /**
     * The model for a problem name, of either network type: {@code -resnet} names the {@linkplain #residualMlp
     * residual graph} on that table, every other name {@link #forProblem}'s network.
     */
    public static Model model(String problem, BenchmarkData.Split data, IUpdater updater, long seed) {
        return problem.endsWith(RESNET) ? residualMlp(data, updater, seed) : forProblem(problem, data, updater, seed);
    }

    /**
     * How well a trained network does on the split's test rows, higher is better: the accuracy, or on a
     * {@linkplain BenchmarkData.Split#regression() regression table} the R squared (the share of the test targets'
     * variance explained: 0 for predicting their mean, 1 for exact predictions; every step of a sequence counts).
     */
    public static double testScore(Model model, BenchmarkData.Split data) {
        NetworkAdapter net = NetworkAdapter.of(model);
        if (!data.regression()) {
            return net.evaluate(data.testIterator()).accuracy();
        }
        INDArray y = SequenceData.rows(data.test().getLabels());
        INDArray residual = y.sub(SequenceData.rows(net.output(data.test().getFeatures())));
        INDArray centred = y.subRowVector(y.mean(0));
        return 1 - residual.mul(residual).sumNumber().doubleValue() / centred.mul(centred).sumNumber().doubleValue();
    }

    /**
     * The data set of a problem name ({@code digits-cnn} reads digits, {@code fashion-cnn} fashion, a {@code -resnet}
     * name its table, the {@code -finetune} problems the target classes of {@link FineTuning}).
     */
    public static BenchmarkData.Split dataFor(String problem, long seed) {
        if (FineTuning.handles(problem)) {
            return FineTuning.target(problem, seed);
        }
        return BenchmarkData.named(problem.replace("-cnn", "").replace(RESNET, ""), seed);
    }
}
