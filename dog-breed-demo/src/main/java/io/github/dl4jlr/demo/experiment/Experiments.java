package io.github.dl4jlr.demo.experiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs every (experiment, seed) in order, skipping finished runs when resuming. */
public final class Experiments {

    private static final Logger log = LoggerFactory.getLogger(Experiments.class);

    /** All runs' summaries and per-epoch rows. */
    public record Outcome(List<RunSummary> summaries, List<EpochMetrics> rows) {
    }

    private Experiments() {
    }

    /** Number of progress steps (epochs or PBT rounds) all runs take. */
    public static long steps(DemoConfig config) {
        return (long) config.experiments().size() * config.seeds() * config.epochs();
    }

    public static Outcome runAll(PreparedData data, DemoConfig config, boolean augment, Path runsDir, boolean resume,
                                 Progress progress, Runner.ModelFactory models, Runnable afterEachRun) {
        Runner runner = new Runner(data, config, augment, progress, models);
        List<RunSummary> summaries = new ArrayList<>();
        List<RunStore> stores = new ArrayList<>();
        for (Experiment e : config.experiments()) {
            for (int seed = 0; seed < config.seeds(); seed++) {
                RunStore store = new RunStore(runsDir.resolve(e.id() + "-seed" + seed));
                stores.add(store);
                if (resume && store.finished()) {
                    log.info("{} seed {}: already finished, not redone", e.id(), seed);
                    progress.advance(config.epochs());
                    summaries.add(store.summary());
                } else {
                    if (!resume) {
                        store.clear();
                    }
                    progress.label(e.id() + " seed " + seed);
                    summaries.add(runner.run(e, seed, store));
                }
                afterEachRun.run();
            }
        }
        List<EpochMetrics> rows = new ArrayList<>();
        stores.forEach(s -> rows.addAll(s.epochs()));
        return new Outcome(summaries, rows);
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
