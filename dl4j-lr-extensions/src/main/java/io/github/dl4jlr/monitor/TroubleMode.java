package io.github.dl4jlr.monitor;

/** What {@link TrainingHealthMonitor} does when the loss, a parameter or an update becomes NaN or infinite. */
public enum TroubleMode {
    /** Log an ERROR line with the diagnosis and let training go on. */
    LOG,
    /** Restore the last healthy parameters, then throw {@link TrainingDivergedException}. */
    STOP,
    /** Restore the last healthy parameters and updater state, cut the learning rate, continue. */
    ROLLBACK
}
