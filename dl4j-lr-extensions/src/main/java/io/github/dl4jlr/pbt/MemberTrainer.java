package io.github.dl4jlr.pbt;

/**
 * Runs member tasks. {@link LocalMemberTrainer} trains in this JVM; another implementation could send tasks to
 * other machines. Implementations must be safe to call from several threads for different members.
 */
public interface MemberTrainer {

    MemberOutcome train(MemberTask task);
}
