package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.ParamRef;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One L1 reduction per parameter array and per applied update ({@code model.gradient()} at {@code iterationDone}):
 * they give the update:parameter ratios and, since L1 norms propagate NaN/Inf, the finiteness check at the same time.
 */
final class Norms {

    final List<String> keys = new ArrayList<>();
    final List<RatioVerdict> verdicts = new ArrayList<>();
    final List<String> badParams = new ArrayList<>();
    final List<String> badUpdates = new ArrayList<>();
    private double[] ratios = new double[8];
    /** The largest ratio of a judged (weight) array; NaN when none. */
    double maxJudged = Double.NaN;

    private Norms() {
    }

    /** Measures every parameter array of the track's model against the update just applied. */
    static Norms measure(ModelTrack t, Gradient update, double low, double high) {
        Norms n = new Norms();
        for (ParamRef p : t.params) {
            INDArray param = t.net.param(p);
            double pNorm = param.norm1Number().doubleValue();
            if (!Double.isFinite(pNorm)) {
                n.badParams.add(p.key());
            }
            if (!p.isTrained()) {
                continue;
            }
            INDArray u = update == null ? null : update.getGradientFor(p.key());
            double uNorm = u == null ? 0 : u.norm1Number().doubleValue();
            if (!Double.isFinite(uNorm)) {
                n.badUpdates.add(p.key());
            }
            double r = RatioRules.ratio(uNorm, pNorm);
            n.add(p.key(), r, RatioRules.judged(param.rank()) ? RatioRules.verdict(r, low, high) : RatioVerdict.UNDEFINED);
        }
        return n;
    }

    /** Whether any parameter or update was non-finite. */
    boolean nonFinite() {
        return !badParams.isEmpty() || !badUpdates.isEmpty();
    }

    double[] ratios() {
        return Arrays.copyOf(ratios, keys.size());
    }

    private void add(String key, double ratio, RatioVerdict verdict) {
        if (keys.size() == ratios.length) {
            ratios = Arrays.copyOf(ratios, 2 * ratios.length);
        }
        ratios[keys.size()] = ratio;
        keys.add(key);
        verdicts.add(verdict);
        if (verdict != RatioVerdict.UNDEFINED && !(ratio <= maxJudged)) {
            maxJudged = ratio;
        }
    }
}
