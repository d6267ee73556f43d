package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.model.BreedModels;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transfer learning from the local zoo cache, with a small stand-in graph saved where DL4J keeps VGG16's weights
 * (the real 500 MB file cannot be downloaded here). It has the zoo model's shape: 224x224x3 input, a feature
 * vertex "fc2" and a 1000-way output "predictions".
 */
@Tag("slow")
class PretrainedTransferTest {

    private static final Path CACHE = Paths.get("target", "test-data-cache", "PretrainedTransferTest").toAbsolutePath();

    @AfterEach
    void restoreDl4jHome() {
        DL4JResources.resetBaseDirectoryLocation();
    }

    private static ComputationGraph standInZooGraph() {
        ComputationGraph g = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.1))
                .graphBuilder()
                .addInputs("input")
                .addLayer("block1_conv1", new ConvolutionLayer.Builder(8, 8).stride(8, 8).nOut(4)
                        .activation(Activation.RELU).build(), "input")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "block1_conv1")
                .addLayer("fc2", new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build(), "pool")
                .addLayer("predictions", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(1000)
                        .activation(Activation.SOFTMAX).build(), "fc2")
                .setOutputs("predictions")
                .setInputTypes(InputType.convolutional(224, 224, 3))
                .build());
        g.init();
        return g;
    }

    @Test
    void freezesTheFeaturesReplacesTheOutputAndTrainsInTheDemo(@TempDir Path dl4jHome, @TempDir Path results) throws Exception {
        ComputationGraph zoo = standInZooGraph();
        Path weights = dl4jHome.resolve("models/vgg16/vgg16_dl4j_inference.zip");
        Files.createDirectories(weights.getParent());
        ModelSerializer.writeModel(zoo, weights.toFile(), false);
        DL4JResources.setBaseDirectory(dl4jHome.toFile());

        ComputationGraph tl = BreedModels.pretrained("vgg16", 120, new Adam(1e-3), 0);
        assertTrue(tl.getLayer("fc2") instanceof FrozenLayer, "features are frozen");
        assertTrue(tl.getLayer("block1_conv1") instanceof FrozenLayer);
        assertArrayEquals(zoo.getLayer("fc2").params().toFloatVector(), tl.getLayer("fc2").params().toFloatVector(),
                "the zoo weights are kept");
        assertEquals(120, ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) tl.getLayer("predictions").conf().getLayer()).getNOut());

        DogBreedDemo.Result r = DogBreedDemo.run("--quick", "--pretrained", "vgg16", "--experiments",
                "adam-lr0.001,finder-1cycle", "--epochs", "1", "--images-per-class", "7", "--results", results.toString(),
                "--cache-dir", CACHE.toString(), "--no-progress");
        assertEquals(2, r.runs().size());
        assertEquals(2, r.rows().size());
        assertTrue(r.rows().stream().allMatch(m -> Double.isFinite(m.testAccuracy())), r.rows().toString());
        String report = Files.readString(r.report());
        assertTrue(report.contains("vgg16 from the local DL4J zoo cache, frozen up to the layer before its output"), report);
        assertTrue(report.contains("decoded once to 224x224, in ImageNet caffe form"), report);
    }
}
