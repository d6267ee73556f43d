package io.github.dl4jlr.monitor;

/**
 * Thrown by {@link TrainingHealthMonitor} to stop training when it went non-finite (policy STOP, or ROLLBACK after
 * its last rollback). The network it was thrown from holds the last healthy parameters.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnosis diagnosis;

    public TrainingDivergedException(String message, Diagnosis diagnosis) {
        super(message);
        this.diagnosis = diagnosis;
    }

    /** What was found. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }
}
