package io.github.dl4jlr.tuning;

import java.util.Map;

/**
 * One member after one round: its score, the hyperparameters it trained with, and whose weights it started the
 * round from ({@code parent == member} unless it exploited a donor before this round).
 */
public record PbtRecord(int member, int round, double score, Map<String, Double> hyperparameters, int parent) {

    /**
     * Copies the hyperparameters.
     *
     * @param member the member
     * @param round the round, from 0
     * @param score its score after the round, higher is better
     * @param hyperparameters the values it trained the round with
     * @param parent the member whose weights it copied before the round, or -1
     */
    public PbtRecord {
        hyperparameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hyperparameters));
    }

    /** @return the member's learning rate, or NaN when the space searched a multiple of the configured one */
    public double learningRate() {
        return hyperparameters.getOrDefault(SearchSpace.LEARNING_RATE, Double.NaN);
    }
}
