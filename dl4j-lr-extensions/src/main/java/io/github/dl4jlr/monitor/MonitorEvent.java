package io.github.dl4jlr.monitor;

/**
 * Something the monitor reported, with the line it logged.
 *
 * @param replica   which model said it: 0 for the only one; with several models sharing one monitor, the order in which
 *                  they were first seen; under ParallelWrapper, the worker
 * @param iteration the iteration counter of that model
 * @param epoch     its epoch counter
 * @param kind      what it is about
 * @param severity  the level it was logged at: {@code INFO} for what needs no action (low ratios after the learning
 *                  rate was lowered on purpose, a plateau that {@code ReduceLROnPlateau} will handle), {@code WARN} for
 *                  advice, {@code ERROR} for trouble
 * @param key       the array, layer, input, output, {@code "loss"} or {@code "network"} the event is about
 * @param message   the line as logged
 */
public record MonitorEvent(int replica, int iteration, int epoch, Kind kind, Severity severity, String key,
                           String message) {

    /** What an event is about. */
    public enum Kind {
        /** A weight ratio stayed above the band. */
        RATIO_HIGH,
        /** A weight ratio stayed below the band. */
        RATIO_LOW,
        /** The epoch loss has not improved for several epochs. */
        LOSS_STALLED,
        /** After several epochs the loss is still near its chance level, with small steps all along. */
        SLOW_START,
        /** After several epochs the loss has not left its chance level, after extreme first steps. */
        HIGH_START,
        /** The loss, a parameter or an update became NaN/Inf, or the minibatch held NaN/Inf. */
        NON_FINITE,
        /** The loss stayed finite but exploded. */
        DIVERGED,
        /**
         * The loss jumped well above its lowest level but took back less than half the progress: watched, not acted
         * on, until it lasts long enough to count as {@link #DIVERGED}.
         */
        LOSS_SPIKE,
        /** The loss sits at its chance level with the weight gradients gone. */
        NETWORK_DEAD,
        /** A snapshot was restored and the learning rate cut. */
        ROLLBACK,
        /** A snapshot was restored with the learning rate kept (bad data). */
        RESTORE,
        /** Training was stopped. */
        STOP
    }

    /** How much an event asks of the user. */
    public enum Severity {
        /** Expected; no action. */
        INFO,
        /** Advice: something is likely wrong with the learning rate. */
        WARN,
        /** Trouble: non-finite, diverged, dead, or a recovery. */
        ERROR
    }

    /**
     * Whether this event asks for action ({@code WARN} or {@code ERROR}).
     *
     * @return whether this event asks for action ({@code WARN} or {@code ERROR})
     */
    public boolean actionable() {
        return severity != Severity.INFO;
    }
}
