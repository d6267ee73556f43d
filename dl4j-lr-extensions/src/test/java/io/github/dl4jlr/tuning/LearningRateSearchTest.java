package io.github.dl4jlr.tuning;

import io.github.dl4jlr.finder.LearningRateFinder;
import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.StepDecaySchedule;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ScheduleType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learning-rate search: exact continuation across rungs, the plan it logs, resume after a crash. */
public class LearningRateSearchTest {

    private static final TrainingData DATA = TrainingData.of(() -> TinyNets.iterator(6, 16, 21, 2.0));

    public static double accuracy(Model m) {
        return ((MultiLayerNetwork) m).evaluate(TinyNets.iterator(10, 32, 77, 2.0)).accuracy();
    }

    /** The tests' search: 8 candidates 1e-4 ... 1e-1 for Adam on the tiny problem, 4 epochs. */
    public static LearningRateSearch.Builder search() {
        return search(TinyNets.mlnConf(new Adam(1e-3)));
    }

    private static LearningRateSearch.Builder search(MultiLayerConfiguration conf) {
        return LearningRateSearch.builder().network(conf).trainData(DATA).evaluator(LearningRateSearchTest::accuracy)
                .epochs(4).bracket(1e-4, 1e-1);
    }

    @Test
    void aCandidateTrainedRungByRungEndsExactlyWhereOneUninterruptedRunDoes() {
        // a cosine over the iterations and a step schedule over the epochs: both must see the same counters
        for (MultiLayerConfiguration conf : List.of(
                TinyNets.mlnConf(new Adam(new CosineDecaySchedule(ScheduleType.ITERATION, 1e-2, 1e-4, 24))),
                TinyNets.mlnConf(new Nesterovs(new StepDecaySchedule(ScheduleType.EPOCH, 1e-2, 0.3, 1), 0.9)))) {
            MultiLayerNetwork straight = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(conf.toJson()));
            straight.init();
            HyperparameterApplier.apply(straight, Map.of(SearchSpace.LEARNING_RATE_SCALE, 0.5));
            straight.fit(DATA.iterator(0, 0), 4);

            // one candidate at half the configured peak; three rungs of 3, 9 and 12 iterations: mid-epoch boundaries
            MemberState state = MemberState.of(io.github.dl4jlr.internal.nn.NetworkAdapter.of(MemberWork.build(
                    new MemberSpec(conf.toJson(), false, DATA, LearningRateSearchTest::accuracy, null, 1,
                            ScheduleType.ITERATION, 6))));
            for (int rung : new int[]{3, 9, 12}) {
                MemberSpec spec = new MemberSpec(conf.toJson(), false, DATA, LearningRateSearchTest::accuracy, null, rung,
                        ScheduleType.ITERATION, 6);
                state = MemberState.of(MemberWork.run(spec, state.task(0, 0,
                        Map.of(SearchSpace.LEARNING_RATE_SCALE, 0.5))));
            }
            MultiLayerNetwork rungs = (MultiLayerNetwork) MemberWork.materialize(new MemberSpec(conf.toJson(), false, DATA,
                    LearningRateSearchTest::accuracy, null, 1, ScheduleType.ITERATION, 6), Map.of(), state.params(),
                    state.updaterState(), state.iteration(), state.epoch());
            assertEquals(24, state.iteration());
            assertEquals(4, state.epoch(), "the epoch advanced at each epoch's end, as fit(iterator) does");
            assertArrayEquals(straight.params().toDoubleVector(), rungs.params().toDoubleVector(), 1e-12,
                    conf.getConf(0).getLayer().toString());
        }
    }

    @Test
    void countersFromOtherDataStillGiveTheSameRunHoweverItIsCutIntoRungs() {
        // a network that trained 2 epochs of 10 minibatches, searched on data of 6: 8 past its epoch's start
        MultiLayerConfiguration conf = TinyNets.mlnConf(
                new Nesterovs(new StepDecaySchedule(ScheduleType.EPOCH, 1e-2, 0.3, 1), 0.9));
        MemberState start = MemberState.of(io.github.dl4jlr.internal.nn.NetworkAdapter.of(MemberWork.build(
                new MemberSpec(conf.toJson(), false, DATA, LearningRateSearchTest::accuracy, null, 1,
                        ScheduleType.ITERATION, 6))));
        start = new MemberState(start.params(), start.updaterState(), 20, 2);
        MemberState[] ends = new MemberState[2];
        int[][] cuts = {{24}, {3, 9, 12}};
        for (int c = 0; c < cuts.length; c++) {
            MemberState state = start;
            for (int rung : cuts[c]) {
                MemberSpec spec = new MemberSpec(conf.toJson(), false, DATA, LearningRateSearchTest::accuracy, null,
                        rung, ScheduleType.ITERATION, 6);
                state = MemberState.of(MemberWork.run(spec, state.task(0, 0, Map.of())));
            }
            ends[c] = state;
        }
        assertEquals(44, ends[1].iteration());
        // the first pass starts 2 minibatches in (20 - 2 x 6 = 8, and 8 mod 6 = 2); then whole passes of 6
        assertEquals(6, ends[1].epoch(), "epoch ends at iterations 24, 30, 36 and 42");
        assertEquals(ends[0].epoch(), ends[1].epoch());
        assertArrayEquals(Nd4j.fromByteArray(ends[0].params()).toDoubleVector(),
                Nd4j.fromByteArray(ends[1].params()).toDoubleVector(), 1e-12);
    }

    @Test
    void itSaysItsPlanAndCostThenHalvesDownToTwoFinalistsAndTheBetterWins() {
        LearningRateSearch s = search(TinyNets.mlnConf(new Adam(1e-3))).build();
        assertEquals("8 candidates 1.0e-04 ... 1.0e-01 (the given bracket), halving over 4 rungs ending at 13%, 25%, 50% "
                + "and 100% of 4 epochs, 2 finalists: about 3.0 trainings of your budget", s.plan());
        SearchResult r = s.run();
        long[] perRung = new long[4];
        r.history().forEach(h -> perRung[h.round()]++);
        assertArrayEquals(new long[]{8, 4, 2, 2}, perRung);
        List<PbtRecord> finalists = r.history().stream().filter(h -> h.round() == 3).toList();
        PbtRecord winner = finalists.stream().max(java.util.Comparator.comparingDouble(PbtRecord::score)
                .thenComparing(h -> -h.member())).orElseThrow();
        assertEquals(r.rates()[winner.member()], r.bestRate(), 0.0, "the better finalist after the whole budget");
        assertEquals(winner.score(), r.bestScore(), 0.0);
        assertEquals(r.bestRate() / 1e-3, r.bestScale(), 1e-12, "a multiple of the configured 1e-3");
        assertEquals(accuracy(r.model()), r.bestScore(), 0.0, "the returned network is the winner after its budget");
        assertEquals(3.0, r.cost(), 1e-12);
        assertEquals(2.5, search(TinyNets.mlnConf(new Adam(1e-3))).finalists(1).build().cost(), 1e-12,
                "classic successive halving");
        for (int k = 1; k < 3; k++) { // both finalists go on into rung 3 (checked above)
            int rung = k;
            List<Integer> promoted = r.history().stream().filter(h -> h.round() == rung).map(PbtRecord::member).toList();
            List<PbtRecord> before = r.history().stream().filter(h -> h.round() == rung - 1).toList();
            double worstPromoted = before.stream().filter(h -> promoted.contains(h.member()))
                    .mapToDouble(PbtRecord::score).min().orElseThrow();
            double bestDropped = before.stream().filter(h -> !promoted.contains(h.member()))
                    .mapToDouble(PbtRecord::score).max().orElseThrow();
            assertTrue(worstPromoted >= bestDropped, "the better half went on in rung " + rung);
        }
    }

    @Test
    void aScheduleKeepsItsShapeAndItsPeakIsTheRate() {
        CosineDecaySchedule cosine = new CosineDecaySchedule(ScheduleType.ITERATION, 4e-3, 4e-5, 24);
        String json = TinyNets.mlnConf(new Adam(cosine)).toJson();
        assertEquals(4e-3, LearningRateSearch.peakRate(json, false, 0, 0, 4, 6), 0.0);
        // from a network that trained 12 iterations (2 epochs), the budget's peak is where the cosine stands then
        assertEquals(cosine.valueAt(12, 2), LearningRateSearch.peakRate(json, false, 12, 2, 2, 6), 0.0);
        assertEquals(2.02e-3, cosine.valueAt(12, 2), 1e-15);
        SearchResult r = search(TinyNets.mlnConf(new Adam(cosine))).build().run();
        assertEquals(r.bestRate() / 4e-3, r.bestScale(), 1e-12);
        MultiLayerNetwork winner = (MultiLayerNetwork) r.model();
        assertEquals(cosine.valueAt(0, 0) * r.bestScale(), ((Adam) winner.getLayer(0).conf().getLayer().getUpdaterByParam("W"))
                .getLearningRateSchedule().valueAt(0, 0), 1e-15);
    }

    @Test
    void theBracketFromARangeTestIsHalfDecadesBelowTheDivergencePoint() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        LrFinderResult sweep = LearningRateFinder.builder().numIterations(40).build().find(net, DATA.iterator(0, 0));
        double top = sweep.divergedAt().orElse(sweep.learningRates()[sweep.iterations() - 1]);
        double[] rates = search(TinyNets.mlnConf(new Adam(1e-3))).bracket(sweep).build().rates();
        assertEquals(top / Math.sqrt(10), rates[7], top * 1e-12);
        assertEquals(top / Math.sqrt(10) / Math.pow(10, 3.5), rates[0], top * 1e-12, "8 half-decades");
    }

    @Test
    void itResumesAfterACrashAndEndsAsAnUninterruptedSearch(@TempDir Path dir) {
        SearchResult straight = search(TinyNets.mlnConf(new Adam(1e-3))).build().run();
        int[] calls = {0};
        MemberTrainer crashing = (spec, tasks) -> {
            if (++calls[0] == 3) {
                throw new IllegalStateException("killed in rung 3");
            }
            return new LocalMemberTrainer(1).train(spec, tasks);
        };
        LearningRateSearch first = search(TinyNets.mlnConf(new Adam(1e-3))).checkpointDir(dir).trainer(crashing).build();
        assertThrows(IllegalStateException.class, first::run);
        SearchResult resumed = search(TinyNets.mlnConf(new Adam(1e-3))).checkpointDir(dir).build().run();
        assertEquals(straight.bestRate(), resumed.bestRate(), 0.0);
        assertEquals(straight.bestScore(), resumed.bestScore(), 0.0);
        assertEquals(straight.history(), resumed.history());
        assertArrayEquals(straight.model().params().toDoubleVector(), resumed.model().params().toDoubleVector(), 0.0);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> search(TinyNets.mlnConf(new Adam(1e-3))).bracket(1e-5, 1e-1).checkpointDir(dir).build().run());
        assertTrue(other.getMessage().startsWith("Expected a checkpoint of this search in"), other.getMessage());
    }

    @Test
    void missingSettingsAreNamed() {
        assertEquals("Expected a bracket (bracket(low, high) or bracket(rangeTest)), but got none",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSearch.builder()
                        .network(TinyNets.mlnConf(new Adam(1e-3))).trainData(DATA).evaluator(m -> 0).epochs(2).build())
                        .getMessage());
        assertEquals("Expected a network (network(conf), or network(net) to start from its weights), but got none",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSearch.builder().build()).getMessage());
        assertEquals("Expected epochs > 0, but got 0",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSearch.builder()
                        .network(TinyNets.mlnConf(new Adam(1e-3))).trainData(DATA).evaluator(m -> 0).build()).getMessage());
    }
}
