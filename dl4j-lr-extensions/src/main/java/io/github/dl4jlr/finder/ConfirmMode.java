package io.github.dl4jlr.finder;

/** When the finder's confirmation trials run (see {@link LearningRateFinder}). */
public enum ConfirmMode {
    /** After every sweep. */
    ALWAYS,
    /**
     * Only when the curve is flat ({@link LrFinderResult#flat()}) or the network already trained
     * ({@link LrFinderResult#trained()}), whose curves the rules cannot read, or has frozen layers
     * ({@link LrFinderResult#frozenLayers()}), whose curve they read too high: the default, since on a fresh network's
     * falling curve the trials' pick was on average no closer to the best rate than the curve's.
     */
    WHEN_FLAT,
    /** Never: the suggestion comes from the curve alone. */
    NEVER
}
