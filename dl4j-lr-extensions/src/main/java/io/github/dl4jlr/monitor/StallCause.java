package io.github.dl4jlr.monitor;

/** Why the loss stopped improving, judged from the update:parameter ratios, the gradients and the learning rate. */
public enum StallCause {
    /**
     * The weight ratios sat below the band in a network that has not fitted (its lowest loss at or above three quarters
     * of its chance level): the steps are too small to make progress.
     */
    LR_TOO_LOW,
    /**
     * The weight ratios sat in the band, but the loss has hardly fallen since the first epoch: training never got
     * going, so the learning rate is likely too low (or the data, labels or loss are wrong).
     */
    NO_PROGRESS,
    /**
     * The weight ratios sat in the band after real progress, or below it in a network that has fitted (its lowest loss
     * below three quarters of its chance level, where the steps shrink with the gradients): a plateau, where a lower
     * learning rate usually helps.
     */
    PLATEAU,
    /** The weight ratios sat above the band: the steps overshoot and the loss oscillates. */
    LR_TOO_HIGH,
    /**
     * The loss sits near its chance level with the weight gradients gone: the units died, usually under a far too
     * high learning rate early on. A higher learning rate cannot revive them.
     */
    NETWORK_DEAD,
    /**
     * The learning rate was lowered on purpose (a schedule, {@code ReduceLROnPlateau} or a rollback) and the loss has
     * levelled off at the lower rate: expected as a decay goes on, not a reason to raise it.
     */
    LR_LOWERED,
    /** No ratio check ran in those epochs (the check frequency is longer than them). */
    UNKNOWN
}
