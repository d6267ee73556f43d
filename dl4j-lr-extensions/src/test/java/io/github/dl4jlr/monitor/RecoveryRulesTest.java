package io.github.dl4jlr.monitor;

import io.github.dl4jlr.monitor.RecoveryRules.Action;
import io.github.dl4jlr.monitor.RecoveryRules.State;
import io.github.dl4jlr.monitor.RecoveryRules.Step;
import io.github.dl4jlr.monitor.RecoveryRules.HaltReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recovery decisions on scripted sequences of checks and troubles, without a network. */
class RecoveryRulesTest {

    private static RecoveryRules rollback(int maxRollbacks, int ring) {
        return new RecoveryRules(TroubleMode.ROLLBACK, 0.1, maxRollbacks, ring, 0.1);
    }

    @Test
    void healthyNeedsFiniteValuesAHealthyLossAndNoRunawayRatio() {
        RecoveryRules p = rollback(3, 2);
        assertTrue(p.healthy(true, true, 0.05, false));
        assertTrue(p.healthy(true, true, 0.1, false), "the ratio limit is inclusive (t)");
        assertFalse(p.healthy(true, true, 0.1001, false), "weights moving by more than a tenth of their size per step (t+1)");
        assertFalse(p.healthy(false, true, 0.001, false), "non-finite");
        assertFalse(p.healthy(true, false, 0.001, false), "loss already climbing");
        assertTrue(p.healthy(true, true, Double.NaN, false), "no weight ratio (all-zero weights) is not a reason");
    }

    @Test
    void aDivergenceRightAfterTheStartRollsBackToTheStartAndCutsEveryTime() {
        RecoveryRules p = rollback(3, 2);
        State s = p.started(State.INITIAL);
        assertEquals(1, s.snapshots());
        for (int i = 1; i <= 3; i++) {
            Step step = p.onTrouble(s, Cause.LOSS_DIVERGED);
            assertEquals(Action.ROLLBACK, step.action());
            assertEquals(0, step.dropNewest(), "the start is the only snapshot: it is never dropped");
            assertEquals(0.1, step.lrFactor());
            assertFalse(step.state().healthySinceStart());
            s = step.state();
            assertEquals(i, s.restores());
        }
        Step last = p.onTrouble(s, Cause.UPDATE_NON_FINITE);
        assertEquals(Action.STOP, last.action());
        assertEquals(HaltReason.BUDGET_EXHAUSTED, last.stopReason());
    }

    @Test
    void aRestoredSnapshotThatFailsAgainIsDroppedForTheOneBefore() {
        RecoveryRules p = rollback(5, 3);
        State s = p.started(State.INITIAL);                        // [start]
        s = p.onCheck(s, true).state();                            // [t10, start]
        s = p.onCheck(s, true).state();                            // [t20, t10, start]
        assertEquals(3, s.snapshots());
        Step first = p.onTrouble(s, Cause.LOSS_DIVERGED);
        assertEquals(0, first.dropNewest(), "first restore: the newest snapshot");
        Step second = p.onTrouble(first.state(), Cause.LOSS_DIVERGED);
        assertEquals(1, second.dropNewest(), "it failed before a healthy check: step back");
        assertEquals(2, second.state().snapshots());
        Step third = p.onTrouble(second.state(), Cause.UPDATE_NON_FINITE);
        assertEquals(1, third.dropNewest());
        assertEquals(1, third.state().snapshots());
        Step fourth = p.onTrouble(third.state(), Cause.LOSS_DIVERGED);
        assertEquals(0, fourth.dropNewest(), "the oldest is kept and retried at a lower rate");
        assertEquals(Action.ROLLBACK, fourth.action());
    }

    @Test
    void aHealthyCheckAfterARestoreMeansTheRestoreWorked() {
        RecoveryRules p = rollback(5, 2);
        State s = p.onCheck(p.started(State.INITIAL), true).state();
        Step r = p.onTrouble(s, Cause.LOSS_DIVERGED);
        State healed = p.onCheck(r.state(), true).state();
        assertFalse(healed.restoredSinceHealthy());
        assertEquals(0, p.onTrouble(healed, Cause.LOSS_DIVERGED).dropNewest(), "a new trouble starts from the newest");
        assertEquals(Action.NONE, p.onCheck(r.state(), false).action(), "an unhealthy check keeps no snapshot");
    }

    @Test
    void badDataIsRestoredWithoutCuttingTheLearningRate() {
        RecoveryRules p = rollback(3, 2);
        State s = p.onCheck(p.started(State.INITIAL), true).state();
        for (Cause c : new Cause[]{Cause.BAD_INPUT, Cause.BAD_LABELS, Cause.PARAMS_ALREADY_NON_FINITE}) {
            Step step = p.onTrouble(s, c);
            assertEquals(Action.RESTORE, step.action(), c.name());
            assertEquals(1.0, step.lrFactor(), c.name());
            assertEquals(0, step.dropNewest());
            assertFalse(step.state().restoredSinceHealthy(), "a data restore does not mark the snapshot as failed");
        }
    }

    @Test
    void stopAndLogDoNotRollBack() {
        RecoveryRules stop = new RecoveryRules(TroubleMode.STOP, 0.1, 3, 2, 0.1);
        Step s = stop.onTrouble(stop.started(State.INITIAL), Cause.BAD_INPUT);
        assertEquals(Action.STOP, s.action());
        assertEquals(HaltReason.POLICY, s.stopReason());
        RecoveryRules log = new RecoveryRules(TroubleMode.LOG, 0.1, 3, 2, 0.1);
        assertEquals(Action.LOG, log.onTrouble(State.INITIAL, Cause.LOSS_DIVERGED).action());
        assertFalse(log.keepsSnapshots());
        assertEquals(Action.NONE, log.onCheck(State.INITIAL, true).action(), "LOG keeps no snapshots");
    }

    @Test
    void withNothingHealthyEverSeenThereIsNothingToRestore() {
        for (TroubleMode policy : new TroubleMode[]{TroubleMode.STOP, TroubleMode.ROLLBACK}) {
            RecoveryRules p = new RecoveryRules(policy, 0.1, 3, 2, 0.1);
            Step s = p.onTrouble(State.INITIAL, Cause.UPDATE_NON_FINITE);
            assertEquals(Action.STOP, s.action());
            assertEquals(HaltReason.NOTHING_TO_RESTORE, s.stopReason());
        }
    }

    @Test
    void theRingNeverHoldsMoreThanItsSize() {
        RecoveryRules p = rollback(3, 2);
        State s = p.started(State.INITIAL);
        for (int i = 0; i < 5; i++) {
            s = p.onCheck(s, true).state();
        }
        assertEquals(2, s.snapshots());
    }

    @Test
    void badSettingsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecoveryRules(TroubleMode.ROLLBACK, 0.1, 3, 0, 0.1));
        assertEquals("Expected snapshots > 0, but got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RecoveryRules(TroubleMode.ROLLBACK, 1.5, 3, 2, 0.1));
        assertEquals("Expected rollbackLrFactor in (0.0, 1.0), but got 1.5", e.getMessage());
    }

    @Test
    void aDeadNetworkGoesBackToTheOldestSnapshotWithACut() {
        RecoveryRules p = rollback(5, 3);
        State s = p.started(State.INITIAL);                        // [start]
        s = p.onCheck(s, true).state();                            // [t10, start]
        s = p.onCheck(s, true).state();                            // [t20, t10, start]
        Step dead = p.onTrouble(s, Cause.NETWORK_DEAD);
        assertEquals(Action.ROLLBACK, dead.action());
        assertEquals(2, dead.dropNewest(), "the newer snapshots may already hold a dying network");
        assertEquals(0.1, dead.lrFactor());
        assertEquals(1, dead.state().snapshots());
        assertFalse(p.healthy(true, true, 1e-3, true), "a check that shows the signs of dying is never a snapshot");
    }
}
