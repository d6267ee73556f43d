package io.github.dl4jlr.demo.model;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.LoggerFactory;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

/** The demo's networks. */
public final class BreedModels {

    /** One sentence for the report. Sized for a 2-core CPU: DL4J 1.0.0-M2.1 trains it at about 3 ms per 24x24 image there. */
    public static final String DESCRIPTION = "a small CNN trained from scratch: three blocks of 3x3 convolution "
            + "(12, 24, 48 channels, same padding) + batch normalization + ReLU, max-pooling 2x2 after the first two, "
            + "global average pooling, then a dense softmax over the classes (cross-entropy loss, ReLU/He init)";

    private BreedModels() {
    }

    /** One sentence on the model for the report: the small CNN, or the named zoo model fine-tuned. */
    public static String describe(String pretrained) {
        return pretrained == null ? DESCRIPTION : pretrained + " from the local DL4J zoo cache, frozen up to the layer "
                + "before its output, with a new softmax output over the classes (transfer learning); 224x224 inputs in "
                + "ImageNet caffe form";
    }

    /**
     * The CNN with weights initialized from {@code 1000 + seed}: DL4J 1.0.0-M2.1 treats {@code seed(0)} as unset and
     * initializes randomly, which made reruns with "seed 0" differ (pinned in Dl4jSeedBehaviourTest).
     */
    public static MultiLayerNetwork smallCnn(int imageSize, int classes, IUpdater updater, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1000 + seed)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(12).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(24).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(48).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutional(imageSize, imageSize, 3))
                .build());
        net.init();
        return net;
    }

    /**
     * A zoo model from the local DL4J cache, fine-tuned for {@code classes}: everything up to the vertex that feeds the
     * output layer is frozen (a feature extractor), and the output layer is replaced by a new softmax layer. The
     * vertices are found from the graph's configuration, so any zoo graph with one dense output layer works. Inputs
     * are 224x224 RGB in ImageNet "caffe" form (BGR, 0-255, channel means subtracted; see {@code PixelMode.IMAGENET}).
     */
    public static ComputationGraph pretrained(String name, int classes, IUpdater updater, long seed) {
        File weights = requirePretrainedWeights(name);
        ComputationGraph base;
        try {
            base = ModelSerializer.restoreComputationGraph(weights, false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Could not read " + weights + " as a DL4J ComputationGraph: " + e.getMessage()
                    + ". Replace it with the DL4J zoo file.", e);
        }
        ComputationGraphConfiguration conf = base.getConfiguration();
        String output = conf.getNetworkOutputs().get(0);
        String features = conf.getVertexInputs().get(output).get(0);
        org.deeplearning4j.nn.conf.layers.Layer outLayer =
                ((LayerVertex) conf.getVertices().get(output)).getLayerConf().getLayer();
        long nIn = ((FeedForwardLayer) outLayer).getNIn();
        return new TransferLearning.GraphBuilder(base)
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(updater).seed(1000 + seed).build())
                .setFeatureExtractor(features)
                .removeVertexKeepConnections(output)
                .addLayer(output, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(nIn).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), features)
                .build();
    }

    /** Input side of the zoo models. */
    public static final int PRETRAINED_IMAGE_SIZE = 224;

    /**
     * Where DL4J's zoo keeps a model's weights; the demo only reads from there and never downloads. Fails with what
     * to do when the file is missing.
     */
    public static File requirePretrainedWeights(String name) {
        String model = name.toLowerCase(Locale.ROOT);
        String file;
        long checksum;
        switch (model) {
            case "vgg16" -> {
                file = "vgg16_dl4j_inference.zip";
                checksum = 3501732770L;
            }
            case "resnet50" -> {
                file = "resnet50_dl4j_inference.v3.zip";
                checksum = 3914447815L;
            }
            default -> throw new IllegalArgumentException("Expected --pretrained vgg16 or resnet50, but got " + name);
        }
        File weights = new File(new File(new File(DL4JResources.getBaseDirectory(), "models"), model), file);
        if (weights.isFile()) {
            long actual = adler32(weights);
            if (actual != checksum) {
                LoggerFactory.getLogger(BreedModels.class).warn("{} has Adler32 {}, not the zoo's {}; using it anyway",
                        weights, actual, checksum);
            }
        }
        if (!weights.isFile()) {
            throw new IllegalArgumentException("No " + model + " weights in the DL4J model cache: expected " + weights
                    + " (Adler32 " + checksum + "). Copy the DL4J zoo file there (the base folder can be changed with "
                    + "-Dorg.deeplearning4j.resources.directory=...); this demo never downloads.");
        }
        return weights;
    }

    private static long adler32(File file) {
        java.util.zip.Adler32 a = new java.util.zip.Adler32();
        try (java.io.InputStream in = new java.io.BufferedInputStream(new java.io.FileInputStream(file))) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                a.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not read " + file, e);
        }
        return a.getValue();
    }
}
