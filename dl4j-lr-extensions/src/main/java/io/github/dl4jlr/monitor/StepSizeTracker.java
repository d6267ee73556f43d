package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ParamRef;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The step-size estimate's plumbing (see {@link StepSizeEstimate}): at {@code onGradientCalculation} of a check
 * iteration, per weight array, the changes of the parameters and of the mean gradient since the previous check. Costs
 * two copies of every weight array.
 */
final class StepSizeTracker {

    /** The parameters and mean gradient of one weight array at the previous check, and its running moments. */
    static final class Track {
        final INDArray theta;
        final INDArray gradient;
        StepSizeEstimate.State moments = StepSizeEstimate.State.INITIAL;
        double estimate = Double.NaN;

        Track(INDArray theta, INDArray gradient) {
            this.theta = theta;
            this.gradient = gradient;
        }
    }

    private final StepSizeEstimate estimate;

    StepSizeTracker(double decay) {
        this.estimate = new StepSizeEstimate(decay);
    }

    void measure(ModelTrack t, Model model) {
        Gradient g = model.gradient();
        long batch = model.batchSize();
        if (g == null || batch <= 0) {
            return;
        }
        for (ParamRef p : t.params) {
            INDArray raw = p.isTrained() ? g.getGradientFor(p.key()) : null;
            INDArray theta = t.net.param(p);
            if (raw == null || !RatioRules.judged(theta.rank())) {
                continue;
            }
            INDArray mean = raw.div(batch);
            Track k = t.steps.get(p.key());
            if (k == null) {
                t.steps.put(p.key(), new Track(theta.dup(), mean));
                continue;
            }
            double s = theta.distance2(k.theta);
            double y = mean.distance2(k.gradient);
            k.moments = estimate.next(k.moments, s * s, y * y);
            k.estimate = StepSizeEstimate.estimate(k.moments);
            k.theta.assign(theta);
            k.gradient.assign(mean);
        }
    }

    /** The latest estimate per key, NaN where there is none. */
    static double[] estimates(ModelTrack t, List<String> keys) {
        double[] out = new double[keys.size()];
        for (int i = 0; i < out.length; i++) {
            Track k = t.steps.get(keys.get(i));
            out[i] = k == null ? Double.NaN : k.estimate;
        }
        return out;
    }
}
