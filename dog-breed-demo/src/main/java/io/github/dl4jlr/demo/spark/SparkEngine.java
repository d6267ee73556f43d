package io.github.dl4jlr.demo.spark;

import io.github.dl4jlr.demo.experiment.Engine;
import io.github.dl4jlr.demo.experiment.Progress;
import io.github.dl4jlr.demo.experiment.RunSummary;
import io.github.dl4jlr.demo.experiment.RunTask;
import io.github.dl4jlr.tuning.LocalMemberTrainer;
import io.github.dl4jlr.tuning.spark.SparkMemberTrainer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo on Apache Spark: every (experiment, seed) run that trains one network is a Spark task, all of them one job;
 * a PBT run is driven from here with each member of each round a Spark task ({@link SparkMemberTrainer}). A task
 * carries its {@link RunTask} (the experiment, the settings, the data source and the model factory), decodes the
 * images once per executor JVM, and writes its run folder itself, so the results folder must be on a file system
 * every executor can write (always true for {@code local[n]} and {@code local-cluster}). The numbers are those of a
 * local run with the same seeds.
 */
public final class SparkEngine implements Engine {

    private static final Logger log = LoggerFactory.getLogger(SparkEngine.class);

    private final JavaSparkContext sc;
    private final boolean owned;

    private SparkEngine(JavaSparkContext sc, boolean owned) {
        this.sc = sc;
        this.owned = owned;
    }

    /**
     * Connects to {@code master} ({@code local[2]}, {@code local-cluster[2,1,2048]}, {@code spark://host:7077}, ...),
     * or, when it is null, to the master {@code spark-submit} configured.
     */
    public static SparkEngine connect(String master) {
        SparkConf conf = new SparkConf().setAppName("dog-breed-demo");
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master", "").startsWith("local")) {
            conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
        }
        JavaSparkContext sc = new JavaSparkContext(conf);
        log.info("Spark: master {}, default parallelism {}", sc.master(), sc.defaultParallelism());
        return new SparkEngine(sc, true);
    }

    /** An engine on a context the caller owns (it stays open). */
    public static SparkEngine on(JavaSparkContext sc) {
        return new SparkEngine(sc, false);
    }

    @Override
    public List<RunSummary> run(List<RunTask> tasks, Progress progress, Runnable afterEachRun) {
        List<RunTask> single = tasks.stream().filter(t -> !t.population()).toList();
        List<RunSummary> done = single.isEmpty() ? List.of()
                : sc.parallelize(single, single.size())
                .map(t -> t.run(new LocalMemberTrainer(1), Progress.NONE))
                .collect();
        single.forEach(t -> progress.advance(t.config().epochs()));
        afterEachRun.run();
        List<RunSummary> out = new ArrayList<>();
        SparkMemberTrainer members = new SparkMemberTrainer(sc);
        int next = 0;
        for (RunTask t : tasks) {
            if (t.population()) {
                out.add(t.run(members, progress));
                afterEachRun.run();
            } else {
                out.add(done.get(next++));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (owned) {
            sc.close();
        }
    }
}
