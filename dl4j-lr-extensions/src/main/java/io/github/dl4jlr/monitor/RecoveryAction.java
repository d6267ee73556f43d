package io.github.dl4jlr.monitor;

/** What a recovery did (see {@link RollbackRecord}). */
public enum RecoveryAction {
    /** Restored a snapshot and cut the learning rate: a learning-rate cause, or a dead network. */
    ROLLBACK,
    /** Restored a snapshot with the learning rate kept: bad data, which a lower rate cannot fix. */
    RESTORE
}
