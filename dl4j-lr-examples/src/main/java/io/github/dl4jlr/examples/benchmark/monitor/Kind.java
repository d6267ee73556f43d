package io.github.dl4jlr.examples.benchmark.monitor;

import java.util.EnumSet;
import java.util.Set;

/** What a training run is, judged from its own outcome (see {@link Truth}), and so which advice is right for it. */
enum Kind {
    /** A good rate, constant. */
    HEALTHY,
    /** A good peak rate under a cosine decay to 1/100 of it. */
    HEALTHY_COSINE,
    /** A good rate cut 10x every third of the run. */
    HEALTHY_STEP,
    /** A good rate under ReduceLROnPlateau (patience 2, factor 0.1). */
    HEALTHY_PLATEAU,
    /** 10-30x a good rate: finite, but worse than the good rate. */
    TOO_HIGH,
    /** Went NaN/Inf. */
    BLOWUP,
    /** 100-1000x below a good rate, and worse for it. */
    TOO_LOW,
    /** Ends at chance after a high-rate start, finite. */
    DEAD,
    /** A long run at a good rate whose training loss fell by 98% or more. */
    CONVERGED,
    /** A long run at a good rate whose training loss stopped improving well above zero. */
    PLATEAU,
    /** The run did not turn out as built: excluded from the scores. */
    AMBIGUOUS;

    /** The healthy kinds: no advice is right for them. */
    boolean healthy() {
        return this == HEALTHY || this == HEALTHY_COSINE || this == HEALTHY_STEP || this == HEALTHY_PLATEAU
                || this == CONVERGED;
    }

    /** The directions of advice that are right for this kind. */
    Set<Direction> right() {
        return switch (this) {
            case TOO_HIGH -> EnumSet.of(Direction.LOWER, Direction.DECAY, Direction.DEAD);
            case BLOWUP, DEAD -> EnumSet.of(Direction.LOWER, Direction.DEAD);
            case TOO_LOW -> EnumSet.of(Direction.RAISE);
            case PLATEAU -> EnumSet.of(Direction.DECAY, Direction.LOWER);
            default -> EnumSet.noneOf(Direction.class);
        };
    }

    /**
     * The directions that name this problem, for recall: advice that would fix it if followed (a dead network is named
     * by the dead-network line or by advice to lower the rate, which is its cause); empty for kinds that are not
     * problems.
     */
    Set<Direction> named() {
        return switch (this) {
            case TOO_HIGH, BLOWUP, DEAD -> EnumSet.of(Direction.LOWER, Direction.DEAD);
            case TOO_LOW -> EnumSet.of(Direction.RAISE);
            case PLATEAU -> EnumSet.of(Direction.DECAY);
            default -> EnumSet.noneOf(Direction.class);
        };
    }
}
