package io.github.dl4jlr.tuning;

/** How a copied member's hyperparameters change. */
public enum Explore {
    /** Multiply each by 0.8 or 1.2 (coin flip), clamped to its bounds. */
    PERTURB,
    /** With probability {@code resampleProbability} draw from the prior, otherwise perturb; clamped. */
    RESAMPLE
}
