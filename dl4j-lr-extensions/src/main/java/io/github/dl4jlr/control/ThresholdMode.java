package io.github.dl4jlr.control;

/** How {@link ReduceLROnPlateau} decides that a loss improved on the best so far. */
public enum ThresholdMode {
    /** Improved when {@code loss < best * (1 - threshold)}. */
    RELATIVE,
    /** Improved when {@code loss < best - threshold}. */
    ABSOLUTE
}
