package io.github.dl4jlr.finder;

/** Why a range test ended. */
public enum StopReason {
    /** All configured iterations ran. */
    COMPLETED,
    /** The smoothed loss exceeded {@code divergenceFactor} times its best value. */
    DIVERGED,
    /** The loss became NaN or infinite. */
    NON_FINITE,
    /** Still running (a listener asked before it was done). */
    RUNNING
}
