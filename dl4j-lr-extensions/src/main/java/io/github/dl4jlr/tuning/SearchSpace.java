package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The hyperparameters PBT searches: the learning rate or a multiple of the configured one (log-uniform, required) and
 * optionally momentum (Nesterovs), beta1 (Adam family) and weight decay (log-uniform).
 */
public final class SearchSpace {

    /** Every layer's learning rate (Prodigy's multiplier); replaces a schedule by a fixed rate. */
    public static final String LEARNING_RATE = "learningRate";
    /** Nesterov's momentum. */
    public static final String MOMENTUM = "momentum";
    /** Adam's beta1 (and its variants'). */
    public static final String BETA1 = "beta1";
    /** The updater's own decoupled weight decay (AdamW-style updaters). */
    public static final String WEIGHT_DECAY = "weightDecay";
    /**
     * A multiplier of the configured learning rate, schedule included (a schedule keeps its shape through
     * {@code ScaledSchedule}); what {@code LearningRateSearch} varies, so that every candidate trains with the user's
     * own schedule.
     */
    public static final String LEARNING_RATE_SCALE = "learningRateScale";

    private final List<Hyperparameter> parameters;

    private SearchSpace(List<Hyperparameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /**
     * Starts a space with a log-uniform learning rate in [min, max]; a member's rate replaces any configured schedule.
     *
     * @param min the smallest rate, {@code > 0}
     * @param max the largest
     * @return a builder to add more hyperparameters to
     */
    public static Builder learningRate(double min, double max) {
        return new Builder(new Hyperparameter(LEARNING_RATE, Args.positive("learningRate min", min),
                Args.positive("learningRate max", max), true));
    }

    /**
     * Starts a space with a log-uniform multiple of the configured learning rate in [min, max]: members keep the
     * configured schedule's shape at their own scale.
     *
     * @param min the smallest multiple, {@code > 0}
     * @param max the largest
     * @return a builder to add more hyperparameters to
     */
    public static Builder learningRateScale(double min, double max) {
        return new Builder(new Hyperparameter(LEARNING_RATE_SCALE, Args.positive("learningRateScale min", min),
                Args.positive("learningRateScale max", max), true));
    }

    /** @return the hyperparameters, in order */
    public List<Hyperparameter> parameters() {
        return parameters;
    }

    /**
     * @param name a hyperparameter's name, e.g. {@link #LEARNING_RATE}
     * @return that hyperparameter, or null when the space has none of that name
     */
    public Hyperparameter get(String name) {
        for (Hyperparameter h : parameters) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("Expected one of " + names() + ", but got " + name);
    }

    /** @return the hyperparameters' names, in order */
    public List<String> names() {
        return parameters.stream().map(Hyperparameter::name).toList();
    }

    /**
     * One draw of every hyperparameter, in declaration order.
     *
     * @param rng the random source
     * @return one draw of every hyperparameter, in declaration order
     */
    public Map<String, Double> sample(Random rng) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Hyperparameter h : parameters) {
            m.put(h.name(), h.sample(rng));
        }
        return m;
    }

    /**
     * Requires a value inside the bounds for every hyperparameter of the space.
     *
     * @param values one value per hyperparameter of the space
     * @return a copy of {@code values}
     * @throws IllegalArgumentException naming a hyperparameter that is missing or out of its bounds
     */
    public Map<String, Double> validate(Map<String, Double> values) {
        Args.notNull("hyperparameters", values);
        for (Hyperparameter h : parameters) {
            Double v = values.get(h.name());
            Args.check(v != null && v >= h.min() && v <= h.max(),
                    h.name() + " in [" + h.min() + ", " + h.max() + "]", v);
        }
        return new LinkedHashMap<>(values);
    }

    /** Adds hyperparameters one by one; start from {@link SearchSpace#learningRate} or the others. */
    public static final class Builder {
        private final List<Hyperparameter> parameters = new ArrayList<>();

        private Builder(Hyperparameter lr) {
            parameters.add(lr);
        }

        /**
         * Nesterovs momentum, uniform in [min, max] within [0, 1).
         *
         * @param min the smallest momentum, {@code >= 0}
         * @param max the largest, below 1
         * @return this builder
         */
        public Builder momentum(double min, double max) {
            Args.rightOpenInterval("momentum max", max, 0, 1);
            parameters.add(new Hyperparameter(MOMENTUM, Args.nonNegative("momentum min", min), max, false));
            return this;
        }

        /**
         * Adam-family beta1, uniform in [min, max] within [0, 1).
         *
         * @param min the smallest beta1, {@code >= 0}
         * @param max the largest, below 1
         * @return this builder
         */
        public Builder beta1(double min, double max) {
            Args.rightOpenInterval("beta1 max", max, 0, 1);
            parameters.add(new Hyperparameter(BETA1, Args.nonNegative("beta1 min", min), max, false));
            return this;
        }

        /**
         * Decoupled weight decay on weights (not biases), log-uniform in [min, max].
         *
         * @param min the smallest weight decay, {@code > 0}
         * @param max the largest
         * @return this builder
         */
        public Builder weightDecay(double min, double max) {
            parameters.add(new Hyperparameter(WEIGHT_DECAY, Args.positive("weightDecay min", min),
                    Args.positive("weightDecay max", max), true));
            return this;
        }

        /** @return the space, with at least one hyperparameter */
        public SearchSpace build() {
            return new SearchSpace(parameters);
        }
    }
}
