package io.github.dl4jlr.control;

import org.deeplearning4j.earlystopping.termination.EpochTerminationCondition;

/**
 * Ends an {@code EarlyStoppingTrainer} run when its {@link ReduceLROnPlateau} has cut the learning rate down to
 * {@code minLr} and patience has run out again. It reads the listener's state, so attach that listener to the
 * network the trainer trains. The listener reference is transient: a deserialized condition never fires.
 */
public final class PlateauTerminationCondition implements EpochTerminationCondition {

    private static final long serialVersionUID = 1L;

    private final transient ReduceLROnPlateau plateau;

    PlateauTerminationCondition(ReduceLROnPlateau plateau) {
        this.plateau = plateau;
    }

    @Override
    public void initialize() {
        // The state lives in the listener, which sees every epoch.
    }

    @Override
    public boolean terminate(int epochNum, double score, boolean minimize) {
        return plateau != null && plateau.isExhausted();
    }

    @Override
    public String toString() {
        return "PlateauTerminationCondition(learning rate at its minimum and no improvement for another patience)";
    }
}
