package io.github.dl4jlr.pbt;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One member's round as data that travels: its hyperparameters, its parameters and updater state as ND4J's binary
 * array format ({@code Nd4j.toByteArray}), and its counters. Together with the round's {@link MemberSpec} it is all
 * a worker needs.
 *
 * @param updaterState flat updater state, or {@code null} for stateless updaters (SGD)
 */
public record MemberTask(int member, int round, Map<String, Double> hyperparameters, byte[] params,
                         byte[] updaterState, int iteration, int epoch) implements Serializable {

    public MemberTask {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /** The bytes this task ships (parameters and updater state). */
    public long bytes() {
        return params.length + (updaterState == null ? 0 : updaterState.length);
    }
}
