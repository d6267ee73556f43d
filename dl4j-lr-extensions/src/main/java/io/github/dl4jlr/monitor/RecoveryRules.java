package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.Args;

/**
 * The pure decisions behind {@link TrainingHealthMonitor}'s {@link TroubleMode}: when a state is healthy enough to
 * keep as a snapshot, and what to do when training goes non-finite or diverges. No network is needed; it is tested on
 * scripted sequences of checks and troubles.
 *
 * <p><b>Healthy</b> (a snapshot is taken at such a check, never otherwise):
 * <ul>
 *   <li>the loss, every parameter array and every applied update are finite;</li>
 *   <li>the loss is at a healthy level ({@link DivergenceRules#healthy}), so a loss that is already climbing does not
 *       count;</li>
 *   <li>the network shows no sign of dying: its weight gradients have not collapsed while the loss sits near its
 *       chance level ({@link DeadNetworkRules});</li>
 *   <li>no weight array's update:parameter ratio exceeds {@code healthyRatioLimit} (default
 *       {@value #DEFAULT_HEALTHY_RATIO_MULTIPLE} times the upper edge of the ratio band, i.e. 0.1 with the default
 *       band): parameters moving by a tenth of their size per step are about to blow up even while the loss still
 *       looks fine.</li>
 * </ul>
 * The state training started from (captured before the first step, when finite) is the first snapshot. Snapshots
 * live in a ring of {@code ringSize}; a new one replaces the oldest.
 *
 * <p><b>Troubles</b>, by {@link Cause}:
 * <ul>
 *   <li>LOG: log it, do nothing else.</li>
 *   <li>STOP: restore the newest snapshot and stop.</li>
 *   <li>ROLLBACK, learning-rate causes (a non-finite update, a loss overflow, a finite divergence): restore a
 *       snapshot and multiply the learning rate by {@code lrFactor}. The first time, the newest snapshot; if the
 *       trouble comes back before a new healthy check, that snapshot failed: it is dropped and the next older one
 *       is restored (as long as there is an older one), again with a cut.</li>
 *   <li>ROLLBACK, a dead network: restore the <em>oldest</em> snapshot and cut the learning rate. The units died some
 *       checks before the death was certain, and a snapshot taken in between may hold a network that is already
 *       dying.</li>
 *   <li>ROLLBACK, data causes (NaN/Inf in an input or a label) and parameters written bad from outside the update:
 *       restore the newest snapshot and keep the learning rate, since a lower one cannot fix the data. Training
 *       goes on after the bad minibatch.</li>
 *   <li>Every restore counts against {@code maxRollbacks}; once it is used up, STOP. With no snapshot at all (the
 *       network was already non-finite when the monitor first saw it), STOP.</li>
 * </ul>
 */
final class RecoveryRules {

    static final double DEFAULT_HEALTHY_RATIO_MULTIPLE = 10.0;

    /** What the monitor does. */
    enum Action {
        /** Nothing. */
        NONE,
        /** Keep the current state as the newest snapshot. */
        SNAPSHOT,
        /** Report the trouble and continue (policy LOG). */
        LOG,
        /** Restore a snapshot and cut the learning rate. */
        ROLLBACK,
        /** Restore a snapshot with the learning rate unchanged. */
        RESTORE,
        /** Restore the newest snapshot, if any, and stop training. */
        STOP
    }

    /** Why a STOP. */
    enum HaltReason {
        /** The policy is STOP. */
        POLICY,
        /** No snapshot exists: nothing healthy was ever seen. */
        NOTHING_TO_RESTORE,
        /** ROLLBACK used up {@code maxRollbacks}. */
        BUDGET_EXHAUSTED
    }

    /**
     * The policy's memory.
     *
     * @param snapshots         snapshots held (at most the ring size)
     * @param restores          restores done so far (rollbacks and data restores)
     * @param healthySinceStart whether any healthy check happened after the starting state
     * @param restoredSinceHealthy whether a restore happened since the newest snapshot was taken
     */
    record State(int snapshots, int restores, boolean healthySinceStart, boolean restoredSinceHealthy) {
        static final State INITIAL = new State(0, 0, false, false);
    }

    /**
     * One decision.
     *
     * @param dropNewest for ROLLBACK/RESTORE: how many of the newest snapshots to discard first (they failed); the
     *                   snapshot restored is then the newest one left
     * @param lrFactor   learning-rate multiplier (1 for RESTORE)
     * @param stopReason for STOP, else null
     */
    record Step(State state, Action action, int dropNewest, double lrFactor, HaltReason stopReason) {
        static Step of(State s, Action a) {
            return new Step(s, a, 0, 1.0, null);
        }

        static Step stop(State s, HaltReason why) {
            return new Step(s, Action.STOP, 0, 1.0, why);
        }
    }

    private final TroubleMode policy;
    private final double lrFactor;
    private final int maxRollbacks;
    private final int ringSize;
    private final double healthyRatioLimit;

    /**
     * @param healthyRatioLimit the largest weight update:parameter ratio a healthy check may show
     */
    RecoveryRules(TroubleMode policy, double lrFactor, int maxRollbacks, int ringSize,
                          double healthyRatioLimit) {
        this.policy = Args.notNull("onNonFinite", policy);
        this.lrFactor = Args.openInterval("rollbackLrFactor", lrFactor, 0, 1);
        this.maxRollbacks = Args.nonNegative("maxRollbacks", maxRollbacks);
        this.ringSize = Args.positive("snapshots", ringSize);
        this.healthyRatioLimit = Args.positive("healthyRatioLimit", healthyRatioLimit);
    }

    /** Whether STOP or ROLLBACK need snapshots at all (LOG does not). */
    boolean keepsSnapshots() {
        return policy != TroubleMode.LOG;
    }

    /**
     * The health rule: everything finite, the loss at a healthy level, the network not showing the signs of a dead
     * one ({@code dying}: see {@link DeadNetworkRules}), and no weight ratio above {@code healthyRatioLimit} (NaN
     * ratios, e.g. all-zero weights, do not count against it).
     */
    boolean healthy(boolean allFinite, boolean lossHealthy, double maxWeightRatio, boolean dying) {
        return allFinite && lossHealthy && !dying && !(maxWeightRatio > healthyRatioLimit);
    }

    /** The state training starts from was captured as the first snapshot. */
    State started(State s) {
        return new State(Math.max(1, s.snapshots()), s.restores(), s.healthySinceStart(), false);
    }

    /** After a check that was (or was not) healthy. */
    Step onCheck(State s, boolean healthy) {
        if (!healthy || !keepsSnapshots()) {
            return Step.of(s, Action.NONE);
        }
        return Step.of(new State(Math.min(ringSize, s.snapshots() + 1), s.restores(), true, false), Action.SNAPSHOT);
    }

    /** After a trouble of the given cause. */
    Step onTrouble(State s, Cause cause) {
        Args.notNull("cause", cause);
        if (policy == TroubleMode.LOG) {
            return Step.of(s, Action.LOG);
        }
        if (s.snapshots() == 0) {
            return Step.stop(s, HaltReason.NOTHING_TO_RESTORE);
        }
        if (policy == TroubleMode.STOP) {
            return Step.stop(s, HaltReason.POLICY);
        }
        if (s.restores() >= maxRollbacks) {
            return Step.stop(s, HaltReason.BUDGET_EXHAUSTED);
        }
        if (!cause.isLearningRateProblem()) {
            State next = new State(s.snapshots(), s.restores() + 1, s.healthySinceStart(), s.restoredSinceHealthy());
            return new Step(next, Action.RESTORE, 0, 1.0, null);
        }
        int drop = cause == Cause.NETWORK_DEAD ? s.snapshots() - 1
                : s.restoredSinceHealthy() && s.snapshots() > 1 ? 1 : 0;
        State next = new State(s.snapshots() - drop, s.restores() + 1, s.healthySinceStart(), true);
        return new Step(next, Action.ROLLBACK, drop, lrFactor, null);
    }

    TroubleMode policy() {
        return policy;
    }

    double lrFactor() {
        return lrFactor;
    }

    int maxRollbacks() {
        return maxRollbacks;
    }

    int ringSize() {
        return ringSize;
    }

    double healthyRatioLimit() {
        return healthyRatioLimit;
    }
}
