package io.github.dl4jlr.tuning;

import java.io.Serializable;

/**
 * What training a {@link MemberTask} produced, as data that travels back: the new state, the evaluator's score (higher
 * is better) and where the worker's time went.
 *
 * @param trainMillis time spent training and scoring
 * @param codecMillis time spent turning arrays into bytes and back
 * @param worker      where it ran, e.g. "pid 4711" (for reports and tests)
 */
public record MemberOutcome(int member, int round, byte[] params, byte[] updaterState, int iteration, int epoch,
                            double score, double trainMillis, double codecMillis, String worker) implements Serializable {

    /**
     * The bytes this outcome ships back.
     *
     * @return the bytes this outcome ships back
     */
    public long bytes() {
        return params.length + (updaterState == null ? 0 : updaterState.length);
    }
}
