package io.github.dl4jlr.pbt;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class PopulationBasedTrainingTest {

    private static final SearchSpace SPACE = SearchSpace.learningRate(1e-6, 1e-1).build();

    /** Records the learning rate each iteration used, per network. */
    private static final class LrRecorder extends BaseTrainingListener {
        final List<int[]> iterations = new ArrayList<>();
        final List<Double> lrs = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            iterations.add(new int[]{iteration, epoch});
            lrs.add(((MultiLayerNetwork) model).getLearningRate(0));
        }
    }

    private static double accuracy(Model m) {
        return ((MultiLayerNetwork) m).evaluate(TinyNets.iterator(10, 32, 77, 2.0)).accuracy();
    }

    private static PopulationBasedTraining.Builder pbt(Map<Model, LrRecorder> recorders, int rounds) {
        return PopulationBasedTraining.builder()
                .populationSize(4)
                .modelFactory(hp -> {
                    MultiLayerNetwork net = TinyNets.mln(new Adam(hp.get(SearchSpace.LEARNING_RATE)));
                    LrRecorder r = new LrRecorder();
                    net.setListeners(r);
                    recorders.put(net, r);
                    return net;
                })
                .searchSpace(SPACE)
                .initialHyperparameters(List.of(Map.of(SearchSpace.LEARNING_RATE, 1e-6),
                        Map.of(SearchSpace.LEARNING_RATE, 1e-4), Map.of(SearchSpace.LEARNING_RATE, 1e-3),
                        Map.of(SearchSpace.LEARNING_RATE, 1e-2)))
                .trainData(() -> TinyNets.iterator(10, 32, 21, 2.0))
                .evaluator(PopulationBasedTrainingTest::accuracy)
                .readyEvery(1, ScheduleType.EPOCH)
                .rounds(rounds)
                .seed(42);
    }

    @Test
    void replacesTheBadMemberAndDoesAtLeastAsWellAsTheBestFixedLr() {
        PbtResult r = pbt(new HashMap<>(), 5).build().run();

        assertTrue(r.exploits().stream().anyMatch(e -> e.member() == 0), "the 1e-6 member is replaced: " + r.history());
        assertTrue(r.record(0, 4).learningRate() > 1e-5, "member 0 ends with an explored LR");
        double bestFixed = 0;
        for (double lr : new double[]{1e-6, 1e-4, 1e-3, 1e-2}) {
            MultiLayerNetwork net = TinyNets.mln(new Adam(lr));
            for (int e = 0; e < 5; e++) {
                net.fit(TinyNets.iterator(10, 32, 21, 2.0));
            }
            bestFixed = Math.max(bestFixed, accuracy(net));
        }
        assertTrue(r.bestScore() >= bestFixed, "PBT best " + r.bestScore() + " vs best fixed LR " + bestFixed);
        assertEquals(r.bestScore(), accuracy(r.bestModel()), 1e-12, "bestModel is the scored network");
    }

    @Test
    void theExploredLearningRateIsTheOneTheNextStepUses() {
        Map<Model, LrRecorder> recorders = new HashMap<>();
        PbtResult r = pbt(recorders, 3).build().run();
        PbtRecord exploited = r.exploits().get(0);
        PbtRecord donorBefore = r.record(exploited.parent(), exploited.round() - 1);
        assertTrue(exploited.learningRate() != donorBefore.learningRate(), "explore changed the donor's LR");

        // Member networks are created in member order, so the recorder of member m is the m-th created.
        LrRecorder rec = recordersInCreationOrder(recorders).get(exploited.member());
        int perRound = 10;
        int firstStepOfRound = exploited.round() * perRound;
        assertEquals(exploited.learningRate(), rec.lrs.get(firstStepOfRound), 0.0);
        assertEquals(donorBefore.round() * perRound + perRound, rec.iterations.get(firstStepOfRound)[0],
                "the counters came from the donor, which trained as long as everyone");
    }

    private static List<LrRecorder> recordersInCreationOrder(Map<Model, LrRecorder> recorders) {
        // HashMap order is arbitrary; the recorder lists were filled in member order within each round.
        List<LrRecorder> all = new ArrayList<>(recorders.values());
        List<LrRecorder> ordered = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            ordered.add(null);
        }
        for (LrRecorder r : all) {
            double first = r.lrs.get(0);
            int member = first == 1e-6 ? 0 : first == 1e-4 ? 1 : first == 1e-3 ? 2 : 3;
            ordered.set(member, r);
        }
        return ordered;
    }

    @Test
    void sameSeedSameHistory() {
        List<PbtRecord> a = pbt(new HashMap<>(), 3).build().run().history();
        List<PbtRecord> b = pbt(new HashMap<>(), 3).build().run().history();
        assertEquals(a, b);
    }

    @Test
    void resumesFromACheckpointAsIfNeverStopped(@TempDir Path dir) {
        List<PbtRecord> straight = pbt(new HashMap<>(), 4).build().run().history();
        pbt(new HashMap<>(), 2).checkpointDir(dir).build().run();              // "killed" after round 2
        PbtResult resumed = pbt(new HashMap<>(), 4).checkpointDir(dir).build().run();
        assertEquals(straight, resumed.history());
    }

    @Test
    void bestLrScheduleReplaysTheWinningLineageAndSurvivesJson(@TempDir Path dir) throws Exception {
        PbtResult r = pbt(new HashMap<>(), 4).build().run();
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
        PbtResult r = pbt(new HashMap<>(), 2).parallelism(2).exploit(PbtPolicy.Exploit.BINARY_TOURNAMENT)
                .explore(PbtPolicy.Explore.RESAMPLE, 0.25).build().run();
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
                () -> pbt(new HashMap<>(), 2).populationSize(1).build());
        assertEquals("Expected populationSize >= 2, but got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pbt(new HashMap<>(), 2)
                .initialHyperparameters(List.of(Map.of(SearchSpace.LEARNING_RATE, 5.0))).build());
        assertEquals("Expected learningRate in [1.0E-6, 0.1], but got 5.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HyperparameterApplier.apply(TinyNets.mln(new Adam(1e-3)),
                Map.of(SearchSpace.MOMENTUM, 0.9)));
        assertEquals("Expected Nesterovs for hyperparameter momentum, but got Adam", e.getMessage());
    }
}
