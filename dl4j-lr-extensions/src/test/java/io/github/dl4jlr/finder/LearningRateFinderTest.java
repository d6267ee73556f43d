package io.github.dl4jlr.finder;

import ch.qos.logback.classic.Level;
import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.ScaledSchedule;
import io.github.dl4jlr.schedule.WarmupSchedule;
import io.github.dl4jlr.testutil.CapturedLog;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearningRateFinderTest {

    private static final LearningRateFinder QUICK = LearningRateFinder.builder().numIterations(40).build();

    static Stream<Arguments> updaters() {
        return Stream.of(
                Arguments.of("sgd", new Sgd(0.05)),
                Arguments.of("nesterovs", new Nesterovs(0.05, 0.9)),
                Arguments.of("adam", new Adam(1e-3)),
                Arguments.of("adam+schedule", new Adam(new WarmupSchedule(ScheduleType.ITERATION, 5, 0.0,
                        new CosineDecaySchedule(ScheduleType.ITERATION, 1e-2, 1e-4, 50)))));
    }

    /** Everything the finder must leave untouched, copied. */
    private record State(double[] params, double[] updaterState, int iteration, int epoch,
                         List<IUpdater> updaters, List<LearningRateConfig> lrs, List<TrainingListener> listeners) {

        static State of(Model model) {
            NetworkAdapter net = NetworkAdapter.of(model);
            INDArray state = net.updaterState();
            List<LearningRateConfig> lrs = new ArrayList<>();
            for (IUpdater u : net.trainedUpdaters()) {
                lrs.add(LearningRateConfig.read(u));
            }
            return new State(net.params().toDoubleVector(), state == null ? null : state.toDoubleVector(),
                    net.iterationCount(), net.epochCount(), net.trainedUpdaters(), lrs, new ArrayList<>(net.listeners()));
        }

        void assertSameAs(State after) {
            assertArrayEquals(params, after.params, 0.0, "parameters");
            assertArrayEquals(updaterState, after.updaterState, 0.0, "updater state");
            assertEquals(iteration, after.iteration, "iteration count");
            assertEquals(epoch, after.epoch, "epoch count");
            assertEquals(updaters.size(), after.updaters.size());
            for (int i = 0; i < updaters.size(); i++) {
                assertSame(updaters.get(i), after.updaters.get(i), "updater object " + i);
            }
            assertEquals(lrs, after.lrs, "learning rates and schedules");
            assertEquals(listeners, after.listeners, "listeners");
        }
    }

    private static final class CountingListener extends BaseTrainingListener {
        int iterations;

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            iterations++;
        }
    }

    private static void copyUpdaterState(INDArray from, INDArray to) {
        assertEquals(from == null, to == null);
        if (from != null) {
            to.assign(from);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void leavesAMultiLayerNetworkExactlyAsItFoundIt(String name, IUpdater updater) {
        MultiLayerNetwork net = TinyNets.mln(updater);
        CountingListener user = new CountingListener();
        net.setListeners(user);
        net.fit(TinyNets.iterator(4, 16, 1));
        net.fit(TinyNets.iterator(4, 16, 1));
        int seenBefore = user.iterations;
        MultiLayerConfiguration json = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        MultiLayerNetwork twin = new MultiLayerNetwork(json);
        twin.init(net.params().dup(), false);
        copyUpdaterState(net.getUpdater().getStateViewArray(), twin.getUpdater().getStateViewArray());

        State before = State.of(net);
        LrFinderResult result = QUICK.find(net, TinyNets.iterator(4, 16, 2));
        before.assertSameAs(State.of(net));
        assertEquals(seenBefore, user.iterations, "user listeners must not see the test's iterations");
        assertTrue(result.iterations() > 5);

        // The next step is the one the untouched twin takes.
        DataSet batch = TinyNets.data(16, 3);
        net.setListeners(new ArrayList<>());
        net.fit(batch);
        twin.fit(batch);
        assertArrayEquals(twin.params().toDoubleVector(), net.params().toDoubleVector(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void leavesAComputationGraphExactlyAsItFoundIt(String name, IUpdater updater) {
        ComputationGraph graph = TinyNets.graph(updater);
        graph.fit(TinyNets.iterator(4, 16, 1));
        graph.fit(TinyNets.iterator(4, 16, 1));
        ComputationGraph twin = new ComputationGraph(ComputationGraphConfiguration.fromJson(graph.getConfiguration().toJson()));
        twin.init(graph.params().dup(), false);
        copyUpdaterState(graph.getUpdater().getStateViewArray(), twin.getUpdater().getStateViewArray());

        State before = State.of(graph);
        QUICK.find(graph, TinyNets.iterator(4, 16, 2));
        before.assertSameAs(State.of(graph));

        DataSet batch = TinyNets.data(16, 3);
        graph.fit(batch);
        twin.fit(batch);
        assertArrayEquals(twin.params().toDoubleVector(), graph.params().toDoubleVector(), 0.0);
    }

    @Test
    void reusesAShortIteratorAndRecordsTheRampItRan() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.01));
        LearningRateFinder finder = LearningRateFinder.builder().startLr(1e-5).endLr(1e-3).numIterations(25).build();
        LrFinderResult r = finder.find(net, TinyNets.iterator(3, 10, 4));
        assertEquals(StopReason.COMPLETED, r.stopReason());
        assertEquals(25, r.iterations());
        double[] lrs = r.learningRates();
        assertEquals(1e-5, lrs[0], 1e-20);
        assertEquals(1e-4, lrs[12], 1e-16);     // exponential: half-way in log space
        assertEquals(1e-3, lrs[24], 1e-16);
        assertTrue(r.summary().contains("completed without diverging"), r.summary());
    }

    @Test
    void autoSuggestsBlendForAdamAndMinDiv10ForNesterovs() {
        LearningRateFinder finder = LearningRateFinder.builder().numIterations(60).confirm(ConfirmMode.NEVER)
                .suggestion(SuggestionMethod.AUTO).build();

        LrFinderResult adam = finder.find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(20, 16, 5));
        assertEquals(UpdaterFamily.ADAM, adam.updaterFamily().orElseThrow());
        assertEquals(adam.suggestion(SuggestionMethod.BLEND).getAsDouble(), adam.suggestion().getAsDouble(), 0.0);
        assertEquals(SuggestionMethod.BLEND, adam.detail(SuggestionMethod.AUTO).orElseThrow().method());
        assertTrue(adam.summary().contains("; suggestion (auto: blend for an Adam-type updater)="), adam.summary());
        assertTrue(adam.summary().contains(", min/10="), adam.summary());

        LrFinderResult sgd = finder.find(TinyNets.mln(new Nesterovs(1e-3, 0.9)), TinyNets.iterator(20, 16, 5));
        assertEquals(UpdaterFamily.OTHER, sgd.updaterFamily().orElseThrow());
        assertEquals(sgd.suggestion(SuggestionMethod.MINIMUM_DIV_10).getAsDouble(), sgd.suggestion().getAsDouble(), 0.0);
        assertTrue(sgd.summary().contains("; suggestion (auto: min/10 for a non-Adam updater)="), sgd.summary());
        assertTrue(sgd.summary().contains(", blend="), sgd.summary());
    }

    @Test
    void aScheduledNetworkHearsThatTheSuggestionIsAMeanRateAndAFixedOneDoesNot() {
        LearningRateFinder finder = LearningRateFinder.builder().numIterations(60).confirm(ConfirmMode.NEVER).build();
        ISchedule cosine = new CosineDecaySchedule(ScheduleType.ITERATION, 1e-3, 0, 500);
        try (CapturedLog log = CapturedLog.of(LearningRateFinder.class)) {
            LrFinderResult scheduled = finder.find(TinyNets.mln(new Adam(ScaledSchedule.of(cosine, 2))),
                    TinyNets.iterator(20, 16, 5));
            String rate = String.format(Locale.ROOT, "%.1e", scheduled.suggestion().getAsDouble());
            assertEquals(List.of("LR finder: your learning rate follows a CosineDecaySchedule, and the suggestion, "
                    + rate + ", is a rate for constant training, not a peak: a schedule with that mean rate is "
                    + "ScaledSchedule.withMean(schedule, " + rate + ", steps) (a cosine decay to zero peaks at twice "
                    + "it, which can cross a cliff the sweep does not see), or let LearningRateSearch judge peaks over "
                    + "your schedule"), log.messages(Level.INFO).stream()
                    .filter(m -> m.contains("follows a")).toList());
            finder.find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(20, 16, 5));
            assertEquals(1, log.messages(Level.INFO).stream().filter(m -> m.contains("follows a")).count(),
                    "a fixed rate hears nothing of schedules");
        }
    }

    @Test
    void aNesterovsCurveIsReadAtTheConstantRatesItsStepsStandForAndOtherCurvesAtTheirOwn() {
        LearningRateFinder finder = LearningRateFinder.builder().numIterations(60).confirm(ConfirmMode.NEVER)
                .suggestion(SuggestionMethod.AUTO).build();
        LrFinderResult nesterovs = finder.find(TinyNets.mln(new Nesterovs(1e-3, 0.9)), TinyNets.iterator(20, 16, 5));
        double[] momenta = nesterovs.nesterovMomenta().orElseThrow();
        assertEquals(nesterovs.iterations(), momenta.length);
        assertEquals(0.9, momenta[momenta.length - 1], 1e-12);
        SuggestionRules.Suggestion s = nesterovs.detail(SuggestionMethod.MINIMUM_DIV_10).orElseThrow();
        double swept = nesterovs.learningRates()[s.index()];
        double[] read = MomentumLag.equivalentRates(nesterovs.learningRates(), momenta);
        assertEquals(read[s.index()] / 10, s.learningRate(), 1e-15);
        // 60 steps from 1e-7 to 10: each rate 1.37x the one before, read at 0.1 * (1.9 + 0.81 / 0.47) = 0.362 of it
        assertEquals(0.362, s.learningRate() * 10 / swept, 0.01);
        assertTrue(nesterovs.summary().contains("(read as the constant rates that Nesterovs' steps with momentum 0.9 "
                + "stand for, 0.36x the sweep's at its end"), nesterovs.summary());

        LrFinderResult sgd = finder.find(TinyNets.mln(new Sgd(1e-3)), TinyNets.iterator(20, 16, 5));
        assertTrue(sgd.nesterovMomenta().isEmpty());
        SuggestionRules.Suggestion plain = sgd.detail(SuggestionMethod.MINIMUM_DIV_10).orElseThrow();
        assertEquals(sgd.learningRates()[plain.index()] / 10, plain.learningRate(), 0.0);
        assertTrue(!sgd.summary().contains("read as the constant rates"), sgd.summary());
    }

    @Test
    void theSmallestMomentumOfTheLayersAtAStepIsRead() {
        assertEquals(0.8, LrRangeTestListener.nesterovMomentum(
                List.of(new Nesterovs(0.1, 0.9), new Nesterovs(0.1, 0.8)), 0, 0), 1e-12);
        MultiLayerConfiguration conf = TinyNets.mlnConf(new Nesterovs(1e-3, 0.9));
        ((BaseLayer) conf.getConf(1).getLayer()).setIUpdater(new Sgd(1e-3));
        MultiLayerNetwork mixedNet = new MultiLayerNetwork(conf);
        mixedNet.init();
        LrFinderResult mixed = LearningRateFinder.builder().numIterations(30).confirm(ConfirmMode.NEVER).build()
                .find(mixedNet, TinyNets.iterator(20, 16, 5));
        assertTrue(mixed.nesterovMomenta().isEmpty(), "not every layer has Nesterovs");
    }

    @Test
    void linearRampIsLinear() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.01));
        LrFinderResult r = LearningRateFinder.builder().startLr(0.001).endLr(0.011).numIterations(11)
                .mode(RampMode.LINEAR).build().find(net, TinyNets.iterator(3, 10, 4));
        assertEquals(0.006, r.learningRates()[5], 1e-15);
    }

    @Test
    void divergenceAtTheFirstStepsStillReturnsAResultWithoutSuggestion() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.01));
        LrFinderResult r = LearningRateFinder.builder().startLr(1e4).endLr(1e8).numIterations(50).build()
                .find(net, TinyNets.iterator(3, 10, 4));
        assertTrue(r.stopReason() == StopReason.DIVERGED || r.stopReason() == StopReason.NON_FINITE, r.summary());
        assertTrue(r.iterations() < 10, r.summary());
        assertFalse(r.suggestion().isPresent());
        assertTrue(r.summary().contains("the LR range starts too high"), r.summary());
        assertTrue(Double.isFinite(net.params().sumNumber().doubleValue()), "restored parameters are finite");
    }

    @Test
    void nanLossCountsAsDivergenceAndNeverReachesTheSuggestion() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(0.01));
        List<DataSet> batches = new ArrayList<>(TinyNets.data(300, 5).asList());
        List<DataSet> poisoned = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            DataSet ex = batches.get(i);
            if (i == 25 * 10) {     // first example of the 26th minibatch of 10
                ex.getFeatures().putScalar(0, Double.NaN);
            }
            poisoned.add(ex);
        }
        LrFinderResult r = LearningRateFinder.builder().startLr(1e-5).endLr(1e-2).numIterations(30).build()
                .find(net, new ListDataSetIterator<>(poisoned, 10));
        assertEquals(StopReason.NON_FINITE, r.stopReason());
        assertEquals(26, r.iterations());
        assertTrue(Double.isNaN(r.losses()[25]));
        assertTrue(r.suggestion(SuggestionMethod.MINIMUM_DIV_10).isPresent());
        for (SuggestionMethod m : SuggestionMethod.values()) {   // AUTO included: resolved per network
            assertTrue(Double.isFinite(r.suggestion(m).getAsDouble()), m.toString());
            assertTrue(r.detail(m).orElseThrow().index() < 25, m.toString());
        }
        assertTrue(Double.isFinite(net.params().sumNumber().doubleValue()), "restored parameters are finite");
    }

    private static void rejects(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void updatersWithoutALearningRateGetAClearError() {
        String adaDelta = "Expected an updater with a learning rate, but got AdaDelta: it has no learning rate to control "
                + "(AdaDelta adapts its step size from gradient history; NoOp does not train). Use Sgd, Nesterovs, Adam, "
                + "RmsProp, AdaGrad, Nadam, AMSGrad, AdaMax or AdaBelief.";
        rejects(adaDelta, () -> QUICK.find(TinyNets.mln(new AdaDelta()), TinyNets.iterator(3, 10, 4)));
        rejects(adaDelta, () -> QUICK.find(TinyNets.graph(new AdaDelta()), TinyNets.iterator(3, 10, 4)));
        rejects("Expected a network with trainable parameters, but every parameter has a NoOp updater (frozen): "
                + "the range test has no learning rate to work on", () -> QUICK.find(TinyNets.mln(new NoOp()), TinyNets.iterator(3, 10, 4)));
    }

    @Test
    void badSettingsAndInputsGetClearErrors() {
        rejects("Expected startLr < endLr, but got startLr=1.0, endLr=0.1",
                () -> LearningRateFinder.builder().startLr(1).endLr(0.1).build());
        rejects("Expected startLr < endLr, but got startLr=0.1, endLr=0.1",
                () -> LearningRateFinder.builder().startLr(0.1).endLr(0.1).build());
        rejects("Expected startLr > 0 and finite, but got 0.0", () -> LearningRateFinder.builder().startLr(0).build());
        rejects("Expected endLr > 0 and finite, but got Infinity",
                () -> LearningRateFinder.builder().endLr(Double.POSITIVE_INFINITY).build());
        rejects("Expected numIterations >= 2, but got 0", () -> LearningRateFinder.builder().numIterations(0).build());
        rejects("Expected smoothing in [0.0, 1.0), but got 1.0", () -> LearningRateFinder.builder().smoothing(1).build());
        rejects("Expected divergenceFactor > 1 and finite, but got NaN",
                () -> LearningRateFinder.builder().divergenceFactor(Double.NaN).build());
        DataSetIterator empty = new ListDataSetIterator<>(new ArrayList<DataSet>(), 10);
        rejects("Expected a non-empty training iterator, but it has no minibatches",
                () -> QUICK.find(TinyNets.mln(new Sgd(0.1)), empty));
    }

    @Test
    void standaloneListenerRunsInTheUsersLoopAndPutsTheLearningRateBack() {
        Adam adam = new Adam(3e-3);
        MultiLayerNetwork net = TinyNets.mln(adam);
        LrRangeTestListener test = LearningRateFinder.builder().startLr(1e-6).endLr(1e-2).numIterations(15).build().listener();
        net.addListeners(test);
        DataSetIterator it = TinyNets.iterator(4, 10, 9);
        int steps = 0;
        while (!test.isDone()) {
            if (!it.hasNext()) {
                it.reset();
            }
            net.fit(it.next());
            steps++;
        }
        assertEquals(15, steps);
        assertEquals(15, test.result().iterations());
        assertEquals(1e-6, test.result().learningRates()[0], 1e-18);
        IUpdater layer0 = NetworkAdapter.of(net).trainedUpdaters().get(0);
        assertEquals(new LearningRateConfig(3e-3, null), LearningRateConfig.read(layer0));
        net.fit(it.next());
        assertEquals(15, test.result().iterations(), "iterations after the end are ignored");
    }
}
