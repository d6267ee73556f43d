package io.github.dl4jlr.control;

/** One epoch as {@link ReduceLROnPlateau} saw it. */
public record PlateauRecord(int epoch, double loss, double best, int badEpochs, PlateauDecision decision,
                            double lrBefore, double lrAfter) {
}
