package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.ParamRef;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds what is non-finite when the score is: before the step (inputs, labels, parameters, raw gradients, at
 * {@code onGradientCalculation}, so a NaN written into one layer is blamed on that layer before backpropagation spreads
 * it), and after it (parameters and applied updates). One reduction per array.
 */
final class NonFiniteInspector {

    private NonFiniteInspector() {
    }

    /** What was non-finite before the update; kept until {@link #merge} reads it. */
    static Diagnosis beforeStep(ModelTrack t, double score) {
        List<String> params = new ArrayList<>();
        List<String> grads = new ArrayList<>();
        Gradient g = t.net.model().gradient();
        for (ParamRef p : t.params) {
            if (!NetworkAdapter.finite(t.net.param(p))) {
                params.add(p.key());
            }
            INDArray raw = g == null ? null : g.getGradientFor(p.key());
            if (raw != null && !NetworkAdapter.finite(raw)) {
                grads.add(p.key());
            }
        }
        int it = t.net.iterationCount();
        int ep = t.net.epochCount();
        return new Diagnosis(it, ep, t.learningRate(it, ep), score, true, nonFinite(t.net.inputs()),
                nonFinite(t.net.labels()), params, grads, List.of(), List.of(), -1);
    }

    /**
     * The diagnosis of a non-finite state found after the step, merged with what was seen before it.
     *
     * @param spreadFrom another replica that went non-finite first (ParallelWrapper averaging), or -1
     */
    static Diagnosis merge(ModelTrack t, int iteration, int epoch, double score, List<String> badParams,
                           List<String> badUpdates, int spreadFrom) {
        Diagnosis before = t.pending;
        t.pending = null;
        return new Diagnosis(iteration, epoch, t.learningRate(iteration, epoch), score, before != null,
                before == null ? List.of() : before.nonFiniteInputs(), before == null ? List.of() : before.nonFiniteLabels(),
                before == null ? List.of() : before.paramsBeforeStep(),
                before == null ? List.of() : before.gradientsBeforeStep(), badParams, badUpdates, spreadFrom);
    }

    private static List<String> nonFinite(Map<String, INDArray> arrays) {
        List<String> bad = new ArrayList<>();
        arrays.forEach((name, a) -> {
            if (!NetworkAdapter.finite(a)) {
                bad.add(name);
            }
        });
        return bad;
    }
}
