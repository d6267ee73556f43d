package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One view over {@link MultiLayerNetwork} and {@link ComputationGraph} for the operations this library needs:
 * counters, flat parameter and updater-state views, per-parameter updaters in forward order, listeners and
 * single-batch training.
 */
public final class NetworkAdapter {

    private static final NoOp FROZEN = new NoOp();

    private final Model model;
    private final MultiLayerNetwork mln;
    private final ComputationGraph graph;

    private NetworkAdapter(Model model) {
        this.model = model;
        this.mln = model instanceof MultiLayerNetwork ? (MultiLayerNetwork) model : null;
        this.graph = model instanceof ComputationGraph ? (ComputationGraph) model : null;
    }

    /**
     * Wraps an initialised MultiLayerNetwork or ComputationGraph; anything else is rejected.
     *
     * @throws IllegalArgumentException for other model types, and for a network whose {@code init()} was never called
     *                                  (it has no parameters or layers yet)
     */
    public static NetworkAdapter of(Model model) {
        Args.notNull("model", model);
        if (!(model instanceof MultiLayerNetwork) && !(model instanceof ComputationGraph)) {
            throw new IllegalArgumentException("Expected a MultiLayerNetwork or ComputationGraph, but got "
                    + model.getClass().getName());
        }
        NetworkAdapter adapter = new NetworkAdapter(model);
        if (adapter.layers() == null) {
            throw new IllegalArgumentException("Expected an initialised network, but init() was never called on this "
                    + model.getClass().getSimpleName() + ": call net.init() after constructing it (it creates the "
                    + "parameters and layers), then pass it in");
        }
        return adapter;
    }

    /**
     * A fresh, initialised network from what {@link #configurationJson()} and {@link #isGraph()} give for another one:
     * the same architecture and settings, new weights from the configuration's seed.
     */
    public static NetworkAdapter fromConfiguration(String configurationJson, boolean graph) {
        Args.notNull("configurationJson", configurationJson);
        Model model;
        if (graph) {
            ComputationGraph g = new ComputationGraph(ComputationGraphConfiguration.fromJson(configurationJson));
            g.init();
            model = g;
        } else {
            MultiLayerNetwork n = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configurationJson));
            n.init();
            model = n;
        }
        return new NetworkAdapter(model);
    }

    public Model model() {
        return model;
    }

    /** Whether the network is a ComputationGraph. */
    public boolean isGraph() {
        return graph != null;
    }

    /** The network's layers in forward (topological) order. */
    public Layer[] layers() {
        return mln != null ? mln.getLayers() : graph.getLayers();
    }

    /** The network's configuration as JSON, from which DL4J can rebuild it. */
    public String configurationJson() {
        return mln != null ? mln.getLayerWiseConfigurations().toJson() : graph.getConfiguration().toJson();
    }

    /** Sets one learning-rate schedule on every layer. */
    public void setLearningRate(ISchedule schedule) {
        if (mln != null) {
            mln.setLearningRate(schedule);
        } else {
            graph.setLearningRate(schedule);
        }
    }

    /** Milliseconds the last minibatch waited for data (DL4J's ETL time). */
    public long lastEtlTime() {
        return mln != null ? mln.getLastEtlTime() : graph.getLastEtlTime();
    }

    /** One pass over the iterator (one epoch). */
    public void fit(DataSetIterator data) {
        if (mln != null) {
            mln.fit(data);
        } else {
            graph.fit(data);
        }
    }

    /** The outputs for these features, of a network with one input and one output. */
    public INDArray output(INDArray features) {
        return mln != null ? mln.output(features) : graph.outputSingle(features);
    }

    /** Classification metrics over the iterator; for a graph, on its single output. */
    public Evaluation evaluate(DataSetIterator data) {
        return mln != null ? mln.evaluate(data) : graph.evaluate(data);
    }

    public int iterationCount() {
        return mln != null ? mln.getIterationCount() : graph.getIterationCount();
    }

    public int epochCount() {
        return mln != null ? mln.getEpochCount() : graph.getEpochCount();
    }

    public void setCounters(int iteration, int epoch) {
        if (mln != null) {
            mln.setIterationCount(iteration);
            mln.setEpochCount(epoch);
        } else {
            graph.getConfiguration().setIterationCount(iteration);
            graph.getConfiguration().setEpochCount(epoch);
        }
    }

    /** The flat parameter view (not a copy). */
    public INDArray params() {
        return model.params();
    }

    /**
     * {@code |update|_1 / |params|_1} over the whole network, read at {@code iterationDone}, where the flat gradient
     * view holds the update just applied: how far the last step moved the parameters, relative to their size. NaN
     * when the parameters are all zero or no update is set. Frozen layers are left out of both norms.
     */
    public double relativeUpdate() {
        INDArray update = mln != null ? mln.getGradientsViewArray() : graph.getGradientsViewArray();
        if (update == null) {
            return Double.NaN;
        }
        if (!hasFrozenLayers()) {
            double p = model.params().norm1Number().doubleValue();
            return p > 0 ? update.norm1Number().doubleValue() / p : Double.NaN;
        }
        // a frozen body never moves: measure the layers that train, or a large frozen body hides a huge first step
        Gradient g = model.gradient();
        double u = 0;
        double p = 0;
        for (ParamRef ref : parameters()) {
            if (ref.updater() == FROZEN) {
                continue;
            }
            INDArray step = g == null ? null : g.getGradientFor(ref.key());
            u += step == null ? 0 : step.norm1Number().doubleValue();
            p += param(ref).norm1Number().doubleValue();
        }
        return p > 0 ? u / p : Double.NaN;
    }

    /**
     * Whether a layer is frozen ({@code TransferLearning}'s feature extractors): its weights were learned elsewhere.
     *
     * @return true when at least one layer is frozen
     */
    public boolean hasFrozenLayers() {
        return Arrays.stream(layers()).anyMatch(NetworkAdapter::frozen);
    }

    /** A layer {@code TransferLearning} froze: a wrapper whose {@code conf()} is the wrapped layer's. */
    private static boolean frozen(Layer layer) {
        return layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
    }

    /** The flat updater-state view, creating the updater if needed; {@code null} for stateless updaters (SGD). */
    public INDArray updaterState() {
        return mln != null ? mln.getUpdater(true).getStateViewArray() : graph.getUpdater(true).getStateViewArray();
    }

    /**
     * Every parameter array, in forward order ("0_W", "0_b", "1_W" ... or "dense_W" ... for graphs), with the
     * updater that trains it. Arrays with a {@link NoOp} updater, such as batch-norm running statistics, and the
     * arrays of frozen layers ({@code TransferLearning}'s feature extractors, which report the updater of the layer
     * they wrap) are marked as not trained; a frozen layer's arrays get a {@link NoOp}.
     */
    public List<ParamRef> parameters() {
        List<ParamRef> out = new ArrayList<>();
        Layer[] layers = mln != null ? mln.getLayers() : graph.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer layer = layers[i];
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String prefix = mln != null ? String.valueOf(i) : conf.getLayerName();
            // a frozen wrapper's conf() is the wrapped layer's, whose updater DL4J never applies to it
            boolean frozen = frozen(layer);
            for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
                IUpdater updater = frozen ? FROZEN : conf.getUpdaterByParam(p.getKey());
                out.add(new ParamRef(prefix + "_" + p.getKey(), prefix, p.getKey(), updater));
            }
        }
        return out;
    }

    /** The distinct updater configurations (by identity) of trained parameters, in forward order. */
    public List<IUpdater> trainedUpdaters() {
        Map<IUpdater, Boolean> seen = new IdentityHashMap<>();
        List<IUpdater> out = new ArrayList<>();
        for (ParamRef p : parameters()) {
            if (p.isTrained() && seen.put(p.updater(), Boolean.TRUE) == null) {
                out.add(p.updater());
            }
        }
        return out;
    }

    /** The current value of one parameter array (a view). */
    public INDArray param(ParamRef ref) {
        return mln != null ? mln.getParam(ref.key()) : graph.getParam(ref.key());
    }

    /**
     * The names of the network's inputs, in order: the graph's input names, or {@code "features"} for a
     * MultiLayerNetwork.
     */
    public List<String> inputNames() {
        return mln != null ? List.of("features") : List.copyOf(graph.getConfiguration().getNetworkInputs());
    }

    /**
     * The names of the network's outputs, in order: the graph's output layer names, or {@code "labels"} for a
     * MultiLayerNetwork.
     */
    public List<String> outputNames() {
        return mln != null ? List.of("labels") : List.copyOf(graph.getConfiguration().getNetworkOutputs());
    }

    /**
     * The features of the minibatch being trained on, by input name (see {@link #inputNames()}); inputs that are not
     * set are left out.
     */
    public Map<String, INDArray> inputs() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        List<String> names = inputNames();
        if (mln != null) {
            if (mln.getInput() != null) {
                out.put(names.get(0), mln.getInput());
            }
        } else if (graph.getInputs() != null) {
            INDArray[] in = graph.getInputs();
            for (int i = 0; i < in.length && i < names.size(); i++) {
                if (in[i] != null) {
                    out.put(names.get(i), in[i]);
                }
            }
        }
        return out;
    }

    /**
     * The labels of the minibatch being trained on, by output name (see {@link #outputNames()}); empty when not set.
     * A ComputationGraph has no public getter for them in DL4J 1.0.0-M2.1, so they are read from its
     * {@code labels} field; if that fails they are reported as unknown (empty).
     */
    public Map<String, INDArray> labels() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        List<String> names = outputNames();
        INDArray[] labels = mln != null ? (mln.getLabels() == null ? null : new INDArray[]{mln.getLabels()}) : graphLabels();
        if (labels != null) {
            for (int i = 0; i < labels.length && i < names.size(); i++) {
                if (labels[i] != null) {
                    out.put(names.get(i), labels[i]);
                }
            }
        }
        return out;
    }

    /**
     * The mask DL4J scores each output with, in the order of {@link #outputNames()}, for the minibatch being trained
     * on: the labels' mask, as the output layer keeps it or as the graph holds it; null when the minibatch has none.
     * An input's mask alone does not count: DL4J 1.0.0-M2.1 scores every step of a time-series output then (measured
     * for an LSTM with an RnnOutputLayer, in both network types).
     */
    public List<INDArray> outputMasks() {
        List<INDArray> out = new ArrayList<>();
        if (mln != null) {
            out.add(mln.getOutputLayer().getMaskArray());
        } else {
            INDArray[] labelMasks = graph.getLabelMaskArrays();
            for (int i = 0; i < graph.getNumOutputArrays(); i++) {
                INDArray m = graph.getOutputLayer(i).getMaskArray();
                out.add(m == null && labelMasks != null && i < labelMasks.length ? labelMasks[i] : m);
            }
        }
        return out;
    }

    private INDArray[] graphLabels() {
        try {
            java.lang.reflect.Field f = ComputationGraph.class.getDeclaredField("labels");
            f.setAccessible(true);
            return (INDArray[]) f.get(graph);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    public Collection<TrainingListener> listeners() {
        Collection<TrainingListener> l = mln != null ? mln.getListeners() : graph.getListeners();
        return l == null ? Collections.emptyList() : l;
    }

    public void setListeners(Collection<TrainingListener> listeners) {
        model.setListeners(new ArrayList<>(listeners));
    }

    /** One training step on one minibatch. */
    public void fit(DataSet batch) {
        if (mln != null) {
            mln.fit(batch);
        } else {
            graph.fit(batch);
        }
    }

    /** One training step on one multi-input minibatch; graphs only. */
    public void fit(MultiDataSet batch) {
        if (graph == null) {
            throw new IllegalArgumentException("Expected a ComputationGraph for MultiDataSet input, but got a MultiLayerNetwork");
        }
        graph.fit(batch);
    }

    /** Mean loss on one minibatch, without regularization, in inference mode. */
    public double score(DataSet batch) {
        return mln != null ? mln.score((org.nd4j.linalg.dataset.DataSet) batch, false) : graph.score(batch, false);
    }

    /**
     * Mean loss per example over a whole iterator (reset first), without regularization, in inference mode.
     *
     * @throws IllegalArgumentException when the iterator has no examples
     */
    public double meanLoss(DataSetIterator data) {
        data.reset();
        Iterable<org.nd4j.linalg.dataset.DataSet> all = () -> data;
        return meanLoss(all);
    }

    /** {@link #meanLoss(DataSetIterator)} for multi-input data; graphs only. */
    public double meanLoss(MultiDataSetIterator data) {
        data.reset();
        Iterable<MultiDataSet> all = () -> data;
        return meanLoss(all);
    }

    /**
     * Mean loss per example over these minibatches ({@code DataSet}s, or {@code MultiDataSet}s for a graph), each
     * weighted by its size, without regularization, in inference mode.
     *
     * @throws IllegalArgumentException when there are no examples
     */
    public double meanLoss(Iterable<?> batches) {
        double sum = 0;
        long n = 0;
        for (Object b : batches) {
            long size;
            if (b instanceof DataSet) {
                size = ((DataSet) b).numExamples();
                sum += score((DataSet) b) * size;
            } else {
                size = ((MultiDataSet) b).getFeatures(0).size(0);
                sum += score((MultiDataSet) b) * size;
            }
            n += size;
        }
        return checkedMean(sum, n);
    }

    private static double checkedMean(double sum, long n) {
        if (n == 0) {
            throw new IllegalArgumentException("Expected a non-empty validation iterator, but it returned no examples");
        }
        return sum / n;
    }

    /**
     * The distinct trained updaters, all of which must have a learning rate.
     *
     * @param purpose who needs it, for the error message, e.g. "the range test"
     * @throws IllegalArgumentException naming AdaDelta/NoOp, or when every parameter is frozen
     */
    public List<IUpdater> updatersWithLearningRate(String purpose) {
        List<IUpdater> trained = trainedUpdaters();
        if (trained.isEmpty()) {
            throw new IllegalArgumentException("Expected a network with trainable parameters, but every parameter has "
                    + "a NoOp updater (frozen): " + purpose + " has no learning rate to work on");
        }
        for (IUpdater u : trained) {
            LearningRateConfig.requireLearningRate(u);
        }
        return trained;
    }

    /**
     * The learning rate in force at the given counters for the first of {@code updaters} that has one; NaN when none
     * has (AdaDelta, NoOp).
     *
     * @param updaters  trained updaters, e.g. {@link #trainedUpdaters()}
     * @param iteration the iteration counter
     * @param epoch     the epoch counter
     */
    public static double learningRate(List<IUpdater> updaters, int iteration, int epoch) {
        for (IUpdater u : updaters) {
            if (u.hasLearningRate()) {
                return u.getLearningRate(iteration, epoch);
            }
        }
        return Double.NaN;
    }

    /**
     * Whether every element of {@code array} is finite, in one reduction: NaN and infinities propagate through a sum
     * (it overflows only past about 3.4e38 in float32, which is a divergence anyway), about 17x cheaper than a
     * {@code MatchCondition} over the array.
     */
    public static boolean finite(INDArray array) {
        return Double.isFinite(array.sumNumber().doubleValue());
    }

    /**
     * DL4J's updater blocks, in the order DL4J updates them: runs of neighbouring parameters with equal updater
     * configurations (a frozen layer, batch-norm statistics or a different updater start a new block). Creates the
     * updater if needed.
     */
    public List<UpdaterBlock> updaterBlocks() {
        BaseMultiLayerUpdater<?> u = mln != null ? (BaseMultiLayerUpdater<?>) mln.getUpdater(true)
                : graph.getUpdater(true);
        return u == null ? List.of() : u.getUpdaterBlocks();
    }

    /**
     * Sets the velocity of every {@code Nesterovs} (momentum) block to zero. Its velocity is built with the rate it
     * trained at ({@code v = mu v - lr g}), so a run at another rate that inherits it first travels about
     * {@code v / (1 - mu)} at the old rate, whatever its own. Other updaters' states (moments, squared gradients)
     * hold no rate and are left alone.
     *
     * @return whether any velocity was not zero already
     */
    public boolean clearMomentumVelocity() {
        boolean cleared = false;
        for (UpdaterBlock block : updaterBlocks()) {
            INDArray view = block.getUpdaterView();
            if (block.getGradientUpdater().getConfig() instanceof Nesterovs && view != null && !view.isEmpty()) {
                cleared |= view.amaxNumber().doubleValue() != 0;
                view.assign(0);
            }
        }
        return cleared;
    }

    /** The flat parameter view of one updater block (not a copy): the parameters its updater changes. */
    public INDArray params(UpdaterBlock block) {
        return model.params().reshape(model.params().length())
                .get(NDArrayIndex.interval(block.getParamOffsetStart(), block.getParamOffsetEnd()));
    }

    /** How each output of the network scores, in output order (see {@link #outputNames()}). */
    public List<OutputLoss> outputLosses() {
        List<OutputLoss> out = new ArrayList<>();
        if (mln != null) {
            out.add(OutputLoss.of(mln.getLayers()[mln.getLayers().length - 1].conf().getLayer()));
        } else {
            for (String name : graph.getConfiguration().getNetworkOutputs()) {
                Layer layer = graph.getLayer(name);
                out.add(layer == null ? OutputLoss.OTHER : OutputLoss.of(layer.conf().getLayer()));
            }
        }
        return out;
    }

    /** Mean loss on one multi-input minibatch; graphs only. */
    public double score(MultiDataSet batch) {
        if (graph == null) {
            throw new IllegalArgumentException("Expected a ComputationGraph for MultiDataSet input, but got a MultiLayerNetwork");
        }
        return graph.score(batch, false);
    }
}
