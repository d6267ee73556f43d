package io.github.dl4jlr.monitor;

/** Where an update:parameter ratio lies relative to the healthy band. */
public enum RatioVerdict {
    OK, HIGH, LOW,
    /** No verdict: the parameters are all zero (e.g. biases at init) or the array is not judged. */
    UNDEFINED
}
