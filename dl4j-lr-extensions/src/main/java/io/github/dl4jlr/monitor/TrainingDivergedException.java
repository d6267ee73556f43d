package io.github.dl4jlr.monitor;

import java.util.Optional;

/**
 * Thrown by {@link TrainingHealthMonitor} to stop training when it went non-finite, diverged or died (policy STOP, or
 * ROLLBACK once its restores are used up). Its message says what happened and what to try. The network it was thrown
 * from holds the newest healthy snapshot (or, if there was none, whatever state it was in).
 *
 * <p>Thrown from a ParallelWrapper worker, it reaches the caller wrapped in DL4J's own {@code RuntimeException}s;
 * find it with {@link #unwrap}:
 * <pre>{@code
 *   try {
 *       wrapper.fit(train);
 *   } catch (RuntimeException e) {
 *       TrainingDivergedException stop = TrainingDivergedException.unwrap(e).orElseThrow(() -> e);
 *       ...                                  // stop.getMessage() says what happened and what to try
 *   }
 * }</pre>
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Trouble trouble;

    /**
     * @param message what happened and what to try
     * @param trouble what the monitor acted on
     */
    public TrainingDivergedException(String message, Trouble trouble) {
        super(message);
        this.trouble = trouble;
    }

    /**
     * What was found: a {@link Diagnosis} (non-finite) or a {@link LossExplosion} (finite divergence).
     *
     * @return what was found
     */
    public Trouble trouble() {
        return trouble;
    }

    /**
     * The monitor's exception in {@code thrown} or in its chain of causes.
     *
     * @param thrown what a {@code fit} call threw
     * @return the exception, or empty when the monitor did not stop training
     */
    public static Optional<TrainingDivergedException> unwrap(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TrainingDivergedException) {
                return Optional.of((TrainingDivergedException) t);
            }
        }
        return Optional.empty();
    }

    /**
     * The diagnosis when training went non-finite; null for a finite divergence or a dead network.
     *
     * @return the diagnosis when training went non-finite; null for a finite divergence or a dead network
     */
    public Diagnosis diagnosis() {
        return trouble instanceof Diagnosis ? (Diagnosis) trouble : null;
    }
}
