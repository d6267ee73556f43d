package io.github.dl4jlr.monitor;

/**
 * One recovery: at which iteration, why, which snapshot was restored, and the learning rate before and after.
 *
 * @param iteration         iteration at which the trouble was seen
 * @param epoch             its epoch
 * @param action            {@link RecoveryAction#ROLLBACK} (learning rate cut) or {@link RecoveryAction#RESTORE}
 *                          (learning rate kept: a data problem)
 * @param cause             what went wrong
 * @param key               input, output, layer or "loss" the trouble was keyed to
 * @param restoredIteration iteration of the snapshot restored (the parameters as they were after that step)
 * @param lrBefore          learning rate of the first trained layer for the next step, before the cut
 * @param lrAfter           the same after the cut
 */
public record RollbackRecord(int iteration, int epoch, RecoveryAction action, Cause cause, String key,
                             int restoredIteration, double lrBefore, double lrAfter) {
}
