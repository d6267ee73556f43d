package io.github.dl4jlr.monitor;

/** Something the monitor must act on: a non-finite state ({@link Diagnosis}) or a finite divergence ({@link LossExplosion}). */
public sealed interface Trouble permits Diagnosis, LossExplosion {

    int iteration();

    int epoch();

    /** Learning rate of the first trained layer at that step. */
    double learningRate();

    Cause cause();

    /** What the trouble is keyed to: an input name, an output name, a layer, or {@code "loss"}. */
    String key();

    /** Cause and advice in one sentence, for the log and exceptions. */
    String message();
}
