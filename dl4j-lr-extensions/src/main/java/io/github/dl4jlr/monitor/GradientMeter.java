package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ParamRef;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the dead-network check reads at {@code onGradientCalculation} of a check iteration, where the gradient is still
 * the raw one, summed over the minibatch: per trained weight array, the mean |gradient| per example and element (one
 * L1 reduction each), and the column sums of the labels (for the chance level).
 */
final class GradientMeter {

    private GradientMeter() {
    }

    /** Stores both in the track; no gradients when DL4J holds none. */
    static void measure(ModelTrack t, Model model) {
        t.gradients = null;
        Gradient g = model.gradient();
        long batch = model.batchSize();
        if (g == null || batch <= 0) {
            return;
        }
        List<String> keys = new ArrayList<>();
        double[] means = new double[t.params.size()];
        for (ParamRef p : t.params) {
            INDArray raw = p.isTrained() ? g.getGradientFor(p.key()) : null;
            if (raw != null && RatioRules.judged(raw.rank())) {
                means[keys.size()] = raw.norm1Number().doubleValue() / batch / raw.length();
                keys.add(p.key());
            }
        }
        t.gradients = Arrays.copyOf(means, keys.size());
        t.gradientKeys = keys;
        addLabels(t);
    }

    private static void addLabels(ModelTrack t) {
        Map<String, INDArray> labels = t.net.labels();
        if (labels.size() == t.outputs.size()) {
            t.chance.add(new ArrayList<>(labels.values()), t.net.outputMasks());
        }
    }
}
