package io.github.dl4jlr.pbt;

import java.util.Map;

/**
 * One member after one round: its score, the hyperparameters it trained with, and whose weights it started the
 * round from ({@code parent == member} unless it exploited a donor before this round).
 */
public record PbtRecord(int member, int round, double score, Map<String, Double> hyperparameters, int parent) {

    public PbtRecord {
        hyperparameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hyperparameters));
    }

    public double learningRate() {
        return hyperparameters.get(SearchSpace.LEARNING_RATE);
    }
}
