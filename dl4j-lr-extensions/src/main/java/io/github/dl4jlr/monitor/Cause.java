package io.github.dl4jlr.monitor;

/** What made training unhealthy, as far as the monitor can tell; decides what a recovery may do about it. */
public enum Cause {
    /** A minibatch input holds NaN/Inf: a data problem, not a learning-rate one. */
    BAD_INPUT,
    /** The minibatch labels hold NaN/Inf: a data problem. */
    BAD_LABELS,
    /** Parameters were already NaN/Inf before the step: something wrote into them outside the update. */
    PARAMS_ALREADY_NON_FINITE,
    /** The update made parameters NaN/Inf: the learning rate is too high (or gradients exploded). */
    UPDATE_NON_FINITE,
    /** The loss is NaN/Inf while parameters and data are finite: activations or the loss overflowed. */
    LOSS_NON_FINITE,
    /** The loss is finite but has exploded against its best value: divergence. */
    LOSS_DIVERGED,
    /**
     * The loss sits at its chance level with the weight gradients gone: the units died (see {@link
     * StallCause#NETWORK_DEAD}).
     */
    NETWORK_DEAD;

    /**
     * Causes in the data: restoring helps, cutting the learning rate does not.
     *
     * @return causes in the data
     */
    public boolean isDataProblem() {
        return this == BAD_INPUT || this == BAD_LABELS;
    }

    /**
     * Causes a lower learning rate can cure.
     *
     * @return causes a lower learning rate can cure
     */
    public boolean isLearningRateProblem() {
        return this == UPDATE_NON_FINITE || this == LOSS_NON_FINITE || this == LOSS_DIVERGED || this == NETWORK_DEAD;
    }
}
