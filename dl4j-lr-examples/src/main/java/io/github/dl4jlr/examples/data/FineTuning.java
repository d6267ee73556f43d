package io.github.dl4jlr.examples.data;

import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;

/**
 * A fine-tuning problem, {@code letter-finetune}: an MLP 64-64 pretrained on the UCI letters A to M, its first hidden
 * layer frozen, a new softmax head for N to Z, trained on a small sample of N to Z. The source and the target share no
 * class, so the head starts at its chance level on features learned elsewhere, as in transfer learning.
 *
 * <ul>
 *   <li>source: the training rows of {@link BenchmarkData#letter(long)} labelled A to M (about 2000); the body is
 *       trained once, on the rows of data seed 0, with Adam 1e-3 for {@value #PRETRAIN_EPOCHS} epochs (weights from
 *       seed 1000), and every model starts from it, as users start from one pretrained network;</li>
 *   <li>target: the first {@value #TARGET_TRAIN} training rows labelled N to Z, and every test row labelled N to Z
 *       (about 500), 13 classes, minibatch 32;</li>
 *   <li>model: {@code TransferLearning} on the pretrained network with the given updater for every trained layer,
 *       layer 0 frozen, the old head replaced by a new one (Xavier, weights from {@code 1000 + seed}).</li>
 * </ul>
 */
public final class FineTuning {

    /** The problem's name in the benchmarks. */
    public static final String NAME = "letter-finetune";
    static final int SPLIT_CLASS = 13;
    static final int TARGET_TRAIN = 600;
    static final int PRETRAIN_EPOCHS = 10;

    private static MultiLayerNetwork pretrained;

    private FineTuning() {
    }

    /** The target split (N to Z) of the letters shuffled with {@code seed}. */
    public static BenchmarkData.Split target(long seed) {
        BenchmarkData.Split letters = BenchmarkData.letter(seed);
        DataSet train = classes(letters.train(), SPLIT_CLASS, 26);
        train = new DataSet(train.getFeatures().get(NDArrayIndex.interval(0, TARGET_TRAIN), NDArrayIndex.all()),
                train.getLabels().get(NDArrayIndex.interval(0, TARGET_TRAIN), NDArrayIndex.all()));
        return new BenchmarkData.Split(NAME, train, classes(letters.test(), SPLIT_CLASS, 26), 32, 26 - SPLIT_CLASS);
    }

    /** The source split (A to M) of the letters shuffled with {@code seed}. */
    static BenchmarkData.Split source(long seed) {
        BenchmarkData.Split letters = BenchmarkData.letter(seed);
        return new BenchmarkData.Split("letter-source", classes(letters.train(), 0, SPLIT_CLASS),
                classes(letters.test(), 0, SPLIT_CLASS), 32, SPLIT_CLASS);
    }

    /**
     * The network to fine-tune: the pretrained body, layer 0 frozen, a new head for the target.
     *
     * @param updater the updater (and rate) of every trained layer
     * @param seed    the new head's weights come from {@code 1000 + seed}
     */
    public static MultiLayerNetwork model(IUpdater updater, long seed) {
        return new TransferLearning.Builder(pretrained())
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(updater).seed(1000 + seed).build())
                .setFeatureExtractor(0)
                .removeOutputLayer()
                .addLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(26 - SPLIT_CLASS)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .build();
    }

    /** A copy of the pretrained network (trained on first use). */
    static synchronized MultiLayerNetwork pretrained() {
        if (pretrained == null) {
            BenchmarkData.Split source = source(0);
            MultiLayerNetwork net = ExampleModels.mlp(source, new Adam(1e-3), 0, 64, 64);
            for (int e = 0; e < PRETRAIN_EPOCHS; e++) {
                net.fit(source.trainIterator());
            }
            pretrained = net;
        }
        return pretrained.clone();
    }

    /** The rows whose class lies in {@code [from, to)}, with only those label columns. */
    static DataSet classes(DataSet d, int from, int to) {
        INDArray labels = d.getLabels();
        INDArray cls = labels.argMax(1);
        List<Long> rows = new ArrayList<>();
        for (long i = 0; i < labels.size(0); i++) {
            int c = cls.getInt((int) i);
            if (c >= from && c < to) {
                rows.add(i);
            }
        }
        long[] idx = rows.stream().mapToLong(Long::longValue).toArray();
        INDArray x = Nd4j.pullRows(d.getFeatures(), 1, toInts(idx));
        INDArray y = Nd4j.pullRows(labels, 1, toInts(idx)).get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
        return new DataSet(x, y.dup());
    }

    private static int[] toInts(long[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = (int) idx[i];
        }
        return out;
    }
}
