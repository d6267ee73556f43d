package io.github.dl4jlr.monitor;

/**
 * Something the monitor reported.
 *
 * @param key the array, layer, input, output or "loss" the event is about
 */
public record MonitorEvent(int iteration, int epoch, Kind kind, String key, String message) {

    public enum Kind {
        /** A weight ratio stayed above the band. */
        RATIO_HIGH,
        /** A weight ratio stayed below the band. */
        RATIO_LOW,
        /** The epoch loss has not improved for several epochs. */
        LOSS_STALLED,
        /** The loss, a parameter or an update became NaN/Inf, or the minibatch held NaN/Inf. */
        NON_FINITE,
        /** The loss stayed finite but exploded. */
        DIVERGED,
        /** A snapshot was restored and the learning rate cut. */
        ROLLBACK,
        /** A snapshot was restored with the learning rate kept (bad data). */
        RESTORE,
        /** Training was stopped. */
        STOP
    }
}
