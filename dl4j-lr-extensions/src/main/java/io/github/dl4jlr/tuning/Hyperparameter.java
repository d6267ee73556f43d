package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;

import java.util.Random;

/**
 * A bounded hyperparameter: sampled uniformly (or log-uniformly), perturbed multiplicatively, always clamped.
 */
public record Hyperparameter(String name, double min, double max, boolean logScale) {

    /**
     * Validates the bounds: finite, {@code min < max}, and {@code min > 0} on a log scale.
     *
     * @param name the hyperparameter, e.g. {@link SearchSpace#LEARNING_RATE}
     * @param min the lowest value, finite
     * @param max the highest value, finite, {@code > min}
     * @param logScale whether values are drawn and spread in log space (then {@code min > 0})
     */
    public Hyperparameter {
        Args.notNull("name", name);
        Args.finite(name + " min", min);
        Args.finite(name + " max", max);
        Args.check(min < max, name + " min < max", "min=" + min + ", max=" + max);
        Args.check(!logScale || min > 0, name + " min > 0 for a log-uniform range", min);
    }

    /**
     * A draw from the prior: uniform, or uniform in log space.
     *
     * @param rng the random source
     * @return a draw from the prior
     */
    public double sample(Random rng) {
        double u = rng.nextDouble();
        return logScale ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
    }

    /**
     * {@code value * factor}, clamped to [min, max] (ray#11936: perturbed values must never leave the bounds).
     *
     * @param value the current value
     * @param factor the multiplier, e.g. 0.8 or 1.2
     * @return {@code value * factor}, clamped to [min, max] (ray#11936
     */
    public double perturb(double value, double factor) {
        return clamp(value * factor);
    }

    /**
     * @param value any value
     * @return {@code value} clamped to [min, max]
     */
    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
