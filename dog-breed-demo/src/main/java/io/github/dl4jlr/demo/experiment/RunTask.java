package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.tuning.MemberTrainer;
import org.nd4j.linalg.factory.Nd4j;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * One (experiment, seed) run as a value that travels: what to run, on which data, with which model, and where its run
 * folder is (a folder every executor can write). {@link #run} does the same on any JVM.
 */
public record RunTask(Experiment experiment, int seed, DemoConfig config, DataSource data, Runner.ModelFactory models,
                      String runsDir, boolean resume) implements Serializable {

    /**
     * Runs (or resumes, or skips) it here.
     *
     * @param members who trains PBT members
     */
    public RunSummary run(MemberTrainer members, Progress progress) {
        // OpenBLAS's products change in the last bits with its thread count (ND4J's own ops do not): one thread, so
        // a run's numbers do not depend on --parallel or on where it runs (DogBreedDemoTest, DemoOnSparkTest). Its
        // idle threads also spin, and two runs' products kept each other waiting.
        Nd4j.factory().blas().setMaxThreads(1);
        PreparedData prepared = data.load(Progress.NONE);
        Runner runner = new Runner(data, config, progress, models, members);
        return Experiments.runOne(runner, experiment, seed, new RunStore(Path.of(runsDir).resolve(
                experiment.id() + "-seed" + seed)), Experiments.sizes(prepared, config), config, resume, progress);
    }

    /** Whether its strategy runs a population (which Spark drives from the driver, one task per member). */
    public boolean population() {
        return experiment.strategy().kind() == Strategy.Kind.PBT;
    }
}
