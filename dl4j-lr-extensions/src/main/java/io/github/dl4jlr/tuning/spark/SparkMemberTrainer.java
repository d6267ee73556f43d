package io.github.dl4jlr.tuning.spark;

import io.github.dl4jlr.tuning.MemberFailedException;
import io.github.dl4jlr.tuning.MemberOutcome;
import io.github.dl4jlr.tuning.MemberSpec;
import io.github.dl4jlr.tuning.MemberTask;
import io.github.dl4jlr.tuning.MemberTrainer;
import io.github.dl4jlr.internal.util.Args;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each round of a PBT population as one Spark job with one task per member, on any Spark master: embedded
 * {@code local[n]}, {@code local-cluster}, standalone, YARN or Kubernetes. The driver keeps the exploit and explore
 * decisions; a task receives the round's {@link MemberSpec} (broadcast: the network JSON, the data source and the
 * evaluator) and its {@link MemberTask} (hyperparameters, parameters and updater state as bytes, counters), runs
 * {@link MemberSpec#train} exactly as the local trainer does, and sends back the new state as bytes. So the same seed
 * gives the same history as {@code LocalMemberTrainer}.
 *
 * <p>Spark retries a failed task ({@code spark.task.maxFailures}, default 4 on a cluster, 1 in {@code local[n]}) and
 * reruns the tasks of an executor it lost; a member whose training keeps throwing ends the run with a
 * {@link MemberFailedException} that names the member and the round.
 *
 * <p>The executors need dl4j-lr, DL4J, an ND4J backend and the classes of the data source and evaluator on their
 * classpath: submit the application jar with its dependencies (e.g. {@code spark-submit --jars} or a fat jar).
 */
public final class SparkMemberTrainer implements MemberTrainer {

    private static final Pattern MEMBER_FAILURE = Pattern.compile("PBT member \\d+ failed in round \\d+: [^\\n]*");

    private final JavaSparkContext sc;

    /** @param sc the application's context; it stays open (the caller owns it) */
    public SparkMemberTrainer(JavaSparkContext sc) {
        this.sc = Args.notNull("sparkContext", sc);
    }

    @Override
    public List<MemberOutcome> train(MemberSpec spec, List<MemberTask> tasks) {
        Broadcast<MemberSpec> shared = sc.broadcast(spec);
        try {
            return sc.parallelize(tasks, Math.max(1, tasks.size()))
                    .map(task -> shared.value().train(task))
                    .collect();
        } catch (Exception e) {                          // Spark throws its checked SparkException unchecked
            Matcher m = MEMBER_FAILURE.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw new MemberFailedException(m.group() + " (on Spark; the task failed on every attempt)", e);
            }
            throw new MemberFailedException("A PBT round failed on Spark: " + e.getMessage(), e);
        } finally {
            shared.unpersist();
        }
    }
}
