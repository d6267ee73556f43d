package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.monitor.LossStall;
import io.github.dl4jlr.monitor.MonitorEvent;

import java.util.List;

/** Which way a line of the monitor points the user. */
enum Direction {
    /** Lower the learning rate now (too high, diverged, non-finite). */
    LOWER,
    /** Raise it (too low, no progress). */
    RAISE,
    /** Lower it over time: a plateau, use a decay or ReduceLROnPlateau. */
    DECAY,
    /** The network is dead: restart lower. */
    DEAD,
    /** Something else (no ratio check ran, bad data). */
    OTHER;

    /**
     * The direction of one advice line, or null when the event is not advice (INFO notes, recovery actions).
     *
     * @param stalls the run's stall findings, for the cause of a LOSS_STALLED line
     */
    static Direction of(MonitorEvent e, List<LossStall> stalls) {
        if (!e.actionable()) {
            return null;
        }
        return switch (e.kind()) {
            case RATIO_HIGH, DIVERGED -> LOWER;
            case NON_FINITE -> e.message().contains("data problem") ? OTHER : LOWER;
            // "its updates are exactly zero: ... a higher learning rate will not help, a restart ... might"
            case RATIO_LOW -> e.message().contains("exactly zero") ? DEAD : RAISE;
            case SLOW_START -> RAISE;
            case HIGH_START -> LOWER;
            case NETWORK_DEAD -> DEAD;
            case LOSS_STALLED -> stalls.stream().filter(s -> s.epoch() == e.epoch() && s.replica() == e.replica())
                    .findFirst().map(s -> switch (s.cause()) {
                        case LR_TOO_LOW, NO_PROGRESS -> RAISE;
                        case LR_TOO_HIGH -> LOWER;
                        case PLATEAU -> DECAY;
                        case NETWORK_DEAD -> DEAD;
                        default -> OTHER;
                    }).orElse(OTHER);
            default -> null;
        };
    }
}
