package io.github.dl4jlr.pbt;

import io.github.dl4jlr.util.Args;

import java.util.Random;

/**
 * A bounded hyperparameter: sampled uniformly (or log-uniformly), perturbed multiplicatively, always clamped.
 */
public record Hyperparameter(String name, double min, double max, boolean logScale) {

    public Hyperparameter {
        Args.notNull("name", name);
        Args.finite(name + " min", min);
        Args.finite(name + " max", max);
        Args.check(min < max, name + " min < max", "min=" + min + ", max=" + max);
        Args.check(!logScale || min > 0, name + " min > 0 for a log-uniform range", min);
    }

    /** A draw from the prior: uniform, or uniform in log space. */
    public double sample(Random rng) {
        double u = rng.nextDouble();
        return logScale ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
    }

    /** {@code value * factor}, clamped to [min, max] (ray#11936: perturbed values must never leave the bounds). */
    public double perturb(double value, double factor) {
        return clamp(value * factor);
    }

    public double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
