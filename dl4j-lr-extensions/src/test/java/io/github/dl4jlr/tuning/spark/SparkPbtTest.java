package io.github.dl4jlr.tuning.spark;

import ch.qos.logback.classic.LoggerContext;
import io.github.dl4jlr.tuning.MemberFailedException;
import io.github.dl4jlr.tuning.MemberOutcome;
import io.github.dl4jlr.tuning.MemberSpec;
import io.github.dl4jlr.tuning.MemberTask;
import io.github.dl4jlr.tuning.MemberTrainer;
import io.github.dl4jlr.tuning.LearningRateSearchTest;
import io.github.dl4jlr.tuning.PbtRecord;
import io.github.dl4jlr.tuning.SearchResult;
import io.github.dl4jlr.tuning.PopulationBasedTrainingTest;
import io.github.dl4jlr.testutil.TinyNets;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PBT on Spark: in embedded {@code local[2]} and on {@code local-cluster[2,1,1024]}, whose executors are separate JVMs,
 * the history is bit-identical to the local trainer's, a failing member is named, and a killed executor's task is
 * rerun with the same result.
 */
@Tag("slow")
class SparkPbtTest {

    private static final int ROUNDS = 3;
    private static List<PbtRecord> local;

    @BeforeAll
    static void localHistory() {
        local = PopulationBasedTrainingTest.pbt(ROUNDS).build().run().history();
    }

    private static JavaSparkContext context(String master) {
        return new JavaSparkContext(new SparkConf().setMaster(master).setAppName("dl4j-lr-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.memory", "900m"));
    }

    /** A trainer that keeps every outcome it returned. */
    private static final class Recording implements MemberTrainer {
        final MemberTrainer inner;
        final List<MemberOutcome> outcomes = new CopyOnWriteArrayList<>();

        Recording(MemberTrainer inner) {
            this.inner = inner;
        }

        @Override
        public List<MemberOutcome> train(MemberSpec spec, List<MemberTask> tasks) {
            List<MemberOutcome> out = inner.train(spec, tasks);
            outcomes.addAll(out);
            return out;
        }
    }

    @Test
    void embeddedLocalModeGivesTheLocalTrainersHistory() {
        try (JavaSparkContext sc = context("local[2]")) {
            Recording spark = new Recording(new SparkMemberTrainer(sc));
            List<PbtRecord> history = PopulationBasedTrainingTest.pbt(ROUNDS).trainer(spark).build().run().history();
            assertEquals(local, history, "same seed, same history: scores and hyperparameters bit-identical");
            assertEquals(4 * ROUNDS, spark.outcomes.size());
            assertTrue(spark.outcomes.stream().allMatch(o -> o.bytes() > 0));

            MemberFailedException e = assertThrows(MemberFailedException.class, () -> PopulationBasedTrainingTest
                    .pbt(2).trainer(new SparkMemberTrainer(sc)).evaluator(m -> {
                        if (((MultiLayerNetwork) m).getIterationCount() > 0 && m.params().length() > 0) {
                            throw new IllegalStateException("evaluation broke");
                        }
                        return 0;
                    }).build().run());
            assertTrue(e.getMessage().matches("PBT member [0-3] failed in round 1: java.lang.IllegalStateException: "
                    + "evaluation broke \\(on Spark; the task failed on every attempt\\)"), e.getMessage());
        }
    }

    @Test
    void theLearningRateSearchOnSparkGivesTheLocalResult() {
        SearchResult here = LearningRateSearchTest.search().build().run();
        MultiLayerNetwork trained = TinyNets.mln(new Adam(1e-2));
        trained.fit(TinyNets.iterator(6, 16, 21, 2.0), 2);
        SearchResult hereFromWeights = LearningRateSearchTest.search().network(trained).build().run();
        try (JavaSparkContext sc = context("local[2]")) {
            Recording spark = new Recording(new SparkMemberTrainer(sc));
            SearchResult there = LearningRateSearchTest.search().trainer(spark).build().run();
            assertEquals(here.history(), there.history(), "every rung's scores bit-identical");
            assertEquals(here.bestRate(), there.bestRate(), 0.0);
            assertEquals(8 + 4 + 2 + 2, spark.outcomes.size(), "every candidate of every rung ran on Spark, both finalists too");
            SearchResult thereFromWeights = LearningRateSearchTest.search().network(trained).trainer(spark).build()
                    .run();
            assertEquals(hereFromWeights.history(), thereFromWeights.history(), "from a trained network's weights too");
            assertArrayEquals(hereFromWeights.model().params().toDoubleVector(),
                    thereFromWeights.model().params().toDoubleVector(), 0.0);
        }
    }

    @Test
    void withSparkOnTheClasspathLogbackIsTheOnlySlf4jProvider() {
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class).forEach(p -> providers.add(p.getClass().getName()));
        assertEquals(List.of("ch.qos.logback.classic.spi.LogbackServiceProvider"), providers);
        assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory(), "our log lines reach Logback");
    }

    @Test
    void onALocalClusterTasksRunInOtherJvmsAndAKilledExecutorsTaskIsRerun(@TempDir Path dir) throws Exception {
        String home = System.getenv("SPARK_HOME");
        assertNotNull(home, "SPARK_HOME names the folder LocalClusterHome fills; the Surefire configuration sets it, "
                + "so run this test through Maven");
        LocalClusterHome.build(Path.of(home));
        Path marker = dir.resolve("killed-once");
        String markerPath = marker.toString();
        try (JavaSparkContext sc = context("local-cluster[2,1,1024]")) {
            Recording spark = new Recording(new SparkMemberTrainer(sc));
            List<PbtRecord> history = PopulationBasedTrainingTest.pbt(ROUNDS).trainer(spark).build().run().history();
            assertEquals(local, history, "across process boundaries, still bit-identical");
            String driver = "pid " + ProcessHandle.current().pid() + " ";
            assertTrue(spark.outcomes.stream().noneMatch(o -> o.worker().startsWith(driver)),
                    "every member trained in an executor JVM: " + spark.outcomes.stream().map(MemberOutcome::worker).distinct().toList());
            assertTrue(spark.outcomes.stream().map(MemberOutcome::worker).distinct().count() >= 2, "on both executors");

            // Member 1 halts its executor JVM in round 2, once: Spark loses the executor and reruns the task elsewhere.
            Recording again = new Recording(new SparkMemberTrainer(sc));
            List<PbtRecord> survived = PopulationBasedTrainingTest.pbt(ROUNDS).trainer(again)
                    .listeners((member, round) -> {
                        java.io.File f = new java.io.File(markerPath);
                        if (member == 1 && round == 1 && !f.exists()) {
                            try {
                                Files.createFile(f.toPath());
                            } catch (java.io.IOException ex) {
                                throw new java.io.UncheckedIOException(ex);
                            }
                            Runtime.getRuntime().halt(137);
                        }
                        return List.of();
                    })
                    .build().run().history();
            assertTrue(Files.exists(marker), "an executor was killed mid-round");
            assertEquals(local, survived, "the round completed with the same result");
        }
    }
}
