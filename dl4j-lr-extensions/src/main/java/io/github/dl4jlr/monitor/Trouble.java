package io.github.dl4jlr.monitor;

/**
 * Something the monitor must act on: a non-finite state ({@link Diagnosis}), a finite divergence
 * ({@link LossExplosion}) or a dead network ({@link DeadNetwork}).
 */
public sealed interface Trouble permits Diagnosis, LossExplosion, DeadNetwork {

    /** @return the network's iteration counter at that step */
    int iteration();

    /** @return the network's epoch counter at that step */
    int epoch();

    /**
     * Learning rate of the first trained layer at that step.
     *
     * @return learning rate of the first trained layer at that step
     */
    double learningRate();

    /** @return what caused it */
    Cause cause();

    /**
     * What the trouble is keyed to: an input name, an output name, a layer, or {@code "loss"}.
     *
     * @return what the trouble is keyed to
     */
    String key();

    /**
     * Cause and advice in one sentence, for the log and exceptions.
     *
     * @return cause and advice in one sentence, for the log and exceptions
     */
    String message();
}
