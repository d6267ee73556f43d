package io.github.dl4jlr.tuning;

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

    /**
     * Validates the task and copies its hyperparameters.
     *
     * @param member the member
     * @param round the round about to be trained, from 0
     * @param hyperparameters the values to apply after the state is loaded
     * @param params the parameters, in ND4J's binary array format
     * @param updaterState flat updater state, or {@code null} for stateless updaters (SGD)
     * @param iteration the network's iteration counter (0-based)
     * @param epoch the network's epoch counter (0-based)
     */
    public MemberTask {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /**
     * The bytes this task ships (parameters and updater state).
     *
     * @return the bytes this task ships (parameters and updater state)
     */
    public long bytes() {
        return params.length + (updaterState == null ? 0 : updaterState.length);
    }
}
