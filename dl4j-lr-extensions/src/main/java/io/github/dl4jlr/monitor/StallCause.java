package io.github.dl4jlr.monitor;

/** Why the loss stopped improving, judged from the update:parameter ratios of the stalled epochs. */
public enum StallCause {
    /** The weight ratios sat below the band: the steps are too small to make progress. */
    LR_TOO_LOW,
    /**
     * The weight ratios sat in the band, but the loss has hardly fallen since the first epoch: training never got
     * going, so the learning rate is likely too low (or the data, labels or loss are wrong).
     */
    NO_PROGRESS,
    /** The weight ratios sat in the band after real progress: a plateau, where a lower learning rate usually helps. */
    PLATEAU,
    /** The weight ratios sat above the band: the steps overshoot and the loss oscillates. */
    LR_TOO_HIGH,
    /** No ratio check ran in those epochs (the check frequency is longer than them). */
    UNKNOWN
}
