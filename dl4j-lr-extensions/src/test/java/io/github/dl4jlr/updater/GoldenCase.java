package io.github.dl4jlr.updater;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One golden case written by {@code src/test/python/updater_reference.py} from the authors' PyTorch code: the network,
 * its initial weights, the data, and the parameters after chosen steps.
 */
final class GoldenCase {

    final String name;
    final JsonNode root;
    final DataType dtype;

    private GoldenCase(String name, JsonNode root) {
        this.name = name;
        this.root = root;
        this.dtype = root.get("dtype").asText().equals("float64") ? DataType.DOUBLE : DataType.FLOAT;
    }

    static GoldenCase load(String name) {
        try (InputStream in = GoldenCase.class.getResourceAsStream("/golden/updaters/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No golden file for " + name);
            }
            return new GoldenCase(name, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int steps() {
        return root.get("steps").asInt();
    }

    List<Integer> checkpoints() {
        List<Integer> out = new ArrayList<>();
        root.get("checkpoints").fieldNames().forEachRemaining(s -> out.add(Integer.parseInt(s)));
        return out;
    }

    JsonNode checkpoint(int step) {
        return root.get("checkpoints").get(String.valueOf(step));
    }

    /** The network of the case with {@code updater}, its weights set to the case's initial ones. */
    MultiLayerNetwork network(IUpdater updater) {
        JsonNode init = root.get("initial");
        List<Integer> frozen = new ArrayList<>();
        root.get("frozen").forEach(n -> frozen.add(n.asInt()));
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().dataType(dtype).seed(1)
                .updater(updater).list();
        for (int i = 0; i < init.size(); i++) {
            JsonNode w = init.get(i).get("W");
            int nIn = w.size();
            int nOut = w.get(0).size();
            if (i == init.size() - 1) {
                b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(nIn).nOut(nOut)
                        .activation(Activation.SOFTMAX).build());
            } else {
                // A layer trained at rate 0 splits the others into two updater blocks and, unlike DL4J's FrozenLayer
                // (which passes no gradient down) or a NoOp updater (which applies the raw gradient), stays put while
                // the gradient flows through it, as a torch layer without requires_grad does.
                DenseLayer.Builder dense = new DenseLayer.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH);
                double middle = root.get("middle_sgd_lr").asDouble();
                b.layer(frozen.contains(i) ? dense.updater(new Sgd(middle)).build() : dense.build());
            }
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        setParams(net, init);
        return net;
    }

    static void setParams(MultiLayerNetwork net, JsonNode layers) {
        for (int i = 0; i < layers.size(); i++) {
            net.getParam(i + "_W").assign(matrix(layers.get(i).get("W"), net.getParam(i + "_W").dataType()));
            net.getParam(i + "_b").assign(matrix(layers.get(i).get("b"), net.getParam(i + "_b").dataType())
                    .reshape(net.getParam(i + "_b").shape()));
        }
    }

    static INDArray matrix(JsonNode n, DataType dtype) {
        if (!n.get(0).isArray()) {
            double[] v = new double[n.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = n.get(i).asDouble();
            }
            return Nd4j.createFromArray(v).castTo(dtype);
        }
        double[][] m = new double[n.size()][n.get(0).size()];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = n.get(i).get(j).asDouble();
            }
        }
        return Nd4j.createFromArray(m).castTo(dtype);
    }

    /** Minibatch {@code i} of the case's fixed order. */
    DataSet batch(int i) {
        int batch = root.get("batch").asInt();
        JsonNode x = root.get("features");
        JsonNode y = root.get("labels");
        double[][] f = new double[batch][];
        double[][] l = new double[batch][3];
        for (int r = 0; r < batch; r++) {
            JsonNode row = x.get(i * batch + r);
            f[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                f[r][c] = row.get(c).asDouble();
            }
            l[r][y.get(i * batch + r).asInt()] = 1;
        }
        return new DataSet(Nd4j.createFromArray(f).castTo(dtype), Nd4j.createFromArray(l).castTo(dtype));
    }

    int batches() {
        return root.get("features").size() / root.get("batch").asInt();
    }
}
