package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.monitor.MonitorEvent;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario suite on its smallest setting: every build runs, is judged, and lands in the tables. */
@Tag("slow")
class MonitorScenarioBenchmarkTest {

    @Test
    void aTinySuiteJudgesEveryBuildAndWritesItsTables(@TempDir Path dir) throws Exception {
        MonitorScenarioBenchmark.Result r = MonitorScenarioBenchmark.run("--problems", "iris", "--optimizers", "sgd",
                "--seeds", "1", "--epochs-scale", "0.1", "--no-rollback", "--out", dir.toString());

        int builds = Suite.builds("iris", "sgd", 0.1, 3, 0, io.github.dl4jlr.monitor.TroubleMode.LOG).size();
        assertEquals(builds, r.judged().size(), "one judged outcome per build");
        assertTrue(r.good().containsKey("iris/sgd"));
        assertTrue(r.rollbacks().isEmpty(), "--no-rollback");
        assertTrue(r.markdown().contains("| kind | runs | advice lines | direction right |"), r.markdown());
        assertTrue(r.markdown().contains("Loss-spike lines (a WARN that advises nothing yet; not counted above): "),
                r.markdown());
        assertTrue(r.markdown().contains("By line (event kind, direction):"), r.markdown());
        for (String f : new String[]{"monitor-scenarios-iris.csv", "monitor-advice-iris.csv", "monitor-scenarios-iris.md"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(1 + builds, Files.readAllLines(dir.resolve("monitor-scenarios-iris.csv")).size());
    }

    @Test
    void aComputationGraphRunsTheSameSuite(@TempDir Path dir) throws Exception {
        BenchmarkData.Split vehicles = ExampleModels.dataFor("vehicle-resnet", 0);
        assertEquals(BenchmarkData.named("vehicle", 0).train().numExamples(), vehicles.train().numExamples());
        assertInstanceOf(ComputationGraph.class, Problem.named("vehicle-resnet").model(vehicles, new Adam(1e-3), 0));

        MonitorScenarioBenchmark.Result r = MonitorScenarioBenchmark.run("--problems", "vehicle-resnet",
                "--optimizers", "adam", "--seeds", "1", "--epochs-scale", "0.1", "--no-rollback", "--out",
                dir.toString());
        assertEquals(Suite.builds("vehicle-resnet", "adam", 0.1, 2, 0, io.github.dl4jlr.monitor.TroubleMode.LOG)
                .size(), r.judged().size(), "one judged outcome per build");
        Outcome good = r.judged().stream().map(Scores.Judged::outcome)
                .filter(o -> o.scenario().build().equals("good")).findFirst().orElseThrow();
        assertTrue(good.accuracy() > good.majority(), "the graph learns the vehicles: " + good.accuracy());
        assertTrue(good.epochLoss()[0] > 0, "its epoch losses were recorded");
    }

    @Test
    void onARegressionTableTheScoreIsTheRSquaredAndTheChanceLevelTheTargetsVariance(@TempDir Path dir)
            throws Exception {
        MonitorScenarioBenchmark.Result r = MonitorScenarioBenchmark.run("--problems", "biomass", "--optimizers",
                "adam", "--seeds", "1", "--epochs-scale", "0.1", "--no-rollback", "--out", dir.toString());

        Outcome good = r.judged().stream().map(Scores.Judged::outcome)
                .filter(o -> o.scenario().build().equals("good")).findFirst().orElseThrow();
        assertEquals(0, good.majority(), "predicting the mean explains nothing");
        assertEquals(1.0, good.chance(), 1e-4, "the target is standardized on the training rows");
        double testVariance = ScenarioRunner.meanVariance(BenchmarkData.biomass(0).test().getLabels());
        assertEquals(1 - good.testLoss() / testVariance, good.accuracy(), 1e-4,
                "R squared from the outputs agrees with DL4J's mean squared error on the test rows");
        assertTrue(good.accuracy() > 0.5, "a good rate learns the heating value: " + good.accuracy());
    }

    @Test
    void theVarianceOfTargetsOneAndThreeIsOne() {
        assertEquals(1.0, ScenarioRunner.meanVariance(Nd4j.create(new double[][]{{1}, {3}})),
                1e-12);
        assertEquals(2.5, ScenarioRunner.meanVariance(Nd4j.create(
                new double[][]{{1, 0}, {3, 4}})), 1e-12, "variances 1 and 4, averaged over the units");
        // two series of three steps, 1 3 1 and 3 1 3: variance 1 a step, and DL4J sums the three steps
        assertEquals(3.0, ScenarioRunner.meanVariance(Nd4j.create(new double[][][]{{{1, 3, 1}}, {{3, 1, 3}}})), 1e-12);
    }

    @Test
    void onSequencesTheRSquaredCountsEveryStepAsDl4jScoresThem() {
        BenchmarkData.Split d = BenchmarkData.named("chicago", 0);
        MultiLayerNetwork net = ExampleModels.forProblem("chicago", d, new Adam(1e-3), 0);
        double testLoss = NetworkAdapter.of(net).meanLoss(d.testIterator());   // one minibatch of all 160
        assertEquals(1 - testLoss / ScenarioRunner.meanVariance(d.test().getLabels()), ExampleModels.testScore(net, d),
                1e-4, "R squared from the outputs agrees with DL4J's summed squared error of an untrained LSTM");
    }

    @Test
    void aDeadRunIsNamedByTheDeadLineOrByAdviceToLowerTheRate() {
        assertEquals(Set.of(Direction.DEAD, Direction.LOWER), Kind.DEAD.named());
        assertEquals(Set.of(Direction.RAISE), Kind.TOO_LOW.named());
        assertTrue(Kind.HEALTHY.named().isEmpty());
        assertFalse(Kind.TOO_LOW.right().contains(Direction.LOWER), "lowering a rate that is too low is wrong");
    }

    private static Scores.Judged dead(double[] epochLoss, int namedAt) {
        Scenario s = new Scenario("vehicle", "momentum", "x30", 0.3, 0.01, epochLoss.length, 0,
                io.github.dl4jlr.monitor.TroubleMode.LOG);
        List<MonitorEvent> events = List.of(new MonitorEvent(0, 10 * namedAt, namedAt, MonitorEvent.Kind.NETWORK_DEAD,
                MonitorEvent.Severity.ERROR, "network", "dead"));
        return new Scores.Judged(new Outcome(s, 0.25, 1.4, epochLoss, false, 0.26, 1.0, events, List.of(), List.of(),
                false, new double[3], new double[epochLoss.length],
                new double[epochLoss.length]), Kind.DEAD);
    }

    /** A run of a problem with this test loss against a chance level of 1, and one "try x10" line. */
    private static Scores.Judged judged(String problem, String build, double testLoss, Kind truth) {
        Scenario s = new Scenario(problem, "adam", build, 1e-3, 1e-3, 3, 0, io.github.dl4jlr.monitor.TroubleMode.LOG);
        MonitorEvent raise = new MonitorEvent(0, 30, 2, MonitorEvent.Kind.SLOW_START, MonitorEvent.Severity.WARN,
                "network", "epoch=2 after 3 epochs ...");
        return new Scores.Judged(new Outcome(s, 0.9, testLoss, new double[]{1, 0.9, 0.8}, false, 0.9, 1.0,
                List.of(raise), List.of(), List.of(), false, new double[3], new double[3], new double[3]), truth);
    }

    @Test
    void aProblemWhoseGoodRunsDoNotBeatTheChanceLevelOnTestDataIsScoredApart() {
        // the good runs' test loss 0.95 (the edge: no signal) and 0.9449 against a chance level of 1
        List<Scores.Judged> runs = List.of(judged("lending", "good", 0.95, Kind.HEALTHY),
                judged("lending", "/100", 2.0, Kind.TOO_LOW), judged("telco", "good", 0.9449, Kind.HEALTHY),
                judged("telco", "/100", 2.0, Kind.TOO_LOW));
        assertEquals("Test loss of the good runs against the chance level (at least 0.95: no signal at this budget, "
                + "the best rate is the one that learned least): lending 0.950; telco 0.945;\nWithout lending: 1 of 2 "
                + "advice lines point the right way (50.0%).\n", Report.signal(runs));
        assertFalse(Report.signal(runs.subList(2, 4)).contains("Without"), "every problem has a signal");
    }

    @Test
    void eachLineIsTalliedByItsKindAndDirectionWithoutTheAmbiguousRuns() {
        List<Scores.Judged> runs = List.of(judged("iris", "good", 0.5, Kind.HEALTHY),
                judged("iris", "/100", 2.0, Kind.TOO_LOW), judged("iris", "/1000", 2.0, Kind.TOO_LOW),
                judged("iris", "x10", 1.0, Kind.AMBIGUOUS), dead(new double[]{1.0, 1.0}, 0));
        java.util.Map<String, int[]> byLine = Scores.byLine(runs);
        assertEquals(List.of("SLOW_START RAISE", "NETWORK_DEAD DEAD"), List.copyOf(byLine.keySet()),
                "most heard first");
        assertEquals(List.of(2, 3), java.util.Arrays.stream(byLine.get("SLOW_START RAISE")).boxed().toList());
        assertEquals(List.of(1, 1), java.util.Arrays.stream(byLine.get("NETWORK_DEAD DEAD")).boxed().toList());
    }

    @Test
    void aRunThatLearnsFirstAndDiesLaterIsTimedFromItsDeath() {
        // chance 1.0: the loss settles at or above 0.8 from epoch 3 on (epoch 1 reached it once, then fell again)
        double[] loss = {0.9, 0.8, 0.6, 0.8, 0.95, 1.0, 1.0};
        assertEquals(3, Scores.deathOnset(dead(loss, 5).outcome()));
        assertEquals(-1, Scores.deathOnset(dead(new double[]{1.0, 0.7}, 0).outcome()), "ends below: never settled");
        assertEquals(0, Scores.deathOnset(dead(new double[]{1.0, 1.0}, 0).outcome()));
        // named at epochs 3, 4, 5 of onset 3 is within 3 epochs (t-1, t: 4 and 5), at 6 it is not (t+1)
        assertEquals(List.of(1, 1, 1, 0), java.util.stream.IntStream.of(3, 4, 5, 6)
                .mapToObj(at -> Scores.deadNamedAfterOnset(List.of(dead(loss, at)))[0]).toList());
        assertEquals(1, Scores.deadNamedAfterOnset(List.of(dead(loss, 6)))[1]);
    }

    @Test
    void theSlowStartLineAdvisesRaisingTheRate() {
        MonitorEvent slow = new MonitorEvent(0, 30, 2, MonitorEvent.Kind.SLOW_START, MonitorEvent.Severity.WARN,
                "network", "epoch=2 after 3 epochs ...");
        assertEquals(Direction.RAISE, Direction.of(slow, List.of()));
        assertEquals(null, Direction.of(new MonitorEvent(0, 30, 2, MonitorEvent.Kind.RATIO_LOW,
                MonitorEvent.Severity.INFO, "0_W", "as expected"), List.of()), "an INFO note is no advice");
    }

    @Test
    void aLowRatioLineAboutUpdatesOfExactlyZeroPointsAtADeadNetworkNotAtRaisingTheRate() {
        assertEquals(Direction.DEAD, Direction.of(new MonitorEvent(0, 100, 9, MonitorEvent.Kind.RATIO_LOW,
                MonitorEvent.Severity.WARN, "0_W", "iter=100 epoch=9 0_W=0.0e+00 below 1e-04 for 3 checks: its updates "
                + "are exactly zero: dead units (e.g. ReLUs killed by an earlier, too high learning rate) or a vanished "
                + "gradient; a higher learning rate will not help, a restart from a healthy state might"), List.of()));
        assertEquals(Direction.RAISE, Direction.of(new MonitorEvent(0, 30, 3, MonitorEvent.Kind.RATIO_LOW,
                MonitorEvent.Severity.WARN, "0_W", "iter=30 epoch=3 0_W=4.2e-05 below 1e-04 for 3 checks: learning rate "
                + "likely too low for this layer (try x10)"), List.of()));
    }

    @Test
    void withValidationDataTheSuiteRecordsBothLossesAtEveryEpochEnd(@TempDir Path dir) throws Exception {
        MonitorScenarioBenchmark.Result r = MonitorScenarioBenchmark.run("--problems", "iris", "--optimizers", "sgd",
                "--seeds", "1", "--epochs-scale", "0.1", "--no-rollback", "--validation", "--out", dir.toString());
        Outcome good = r.judged().get(0).outcome();
        assertEquals(3, good.validationLoss().length);
        for (int e = 0; e < 3; e++) {
            assertTrue(good.validationLoss()[e] > 0 && good.epochTestLoss()[e] > 0, "epoch " + e);
        }
        assertEquals(good.testLoss(), good.epochTestLoss()[2], 1e-6, "the last epoch end is the run's end");
        List<String> rows = Files.readAllLines(dir.resolve("monitor-scenarios-iris-validation.csv"));
        assertTrue(rows.get(0).endsWith(",epoch_losses,validation_losses,test_losses"), rows.get(0));
    }

    @Test
    void aRateThreeTimesTheGoodOneIsHighEvenWhenTheProductRoundsUp() {
        // 3 x 0.1 = 0.30000000000000004 > 0.3: Adam's 0.3 build against a good rate of 0.1 was judged as healthy
        assertTrue(new Scenario("twoclass", "adam", "lr0.3", 0.3, 0.1, 3, 0, null).high());
        assertFalse(new Scenario("twoclass", "adam", "lr0.3", Math.nextDown(0.3 * (1 - 1e-9)), 0.1, 3, 0, null).high());
        assertTrue(new Scenario("iris", "sgd", "/100", 0.001, 0.1, 3, 0, null).low());
        assertTrue(new Scenario("iris", "sgd", "/30", 0.1 / 30, 0.1, 3, 0, null).low());
        assertFalse(new Scenario("iris", "sgd", "/10", 0.01, 0.1, 3, 0, null).low());
    }
}
