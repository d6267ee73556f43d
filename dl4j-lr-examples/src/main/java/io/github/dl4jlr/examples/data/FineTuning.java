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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Fine-tuning problems: a network pretrained on some classes of a data set, its lower layers frozen, a new softmax head
 * for the other classes, trained on a small sample of them. Source and target share no class, so the head starts at
 * its chance level on features learned elsewhere, as in transfer learning.
 *
 * <ul>
 *   <li>{@code letter-finetune}: the MLP 64-64 of the UCI letters, pretrained on A to M, its first hidden layer
 *       frozen; the target is N to Z (13 classes);</li>
 *   <li>{@code fashion-finetune}: the CNN of the Fashion-MNIST subset, pretrained on its classes 0 to 4 (tops,
 *       trousers, pullovers, dresses, coats), both convolution layers frozen; the target is classes 5 to 9 (sandals,
 *       shirts, sneakers, bags, ankle boots);</li>
 *   <li>{@code satellite-finetune}: the MLP 64-64 of the Landsat satellite table, pretrained on its first three soil
 *       classes, its first hidden layer frozen; the target is the other three;</li>
 *   <li>{@code digits-finetune}: the CNN of the UCI digits, pretrained on 0 to 4, both convolution layers frozen; the
 *       target is 5 to 9.</li>
 * </ul>
 * The source is the training rows of the source classes; the network is pretrained once, on the rows of data seed 0,
 * with Adam 1e-3 for {@value #PRETRAIN_EPOCHS} epochs (weights from seed 1000), and every model starts from it, as
 * users start from one pretrained network. The target's training rows are the first {@value #TARGET_TRAIN} of the
 * target classes, its test rows every test row of them; minibatch 32. The model is {@code TransferLearning} on the
 * pretrained network with the given updater for every trained layer and a new head (Xavier, weights from
 * {@code 1000 + seed}).
 */
public final class FineTuning {

    /** The letters problem's name in the benchmarks. */
    public static final String LETTERS = "letter-finetune";
    /** The Fashion-MNIST problem's name in the benchmarks. */
    public static final String FASHION = "fashion-finetune";
    /** The Landsat satellite problem's name in the benchmarks. */
    public static final String SATELLITE = "satellite-finetune";
    /** The UCI digits problem's name in the benchmarks. */
    public static final String DIGITS = "digits-finetune";
    static final int TARGET_TRAIN = 600;
    static final int PRETRAIN_EPOCHS = 10;

    /**
     * A problem: its data, the model it pretrains (a problem name of {@link ExampleModels#forProblem}), where the
     * target classes start, the last frozen layer and the head's inputs.
     */
    private record Spec(LongFunction<BenchmarkData.Split> data, String base, int classes, int split, int frozenUpTo,
                        int headIn) {
    }

    private static final Map<String, MultiLayerNetwork> PRETRAINED = new ConcurrentHashMap<>();

    private FineTuning() {
    }

    /** Whether the problem name is one of these fine-tuning problems. */
    public static boolean handles(String problem) {
        return List.of(LETTERS, FASHION, SATELLITE, DIGITS).contains(problem);
    }

    private static Spec spec(String problem) {
        return switch (problem) {
            case LETTERS -> new Spec(BenchmarkData::letter, "letter", 26, 13, 0, 64);
            case FASHION -> new Spec(BenchmarkData::fashion, "fashion-cnn", 10, 5, 3, 32);
            case SATELLITE -> new Spec(BenchmarkData::satellite, "satellite", 6, 3, 0, 64);
            case DIGITS -> new Spec(BenchmarkData::digits, "digits-cnn", 10, 5, 3, 64);
            default -> throw new IllegalArgumentException("Expected one of " + List.of(LETTERS, FASHION, SATELLITE,
                    DIGITS) + ", but got " + problem);
        };
    }

    /** The target split of the data shuffled with {@code seed}. */
    public static BenchmarkData.Split target(String problem, long seed) {
        Spec s = spec(problem);
        BenchmarkData.Split all = s.data().apply(seed);
        DataSet train = classes(all.train(), s.split(), s.classes());
        train = new DataSet(train.getFeatures().get(NDArrayIndex.interval(0, TARGET_TRAIN), NDArrayIndex.all()),
                train.getLabels().get(NDArrayIndex.interval(0, TARGET_TRAIN), NDArrayIndex.all()));
        return new BenchmarkData.Split(problem, train, classes(all.test(), s.split(), s.classes()), 32,
                s.classes() - s.split());
    }

    /** The source split of the data shuffled with {@code seed}. */
    static BenchmarkData.Split source(String problem, long seed) {
        Spec s = spec(problem);
        BenchmarkData.Split all = s.data().apply(seed);
        return new BenchmarkData.Split(problem + "-source", classes(all.train(), 0, s.split()),
                classes(all.test(), 0, s.split()), 32, s.split());
    }

    /**
     * The network to fine-tune: the pretrained network, its lower layers frozen, a new head for the target.
     *
     * @param updater the updater (and rate) of every trained layer
     * @param seed    the new head's weights come from {@code 1000 + seed}
     */
    public static MultiLayerNetwork model(String problem, IUpdater updater, long seed) {
        Spec s = spec(problem);
        return new TransferLearning.Builder(pretrained(problem))
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(updater).seed(1000 + seed).build())
                .setFeatureExtractor(s.frozenUpTo())
                .removeOutputLayer()
                .addLayer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(s.headIn())
                        .nOut(s.classes() - s.split()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER)
                        .build())
                .build();
    }

    /** A copy of the problem's pretrained network (trained on first use). */
    static MultiLayerNetwork pretrained(String problem) {
        return PRETRAINED.computeIfAbsent(problem, p -> {
            BenchmarkData.Split source = source(p, 0);
            MultiLayerNetwork net = ExampleModels.forProblem(spec(p).base(), source, new Adam(1e-3), 0);
            for (int e = 0; e < PRETRAIN_EPOCHS; e++) {
                net.fit(source.trainIterator());
            }
            return net;
        }).clone();
    }

    /** The rows whose class lies in {@code [from, to)}, with only those label columns. */
    static DataSet classes(DataSet d, int from, int to) {
        INDArray labels = d.getLabels();
        INDArray cls = labels.argMax(1);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(0); i++) {
            int c = cls.getInt(i);
            if (c >= from && c < to) {
                rows.add(i);
            }
        }
        int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
        INDArray x = Nd4j.pullRows(d.getFeatures(), 1, idx);
        INDArray y = Nd4j.pullRows(labels, 1, idx).get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
        return new DataSet(x, y.dup());
    }
}
