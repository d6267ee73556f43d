package io.github.dl4jlr.monitor;

/**
 * The pure rule for "who owns the learning rate": whether it was lowered on purpose since its peak, and by whom; no
 * network needed.
 *
 * <p>The monitor sees the learning rate in force at every check. A schedule that decays, {@code ReduceLROnPlateau}
 * and the monitor's own rollbacks all lower it on purpose, and small update:parameter ratios after that are what they
 * were meant to cause. So once the rate is at most {@value #LOWERED} of the highest rate seen, or a ratio below the
 * band would be back in it at that peak rate ({@link #explains}: an update scales with the rate, so the early part of a
 * cosine decay already pushes a ratio near the band's lower edge out of it), the monitor does not advise raising it: a
 * low-ratio streak is logged at INFO as expected, and a stalled loss is {@link StallCause#LR_LOWERED}. A warm-up raises
 * the rate, which moves the peak, so it never counts as lowered.
 *
 * <p>Worked values: rates 1e-2, 1e-2, 1e-3 give peak 1e-2 and lowered = false, false, true; 1e-3 then 1e-2 (a
 * warm-up) gives lowered = false, false. Peak 1e-3, current 7e-4 (a cosine decay 30% of the way down), band from 1e-4:
 * a ratio of 8e-5 would be 1.1e-4 at the peak, explained; one of 6e-5 would be 8.6e-5, not explained (the peak rate
 * itself gives steps that small).
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

    /**
     * Whether lowering the rate on purpose explains a weight ratio: the rate is {@linkplain State#lowered() lowered},
     * or the ratio is below {@code low} but {@code ratio x peak / current}, the ratio the same gradients would give at
     * the peak rate, is not.
     *
     * @param s     the rates seen
     * @param ratio an update:parameter ratio at the current rate; NaN is never explained unless the rate is lowered
     * @param low   the lower edge of the monitor's band
     */
    static boolean explains(State s, double ratio, double low) {
        return s.lowered() || ratio < low && s.current() > 0 && s.peak() > s.current()
                && ratio * s.peak() >= low * s.current();
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
