package io.github.dl4jlr.demo.experiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every (experiment, seed) in order, skipping finished runs when resuming. One run that cannot run at this data
 * size is skipped with its reason; one that fails is recorded with its error and the others go on.
 */
public final class Experiments {

    private static final Logger log = LoggerFactory.getLogger(Experiments.class);

    /** All runs' summaries and per-epoch rows. */
    public record Outcome(List<RunSummary> summaries, List<EpochMetrics> rows) {

        /** Whether any run failed. */
        public boolean anyFailed() {
            return summaries.stream().anyMatch(s -> s.status() == RunSummary.Status.FAILED);
        }
    }

    private Experiments() {
    }

    /** Number of progress steps (epochs or PBT rounds) all runs take. */
    public static long steps(DemoConfig config) {
        return (long) config.experiments().size() * config.seeds() * config.epochs();
    }

    /** The data sizes that decide what can run. */
    public static Feasibility.Sizes sizes(PreparedData data, DemoConfig config) {
        return new Feasibility.Sizes(data.trainImages().count(), data.validationImages().count(), data.testImages().count(),
                data.iterationsPerEpoch(config.batchSize()));
    }

    /**
     * Every (experiment, seed) of {@code config}, run by {@code engine}, with the rows of every run folder.
     *
     * @param runsDir a folder every engine worker can write
     */
    public static Outcome runAll(DataSource data, DemoConfig config, Path runsDir, boolean resume, Progress progress,
                                 Runner.ModelFactory models, Engine engine, Runnable afterEachRun) {
        List<RunTask> tasks = new ArrayList<>();
        for (Experiment e : config.experiments()) {
            for (int seed = 0; seed < config.seeds(); seed++) {
                tasks.add(new RunTask(e, seed, config, data, models, runsDir.toString(), resume));
            }
        }
        List<RunSummary> summaries = engine.run(tasks, progress, afterEachRun);
        return new Outcome(summaries, rows(runsDir, config));
    }

    static RunSummary runOne(Runner runner, Experiment e, int seed, RunStore store, Feasibility.Sizes sizes,
                             DemoConfig config, boolean resume, Progress progress) {
        if (resume && store.finished()) {
            log.info("{} seed {}: already finished, not redone", e.id(), seed);
            progress.advance(config.epochs());
            return store.summary();
        }
        if (!resume) {
            store.clear();
        }
        Optional<String> skip = Feasibility.skipReason(e, sizes, config);
        if (skip.isPresent()) {
            log.warn("{} seed {}: skipped, {}", e.id(), seed, skip.get());
            progress.advance(config.epochs());
            return RunSummary.skipped(e, seed, skip.get());
        }
        progress.label(e.id() + " seed " + seed);
        try {
            return runner.run(e, seed, store);
        } catch (RuntimeException ex) {
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new java.io.PrintWriter(trace));
            store.write("error.txt", trace.toString());
            log.error("{} seed {} failed: {}; the other experiments go on (stack trace: {})", e.id(), seed, ex,
                    store.dir().resolve("error.txt"));
            return RunSummary.failed(e, seed, ex);
        }
    }

    /** The learning rate of every iteration of one run ({@code [iteration, epoch, lr]}), empty if none was saved. */
    public static List<double[]> learningRates(Path runsDir, String experiment, int seed) {
        return new RunStore(runsDir.resolve(experiment + "-seed" + seed)).learningRates();
    }

    /** Rows of every run folder that has any, for metrics.csv. */
    public static List<EpochMetrics> rows(Path runsDir, DemoConfig config) {
        List<EpochMetrics> rows = new ArrayList<>();
        for (Experiment e : config.experiments()) {
            for (int seed = 0; seed < config.seeds(); seed++) {
                rows.addAll(new RunStore(runsDir.resolve(e.id() + "-seed" + seed)).epochs());
            }
        }
        return rows;
    }
}
