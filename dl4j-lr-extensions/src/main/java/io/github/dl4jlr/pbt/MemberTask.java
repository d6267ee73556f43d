package io.github.dl4jlr.pbt;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * One member's training step as a self-contained task: everything needed to train it for one round, so that an
 * engine can run it anywhere. The arrays are the member's own copies (the donor's, after an exploit).
 *
 * @param updaterState flat updater state, or {@code null} for stateless updaters
 */
public record MemberTask(int member, int round, Map<String, Double> hyperparameters, INDArray params,
                         INDArray updaterState, int iteration, int epoch) {

    public MemberTask {
        hyperparameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hyperparameters));
    }
}
