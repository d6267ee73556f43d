package io.github.dl4jlr.monitor;

/** Where an update:parameter ratio lies relative to the healthy band. */
public enum RatioVerdict {
    /** Inside the band. */
    OK,
    /** Above the band: the step is large for the size of the weights. */
    HIGH,
    /** Below the band: the step is small for the size of the weights. */
    LOW,
    /** No verdict: the parameters are all zero (e.g. biases at init) or the array is not judged. */
    UNDEFINED
}
