package io.github.dl4jlr.demo.experiment;

/**
 * The outcome of one run (experiment and seed).
 *
 * @param medianRatio median update:parameter ratio of the weight arrays over the monitor's checks (target 1e-3)
 * @param note        e.g. the finder's suggestion or PBT's final learning rate
 */
public record RunSummary(String experiment, String group, int seed, int epochs, double bestTestAccuracy,
                         double finalTestAccuracy, double finalTestLoss, double minTestLoss, double secondsPerEpoch,
                         double dataWaitFraction, double medianRatio, boolean diverged, String note) {
}
