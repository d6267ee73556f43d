package io.github.dl4jlr.control;

/** What {@link ReduceLROnPlateau} decided after an epoch. */
public enum PlateauDecision {
    /** The loss improved, or patience has not run out: nothing to do. */
    NONE,
    /** Patience ran out: the learning rate is cut by the factor. */
    REDUCE,
    /** Patience ran out again with the learning rate already at its floor: nothing left to cut. */
    EXHAUSTED
}
