package io.github.dl4jlr.tuning;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
public class PopulationBasedTrainingTest {

    private static final SearchSpace SPACE = SearchSpace.learningRate(1e-6, 1e-1).build();

    /** The learning rate of every step, per member, in the order the steps ran (filled by a listener per task). */
    static final Map<Integer, List<double[]>> STEPS = new ConcurrentHashMap<>();

    /** Records {@code [iteration, epoch, lr]} of every step of one member's round. */
    static final class LrRecorder extends BaseTrainingListener implements java.io.Serializable {
        private final int member;

        LrRecorder(int member) {
            this.member = member;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            STEPS.computeIfAbsent(member, m -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new double[]{iteration, epoch, ((MultiLayerNetwork) model).getLearningRate(0)});
        }
    }

    public static double accuracy(Model m) {
        return ((MultiLayerNetwork) m).evaluate(TinyNets.iterator(10, 32, 77, 2.0)).accuracy();
    }

    /** Four members from 1e-6 to 1e-2 on the tiny 3-class problem, one epoch per round. */
    public static PopulationBasedTraining.Builder pbt(int rounds) {
        return PopulationBasedTraining.builder()
                .populationSize(4)
                .network(TinyNets.mlnConf(new Adam(1e-3)))
                .searchSpace(SPACE)
                .initialHyperparameters(List.of(Map.of(SearchSpace.LEARNING_RATE, 1e-6),
                        Map.of(SearchSpace.LEARNING_RATE, 1e-4), Map.of(SearchSpace.LEARNING_RATE, 1e-3),
                        Map.of(SearchSpace.LEARNING_RATE, 1e-2)))
                .trainData(TrainingData.of(() -> TinyNets.iterator(10, 32, 21, 2.0)))
                .evaluator(PopulationBasedTrainingTest::accuracy)
                .readyEvery(1, ScheduleType.EPOCH)
                .rounds(rounds)
                .seed(42);
    }

    @Test
    void replacesTheBadMemberAndReturnsTheScoredNetwork() {
        PbtResult r = pbt(5).build().run();

        assertTrue(r.exploits().stream().anyMatch(e -> e.member() == 0), "the 1e-6 member is replaced: " + r.history());
        assertTrue(r.record(0, 4).learningRate() > 1e-5, "member 0 ends with an explored LR");
        assertEquals(r.bestScore(), accuracy(r.bestModel()), 1e-12, "bestModel is the scored network");
    }

    @Test
    void theExploredLearningRateIsTheOneTheNextStepUses() {
        STEPS.clear();
        PbtResult r = pbt(3).listeners((member, round) -> List.of(new LrRecorder(member))).build().run();
        PbtRecord exploited = r.exploits().get(0);
        PbtRecord donorBefore = r.record(exploited.parent(), exploited.round() - 1);
        assertTrue(exploited.learningRate() != donorBefore.learningRate(), "explore changed the donor's LR");

        List<double[]> steps = STEPS.get(exploited.member());
        int perRound = 10;
        double[] first = steps.get(exploited.round() * perRound);
        assertEquals(exploited.learningRate(), first[2], 0.0, "the explored rate, from the first step on");
        assertEquals(donorBefore.round() * perRound + perRound, (int) first[0],
                "the counters came from the donor, which trained as long as everyone");
    }

    @Test
    void membersStartFromAFineTunedNetworksWeightsAndItsFrozenLayerStaysFrozen() {
        MultiLayerNetwork body = TinyNets.mln(new Adam(1e-2));
        body.fit(TinyNets.iterator(10, 32, 21, 2.0), 3);
        MultiLayerNetwork tuned = new org.deeplearning4j.nn.transferlearning.TransferLearning.Builder(body)
                .fineTuneConfiguration(new org.deeplearning4j.nn.transferlearning.FineTuneConfiguration.Builder()
                        .updater(new Adam(1e-3)).build())
                .setFeatureExtractor(0).build();
        double before = accuracy(tuned);
        Map<String, Double> tiny = Map.of(SearchSpace.LEARNING_RATE, 1e-6);
        PbtResult r = pbt(1).network(tuned).initialHyperparameters(List.of(tiny, tiny, tiny, tiny)).build().run();
        MultiLayerNetwork best = (MultiLayerNetwork) r.bestModel();
        assertEquals(tuned.getLayer(0).params(), best.getLayer(0).params(), "the frozen layer never trained");
        assertEquals(before, r.bestScore(), 0.01, "a rate of 1e-6 keeps the fine-tuned network's accuracy");
        assertTrue(before > 0.5, "started from trained weights, not from a fresh initialization: " + before);
    }

    @Test
    void sameSeedSameHistoryAndThreadsDoNotChangeIt() {
        List<PbtRecord> a = pbt(3).build().run().history();
        List<PbtRecord> b = pbt(3).build().run().history();
        assertEquals(a, b);
        assertEquals(a, pbt(3).parallelism(2).build().run().history(), "two worker threads, bit-identical history");
    }

    @Test
    void resumesFromACheckpointAsIfNeverStopped(@TempDir Path dir) {
        List<PbtRecord> straight = pbt(4).build().run().history();
        pbt(2).checkpointDir(dir).build().run();                         // "killed" after round 2
        PbtResult resumed = pbt(4).checkpointDir(dir).build().run();
        assertEquals(straight, resumed.history());
    }

    @Test
    void bestLrScheduleReplaysTheWinningLineageAndSurvivesJson(@TempDir Path dir) throws Exception {
        PbtResult r = pbt(4).build().run();
        ISchedule schedule = r.bestLrSchedule();
        double[] lineage = r.bestLineageLearningRates();
        for (int round = 0; round < 4; round++) {
            assertEquals(lineage[round], schedule.valueAt(0, round), 0.0, "epoch " + round);
        }
        String json = NeuralNetConfiguration.mapper().writeValueAsString(schedule);
        assertEquals(schedule, NeuralNetConfiguration.mapper().readValue(json, ISchedule.class));
        MultiLayerConfiguration conf = TinyNets.mlnConf(new Adam(schedule));
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
        assertNotNull(ImageIO.read(r.savePlot(dir.resolve("pbt.png")).toFile()));
    }

    @Test
    void parallelWorkersProduceAFullHistory() {
        PbtResult r = pbt(2).parallelism(2).exploit(Exploit.BINARY_TOURNAMENT)
                .explore(Explore.RESAMPLE, 0.25).build().run();
        assertEquals(8, r.history().size());
        for (PbtRecord rec : r.history()) {
            assertTrue(rec.score() > 0 && rec.score() <= 1, rec.toString());
        }
    }

    @Test
    void appliesMomentumAndWeightDecayInPlace() {
        MultiLayerNetwork net = TinyNets.mln(new Nesterovs(0.1, 0.9));
        HyperparameterApplier.apply(net, Map.of(SearchSpace.LEARNING_RATE, 0.05, SearchSpace.MOMENTUM, 0.8,
                SearchSpace.WEIGHT_DECAY, 1e-3));
        Nesterovs u = (Nesterovs) ((org.deeplearning4j.nn.conf.layers.BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater();
        assertEquals(0.05, u.getLearningRate(), 0.0);
        assertEquals(0.8, u.getMomentum(), 0.0);

        // Training with weight decay applied in place equals training a network configured with it.
        MultiLayerConfiguration conf = TinyNets.mlnConf(new Nesterovs(0.05, 0.8));
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer.getLayer()).setRegularization(List.of(new WeightDecay(1e-3, true)));
        }
        MultiLayerNetwork configured = new MultiLayerNetwork(conf);
        configured.init();
        MultiLayerNetwork without = TinyNets.mln(new Nesterovs(0.05, 0.8));
        net.fit(TinyNets.data(20, 3));
        configured.fit(TinyNets.data(20, 3));
        without.fit(TinyNets.data(20, 3));
        assertArrayEquals(configured.params().toDoubleVector(), net.params().toDoubleVector(), 1e-15);
        assertTrue(Math.abs(without.params().getDouble(0) - net.params().getDouble(0)) > 1e-6, "weight decay had an effect");
    }

    @Test
    void settingsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pbt(2).populationSize(1).build());
        assertEquals("Expected populationSize >= 2, but got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pbt(2)
                .initialHyperparameters(List.of(Map.of(SearchSpace.LEARNING_RATE, 5.0))).build());
        assertEquals("Expected learningRate in [1.0E-6, 0.1], but got 5.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HyperparameterApplier.apply(TinyNets.mln(new Adam(1e-3)),
                Map.of(SearchSpace.MOMENTUM, 0.9)));
        assertEquals("Expected Nesterovs for hyperparameter momentum, but got Adam", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PopulationBasedTraining.builder().searchSpace(SPACE)
                .trainData(TrainingData.of(() -> TinyNets.iterator(1, 1, 1))).evaluator(m -> 0).build());
        assertEquals("Expected a network (network(conf), or network(net) to start from its weights), but got none",
                e.getMessage());
    }

    @Test
    void aMemberThatThrowsEndsTheRunNamingItAndTheRound() {
        MemberFailedException e = assertThrows(MemberFailedException.class, () -> pbt(2)
                .evaluator(m -> {
                    if (((MultiLayerNetwork) m).getIterationCount() > 0 && accuracy(m) >= 0) {
                        throw new IllegalStateException("evaluation broke");
                    }
                    return 0;
                }).build().run());
        assertTrue(e.getMessage().startsWith("PBT member 0 failed in round 1: java.lang.IllegalStateException: "
                + "evaluation broke"), e.getMessage());
    }
}
