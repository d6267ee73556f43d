package io.github.dl4jlr.monitor;

/**
 * The pure rule for "who owns the learning rate": whether it was lowered on purpose since its peak, and by whom; no
 * network needed.
 *
 * <p>The monitor sees the learning rate in force at every check. A schedule that decays, {@code ReduceLROnPlateau}
 * and the monitor's own rollbacks all lower it on purpose, and small update:parameter ratios after that are what they
 * were meant to cause. So once the rate is at most {@value #LOWERED} of the highest rate seen, the monitor does not
 * advise raising it: a low-ratio streak is logged at INFO as expected, and a stalled loss is
 * {@link StallCause#LR_LOWERED}. A warm-up raises the rate, which moves the peak, so it never counts as lowered.
 *
 * <p>Worked values: rates 1e-2, 1e-2, 1e-3 give peak 1e-2 and lowered = false, false, true; 1e-3 then 1e-2 (a
 * warm-up) gives lowered = false, false.
 */
final class LrOwnerRules {

    /** A rate at most this fraction of its peak was lowered. */
    static final double LOWERED = 0.5;

    /** Who lowered the rate, for the message. */
    enum Owner {
        ROLLBACK("a rollback of this monitor"),
        PLATEAU("ReduceLROnPlateau"),
        SCHEDULE("its schedule"),
        OTHER("a change of the learning rate");

        private final String text;

        Owner(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /**
     * @param peak    the highest rate seen; NaN before the first
     * @param current the latest rate
     */
    record State(double peak, double current) {
        static final State INITIAL = new State(Double.NaN, Double.NaN);

        /** Whether the current rate is at most {@link #LOWERED} of the peak. */
        boolean lowered() {
            return peak > 0 && current <= LOWERED * peak;
        }
    }

    private LrOwnerRules() {
    }

    /** The state after the rate {@code lr} was seen; a NaN rate (no learning rate) changes nothing. */
    static State next(State s, double lr) {
        if (Double.isNaN(lr)) {
            return s;
        }
        return new State(Double.isNaN(s.peak()) ? lr : Math.max(s.peak(), lr), lr);
    }

    /**
     * Who lowered it, by precedence: the monitor's own rollback, then {@code ReduceLROnPlateau}, then a schedule,
     * else someone else.
     */
    static Owner owner(boolean rolledBack, boolean plateauCut, boolean scheduled) {
        if (rolledBack) {
            return Owner.ROLLBACK;
        }
        if (plateauCut) {
            return Owner.PLATEAU;
        }
        return scheduled ? Owner.SCHEDULE : Owner.OTHER;
    }
}
