package io.github.dl4jlr.tuning;

import java.util.List;

/**
 * Runs one round of member tasks and returns their outcomes in task order. {@link LocalMemberTrainer} trains in this
 * JVM; {@code io.github.dl4jlr.tuning.spark.SparkMemberTrainer} runs each member as a Spark task. Both run
 * {@link MemberWork#run}, so with the same seed they give the same history.
 */
public interface MemberTrainer extends AutoCloseable {

    /**
     * @throws MemberFailedException naming the member and round when a member's training throws
     * @param spec what every task of the round shares
     * @param tasks one per member of the round
     * @return one outcome per task, in the order of {@code tasks}
     */
    List<MemberOutcome> train(MemberSpec spec, List<MemberTask> tasks);

    /** Releases threads or connections; the default does nothing. */
    @Override
    default void close() {
    }
}
