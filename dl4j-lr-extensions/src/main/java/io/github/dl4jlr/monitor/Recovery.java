package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import org.slf4j.event.Level;

/**
 * Carries out what {@link RecoveryRules} decides: keeps the healthy snapshots, reports a trouble, restores a
 * snapshot, cuts the learning rate, or stops training with {@link TrainingDivergedException}.
 */
final class Recovery {

    private final RecoveryRules policy;
    private final EventSink sink;
    private final Runnable closer;

    /** @param closer closes what the monitor opened, before training is stopped */
    Recovery(RecoveryRules policy, EventSink sink, Runnable closer) {
        this.policy = policy;
        this.sink = sink;
        this.closer = closer;
    }

    RecoveryRules policy() {
        return policy;
    }

    /** The state training starts from is the first snapshot, if it is finite. */
    void start(ModelTrack t) {
        t.started = true;
        if (policy.keepsSnapshots() && NetworkAdapter.finite(t.net.params())) {
            t.ring.push(t.net, t.loss);
            t.policy = policy.started(t.policy);
        }
    }

    /** After a check: a snapshot when it was healthy (and snapshots are kept). */
    void afterCheck(ModelTrack t, boolean healthy) {
        RecoveryRules.Step step = policy.onCheck(t.policy, healthy);
        t.policy = step.state();
        if (step.action() == RecoveryRules.Action.SNAPSHOT) {
            t.ring.push(t.net, t.loss);
        }
    }

    /** Reports the trouble (once until training is healthy again, under LOG) and acts on it. */
    void handle(ModelTrack t, Trouble trouble) {
        if (trouble.cause() != Cause.NETWORK_DEAD && t.nonFiniteAt < 0) {
            t.nonFiniteAt = trouble.iteration();
        }
        RecoveryRules.Step step = policy.onTrouble(t.policy, trouble.cause());
        boolean report = !t.troubleLogged || step.action() != RecoveryRules.Action.LOG;
        t.troubleLogged = true;
        t.lowerAdvised |= trouble instanceof LossExplosion;
        if (report) {
            sink.event(Level.ERROR, new MonitorEvent(t.replica, trouble.iteration(), trouble.epoch(), kind(trouble),
                    MonitorEvent.Severity.ERROR, trouble.key(), trouble.message()));
        }
        switch (step.action()) {
            case ROLLBACK, RESTORE -> restore(t, trouble, step);
            case STOP -> stop(t, trouble, step);
            default -> {
            }
        }
    }

    private static MonitorEvent.Kind kind(Trouble t) {
        if (t instanceof LossExplosion) {
            return MonitorEvent.Kind.DIVERGED;
        }
        return t instanceof DeadNetwork ? MonitorEvent.Kind.NETWORK_DEAD : MonitorEvent.Kind.NON_FINITE;
    }

    private void restore(ModelTrack t, Trouble trouble, RecoveryRules.Step step) {
        t.ring.dropNewest(step.dropNewest());
        SnapshotRing.Entry e = t.ring.newest();
        e.snapshot().restoreArrays(t.net);
        int next = trouble.iteration() + 1;
        double before = t.learningRate(next, trouble.epoch());
        boolean cut = step.action() == RecoveryRules.Action.ROLLBACK;
        if (cut) {
            LearningRateConfig.cut(t.updaters, step.lrFactor(), 0, next, trouble.epoch());
            t.rolledBack = true;
        }
        RollbackRecord r = new RollbackRecord(trouble.iteration(), trouble.epoch(),
                cut ? RecoveryAction.ROLLBACK : RecoveryAction.RESTORE, trouble.cause(), trouble.key(),
                e.snapshot().iteration(), before, t.learningRate(next, trouble.epoch()));
        t.policy = step.state();
        t.restored(e.loss());
        String msg = MonitorMessages.recovery(trouble, r, step.state().restores(), policy.maxRollbacks(),
                step.state().healthySinceStart());
        sink.recovery(r, new MonitorEvent(t.replica, trouble.iteration(), trouble.epoch(),
                cut ? MonitorEvent.Kind.ROLLBACK : MonitorEvent.Kind.RESTORE, MonitorEvent.Severity.WARN, trouble.key(),
                msg));
    }

    private void stop(ModelTrack t, Trouble trouble, RecoveryRules.Step step) {
        SnapshotRing.Entry e = t.ring.newest();
        if (e != null) {
            e.snapshot().restoreArrays(t.net);
        }
        String msg = MonitorMessages.stop(trouble, step.stopReason(), e == null ? -1 : e.snapshot().iteration(),
                t.policy.restores(), t.policy.healthySinceStart());
        sink.record(new MonitorEvent(t.replica, trouble.iteration(), trouble.epoch(), MonitorEvent.Kind.STOP,
                MonitorEvent.Severity.ERROR, trouble.key(), msg));
        closer.run();
        throw new TrainingDivergedException(msg, trouble);
    }
}
