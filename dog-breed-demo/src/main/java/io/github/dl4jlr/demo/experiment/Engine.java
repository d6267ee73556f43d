package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.pbt.LocalMemberTrainer;

import java.util.ArrayList;
import java.util.List;

/** Runs a list of runs and returns their summaries in the same order: in this JVM, or on Spark. */
public interface Engine extends AutoCloseable {

    /**
     * @param afterEachRun called after each run finishes (on this JVM), e.g. to refresh metrics.csv
     */
    List<RunSummary> run(List<RunTask> tasks, Progress progress, Runnable afterEachRun);

    @Override
    default void close() {
    }

    /** One run after the other in this JVM; PBT members on the local trainer. */
    static Engine local() {
        return (tasks, progress, afterEachRun) -> {
            List<RunSummary> out = new ArrayList<>();
            try (LocalMemberTrainer members = new LocalMemberTrainer(1)) {
                for (RunTask t : tasks) {
                    out.add(t.run(members, progress));
                    afterEachRun.run();
                }
            }
            return out;
        };
    }
}
