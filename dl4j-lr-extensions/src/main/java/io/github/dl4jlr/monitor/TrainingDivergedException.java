package io.github.dl4jlr.monitor;

/**
 * Thrown by {@link TrainingHealthMonitor} to stop training when it went non-finite or diverged (policy STOP, or
 * ROLLBACK once its restores are used up). Its message says what happened and what to try. The network it was thrown
 * from holds the newest healthy snapshot (or, if there was none, whatever state it was in).
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Trouble trouble;

    public TrainingDivergedException(String message, Trouble trouble) {
        super(message);
        this.trouble = trouble;
    }

    /** What was found: a {@link Diagnosis} (non-finite) or a {@link LossExplosion} (finite divergence). */
    public Trouble trouble() {
        return trouble;
    }

    /** The diagnosis when training went non-finite; null for a finite divergence. */
    public Diagnosis diagnosis() {
        return trouble instanceof Diagnosis ? (Diagnosis) trouble : null;
    }
}
