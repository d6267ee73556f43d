package io.github.dl4jlr.pbt;

import io.github.dl4jlr.util.Args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The hyperparameters PBT searches: the learning rate (log-uniform, required) and optionally momentum
 * (Nesterovs), beta1 (Adam family) and weight decay (log-uniform).
 */
public final class SearchSpace {

    public static final String LEARNING_RATE = "learningRate";
    public static final String MOMENTUM = "momentum";
    public static final String BETA1 = "beta1";
    public static final String WEIGHT_DECAY = "weightDecay";

    private final List<Hyperparameter> parameters;

    private SearchSpace(List<Hyperparameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** Starts a space with a log-uniform learning rate in [min, max]. */
    public static Builder learningRate(double min, double max) {
        return new Builder(new Hyperparameter(LEARNING_RATE, Args.positive("learningRate min", min),
                Args.positive("learningRate max", max), true));
    }

    public List<Hyperparameter> parameters() {
        return parameters;
    }

    public Hyperparameter get(String name) {
        for (Hyperparameter h : parameters) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("Expected one of " + names() + ", but got " + name);
    }

    public List<String> names() {
        return parameters.stream().map(Hyperparameter::name).toList();
    }

    /** One draw of every hyperparameter, in declaration order. */
    public Map<String, Double> sample(Random rng) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Hyperparameter h : parameters) {
            m.put(h.name(), h.sample(rng));
        }
        return m;
    }

    /** Requires a value inside the bounds for every hyperparameter of the space. */
    public Map<String, Double> validate(Map<String, Double> values) {
        Args.notNull("hyperparameters", values);
        for (Hyperparameter h : parameters) {
            Double v = values.get(h.name());
            Args.check(v != null && v >= h.min() && v <= h.max(),
                    h.name() + " in [" + h.min() + ", " + h.max() + "]", v);
        }
        return new LinkedHashMap<>(values);
    }

    public static final class Builder {
        private final List<Hyperparameter> parameters = new ArrayList<>();

        private Builder(Hyperparameter lr) {
            parameters.add(lr);
        }

        /** Nesterovs momentum, uniform in [min, max] within [0, 1). */
        public Builder momentum(double min, double max) {
            Args.rightOpenInterval("momentum max", max, 0, 1);
            parameters.add(new Hyperparameter(MOMENTUM, Args.nonNegative("momentum min", min), max, false));
            return this;
        }

        /** Adam-family beta1, uniform in [min, max] within [0, 1). */
        public Builder beta1(double min, double max) {
            Args.rightOpenInterval("beta1 max", max, 0, 1);
            parameters.add(new Hyperparameter(BETA1, Args.nonNegative("beta1 min", min), max, false));
            return this;
        }

        /** Decoupled weight decay on weights (not biases), log-uniform in [min, max]. */
        public Builder weightDecay(double min, double max) {
            parameters.add(new Hyperparameter(WEIGHT_DECAY, Args.positive("weightDecay min", min),
                    Args.positive("weightDecay max", max), true));
            return this;
        }

        public SearchSpace build() {
            return new SearchSpace(parameters);
        }
    }
}
