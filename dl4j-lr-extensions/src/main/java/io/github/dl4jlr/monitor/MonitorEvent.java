package io.github.dl4jlr.monitor;

/** Something the monitor reported: a ratio warning, a non-finite state, a rollback or a stop. */
public record MonitorEvent(int iteration, int epoch, Kind kind, String key, String message) {

    public enum Kind {
        RATIO_HIGH, RATIO_LOW, NON_FINITE, ROLLBACK, STOP
    }
}
