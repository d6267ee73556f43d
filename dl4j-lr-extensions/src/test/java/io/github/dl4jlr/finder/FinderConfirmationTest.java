package io.github.dl4jlr.finder;

import ch.qos.logback.classic.Level;
import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.testutil.CapturedLog;
import io.github.dl4jlr.testutil.ClassificationNets;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confirmation stage on real networks: what it trains, what it measures on, and that it leaves no trace. */
class FinderConfirmationTest {

    private static final LearningRateFinder FINDER = LearningRateFinder.builder().numIterations(60).confirm(ConfirmMode.ALWAYS).build();

    @Test
    void everyCandidateIsTriedOnHeldBackMinibatchesAndTheWinnerIsTheSuggestion(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        INDArray before = net.params().dup();
        DataSetIterator firstFour = TinyNets.iterator(20, 16, 5);
        List<DataSet> heldBack = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            heldBack.add(firstFour.next());
        }
        double lossBefore = NetworkAdapter.of(net).meanLoss(heldBack);
        LrFinderResult r = FINDER.find(net, TinyNets.iterator(20, 16, 5));

        Confirmation c = r.confirmation().orElseThrow();
        assertTrue(c.ran(), c.skippedBecause());
        assertEquals("4 held-back training minibatches", c.heldOut(), "a fifth of 20, at most 5");
        assertEquals(lossBefore, c.startLoss(), 1e-12, "the baseline: the untrained network on those minibatches");
        assertEquals(ConfirmationRules.trialIterations(r.iterations()), c.iterationsPerCandidate());
        assertEquals(ConfirmationRules.candidates(r.learningRates(), r.smoothedLosses(), 0.5, 1.5),
                c.trials().stream().map(TrialOutcome::candidate).toList(), "every distinct candidate, once");
        assertTrue(c.trials().stream().allMatch(t -> t.diverged() || t.iterationsRun() == c.iterationsPerCandidate()));
        assertEquals(c.trials().stream().mapToInt(TrialOutcome::iterationsRun).sum(), c.iterations());
        assertTrue(c.iterations() <= 3 * r.iterations(), "at most 3x the sweep: " + c.iterations());
        TrialOutcome won = c.winner().orElseThrow();
        assertEquals(won.candidate().learningRate(), r.suggestion().getAsDouble(), 0.0);
        assertEquals(won.candidate().learningRate(), r.suggestion(SuggestionMethod.CONFIRMED).getAsDouble(), 0.0);
        assertTrue(r.summary().contains("; suggestion (confirmed: " + won.candidate().label() + " won "
                + c.iterationsPerCandidate() + "-iteration trials on 4 held-back training minibatches (the lowest rate "
                + "within 5% of the best loss); candidates: the curve's rules)="), r.summary());
        assertTrue(r.summary().contains(" (won)"), r.summary());
        assertArrayEquals(before.toDoubleVector(), net.params().toDoubleVector(), 0.0, "the network is untouched");

        List<String> csv = Files.readAllLines(r.writeTrialsCsv(dir.resolve("trials.csv")));
        assertEquals("candidate,lr,methods,trial_iteration,heldout_loss,diverged,won", csv.get(0));
        assertEquals(1 + c.trials().size() * 4, csv.size(), "one row per candidate and checkpoint");
        assertNotNull(ImageIO.read(r.savePlot(dir.resolve("finder.png")).toFile()));
    }

    @Test
    void aValidationIteratorIsTheHeldOutDataWhenGiven() {
        LrFinderResult r = LearningRateFinder.builder().numIterations(40).validation(TinyNets.iterator(2, 30, 9))
                .confirm(ConfirmMode.ALWAYS).build()
                .find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(10, 16, 5));
        assertEquals("the validation iterator", r.confirmation().orElseThrow().heldOut());
    }

    @Test
    void onAFallingCurveTheDefaultRunsNoTrialsAndAutoDecides() {
        LrFinderResult r = LearningRateFinder.builder().numIterations(40).build()
                .find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(10, 16, 5));
        assertFalse(r.flat(), "a fresh network's loss falls: " + r.fall());
        assertTrue(r.confirmation().isEmpty());
        assertEquals(SuggestionMethod.CONFIRMED, r.method());
        assertEquals(r.suggestion(SuggestionMethod.AUTO).getAsDouble(), r.suggestion().getAsDouble(), 0.0);
        assertTrue(r.summary().contains("; suggestion (auto: blend for an Adam-type updater)="), r.summary());
        assertFalse(r.summary().contains("confirmed="), r.summary());
        assertFalse(r.summary().contains("did not fall"), r.summary());
        assertEquals(r.iterations(), r.totalIterations());
    }

    @Test
    void withFrozenLayersTheDefaultLetsTrialsChooseAmongTheCurvesRules() {
        // the same falling curve as above, from a network whose first layer TransferLearning froze
        MultiLayerNetwork frozen = new org.deeplearning4j.nn.transferlearning.TransferLearning.Builder(
                TinyNets.mln(new Adam(1e-3))).setFeatureExtractor(0).build();
        LrFinderResult r = LearningRateFinder.builder().numIterations(40).build()
                .find(frozen, TinyNets.iterator(10, 16, 5));
        assertTrue(r.frozenLayers());
        assertFalse(r.flat(), "the head's loss falls: " + r.fall());
        assertFalse(r.trained(), "it counts as fresh: its head has learned nothing");
        assertTrue(r.confirmation().isPresent() && r.confirmation().get().ran(), r.summary());
        assertTrue(r.confirmation().get().trials().stream().noneMatch(t -> t.candidate().fromBracket()),
                "the candidates are the curve's rules");
        assertTrue(r.confirmedBy(SuggestionMethod.CONFIRMED), r.summary());
        assertTrue(r.summary().contains("the network has frozen layers, as when a pretrained network is fine-tuned"),
                r.summary());
        assertFalse(LearningRateFinder.builder().numIterations(40).build()
                .find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(10, 16, 5)).frozenLayers());
    }

    @Test
    void confirmationWithAnotherDefaultRuleReportsTheWinnerBesideIt() {
        LrFinderResult r = LearningRateFinder.builder().numIterations(40).confirm(ConfirmMode.ALWAYS).trialIterations(12)
                .suggestion(SuggestionMethod.AUTO).build()
                .find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(10, 16, 5));
        Confirmation c = r.confirmation().orElseThrow();
        assertEquals(12, c.iterationsPerCandidate());
        assertEquals(r.suggestion(SuggestionMethod.AUTO).getAsDouble(), r.suggestion().getAsDouble(), 0.0);
        double won = c.winner().orElseThrow().candidate().learningRate();
        assertEquals(won, r.suggestion(SuggestionMethod.CONFIRMED).getAsDouble(), 0.0);
        assertTrue(r.summary().contains(", confirmed=" + String.format(java.util.Locale.ROOT, "%.1e", won)),
                r.summary());
        assertEquals(r.iterations() + c.iterations(), r.totalIterations());
    }

    @Test
    void neverAfterAlwaysSwitchesTheTrialsOffAndTheSuggestionIsAuto() {
        LrFinderResult r = LearningRateFinder.builder().numIterations(40).confirm(ConfirmMode.ALWAYS).confirm(ConfirmMode.NEVER).build()
                .find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(10, 16, 5));
        assertTrue(r.confirmation().isEmpty());
        assertEquals(SuggestionMethod.CONFIRMED, r.method(), "one default whatever the mode");
        assertEquals(r.suggestion(SuggestionMethod.AUTO).getAsDouble(), r.suggestion().getAsDouble(), 0.0);
    }

    @Test
    void aSingleMinibatchCannotBeHeldBackSoTheRuleDecides() {
        LrFinderResult r = LearningRateFinder.builder().numIterations(30).confirm(ConfirmMode.ALWAYS).build()
                .find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(1, 16, 5));
        Confirmation c = r.confirmation().orElseThrow();
        assertFalse(c.ran());
        assertTrue(c.skippedBecause().startsWith("the training iterator has a single minibatch"), c.skippedBecause());
        assertEquals(r.suggestion(SuggestionMethod.AUTO).getAsDouble(), r.suggestion().getAsDouble(), 0.0);
    }

    /**
     * Training data that turns into NaN whenever the network trains at a fixed learning rate of at least
     * {@code poisonFrom}: the sweep (a schedule) never sees it, the trials of the high candidates do.
     */
    private static DataSetIterator poisonedAbove(MultiLayerNetwork net, double poisonFrom) {
        DataSetIterator it = TinyNets.iterator(20, 16, 5);
        it.setPreProcessor((DataSetPreProcessor) ds -> {
            IUpdater u = NetworkAdapter.of(net).trainedUpdaters().get(0);
            LearningRateConfig lr = LearningRateConfig.read(u);
            if (lr.schedule() == null && lr.learningRate() >= poisonFrom) {
                ds.getFeatures().putScalar(0, 0, Double.NaN);
            }
        });
        return it;
    }

    @Test
    void aNanInATrialDisqualifiesThatCandidateAndTheModelIsStillRestoredBitForBit() {
        List<TrialOutcome> clean = FINDER.find(TinyNets.mln(new Adam(1e-3)), TinyNets.iterator(20, 16, 5))
                .confirmation().orElseThrow().trials();
        assertTrue(clean.size() >= 2, clean.toString());
        double highest = clean.get(clean.size() - 1).candidate().learningRate();

        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        net.fit(TinyNets.iterator(3, 16, 1));
        INDArray params = net.params().dup();
        INDArray state = net.getUpdater().getStateViewArray().dup();
        LrFinderResult r = FINDER.find(net, poisonedAbove(net, highest));

        Confirmation c = r.confirmation().orElseThrow();
        TrialOutcome last = c.trials().get(c.trials().size() - 1);
        assertTrue(last.diverged(), "the poisoned trial is out: " + last);
        assertTrue(last.iterationsRun() < c.iterationsPerCandidate(), "and stopped at once");
        assertTrue(c.chosen() >= 0 && c.chosen() < c.trials().size() - 1, "another candidate won");
        assertTrue(r.summary().contains(" diverged"), r.summary());
        assertArrayEquals(params.toDoubleVector(), net.params().toDoubleVector(), 0.0, "parameters");
        assertArrayEquals(state.toDoubleVector(), net.getUpdater().getStateViewArray().toDoubleVector(), 0.0,
                "updater state");
        assertEquals(1e-3, net.getLearningRate(0), 0.0);
    }

    /** 20 -> 64 -> 64 -> 10 with Adam on the hidden layers and Nesterovs on the output. */
    private static MultiLayerNetwork mixedUpdaters() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12)
                .weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(64).activation(Activation.RELU).updater(new Adam(1e-3)).build())
                .layer(new DenseLayer.Builder().nIn(64).nOut(64).activation(Activation.RELU).updater(new Adam(1e-3)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(64).nOut(10)
                        .activation(Activation.SOFTMAX).updater(new Nesterovs(1e-2, 0.9)).build())
                .build());
        net.init();
        return net;
    }

    @Test
    void aMomentumVelocityBuiltAtTheTrainingRateIsNotCarriedIntoTheSweepOrTheTrials() {
        MultiLayerNetwork inherited = mixedUpdaters();
        MultiLayerNetwork cleared = mixedUpdaters();
        for (MultiLayerNetwork net : List.of(inherited, cleared)) {
            for (int e = 0; e < 2; e++) {
                net.fit(ClassificationNets.mixture(40, 1));
            }
        }
        assertArrayEquals(inherited.params().toDoubleVector(), cleared.params().toDoubleVector(), 0.0);
        INDArray stateBefore = inherited.getUpdater().getStateViewArray().dup();
        assertTrue(NetworkAdapter.of(cleared).clearMomentumVelocity(), "the output layer's Nesterovs velocity was set");

        LrFinderResult r = FINDER.find(inherited, ClassificationNets.mixture(40, 2));
        LrFinderResult byHand = FINDER.find(cleared, ClassificationNets.mixture(40, 2));
        assertArrayEquals(byHand.losses(), r.losses(), 0.0, "the sweep started from a zero velocity");
        assertEquals(byHand.confirmation().orElseThrow().trials(), r.confirmation().orElseThrow().trials(),
                "so did every trial");
        assertEquals(stateBefore, inherited.getUpdater().getStateViewArray(), "and the velocity is restored afterwards");
    }

    @Test
    void anAlreadyTrainedNetworkGivesAFlatCurveSoTheDefaultTriesTheCandidates() {
        for (MultiLayerNetwork net : List.of(mixedUpdaters(), ClassificationNets.mlp(new Adam(1e-2)))) {
            for (int e = 0; e < 2; e++) {
                net.fit(ClassificationNets.mixture(40, 1));
            }
            LrFinderResult r = LearningRateFinder.builder().build().find(net, ClassificationNets.mixture(40, 2));
            double stop = r.learningRates()[r.iterations() - 1];
            assertTrue(stop > 1e-3, "the test ran into learning rates that matter before stopping: " + r.summary());
            assertTrue(r.flat(), "a trained network's loss stays level: " + r.fall());
            assertTrue(r.confirmedBy(SuggestionMethod.CONFIRMED), r.summary());
            assertTrue(r.summary().contains("; the loss did not fall as the LR grew (it fell by "), r.summary());
            assertTrue(r.summary().endsWith("cannot be read: the suggestion is the trials' winner"), r.summary());
            assertTrue(r.suggestion().getAsDouble() > 1e-5, "not a value read off noise at the start: " + r.summary());
            Confirmation c = r.confirmation().orElseThrow();
            assertTrue(c.trials().stream().allMatch(t -> t.candidate().fromBracket()), "the stable bracket, not the rules");
            double top = r.divergedAt().orElse(r.learningRates()[r.iterations() - 1]);
            assertTrue(c.trials().stream().allMatch(t -> t.candidate().learningRate() <= top / Math.sqrt(10) * 1.0001),
                    "never above top / 3.16: " + c.trials());
            assertTrue(c.trials().stream().anyMatch(t -> t.candidate().learningRate() >= top / 10 * 0.9999),
                    "up to top / 10 at least: " + c.trials());
            assertTrue(c.bracket().startsWith("half-decades below"), c.bracket());
            assertTrue(r.summary().contains("candidates: half-decades below"), r.summary());
            assertTrue(r.trained(), "two epochs took its loss below three quarters of chance: " + r.startLoss());
            assertEquals(ConfirmationRules.largestTied(c.trials(), c.tolerance()).getAsInt(), c.chosen(),
                    "the largest tied rate wins on a trained network's bracket: " + r.summary());
            assertTrue(r.summary().contains("(the largest rate within 5% of the best loss)"), r.summary());

            LrFinderResult curveOnly = LearningRateFinder.builder().confirm(ConfirmMode.NEVER).build()
                    .find(net, ClassificationNets.mixture(40, 2));
            assertTrue(curveOnly.confirmation().isEmpty());
            assertTrue(curveOnly.summary().endsWith("let the finder try candidates (ConfirmMode.WHEN_FLAT, the "
                    + "default), or keep the learning rate you train with"), curveOnly.summary());
        }
    }

    @Test
    void aNetworkThatHasLearnedIsReadByTheTrialsWhateverTheShapeOfItsCurve() {
        MultiLayerNetwork net = ClassificationNets.mlp(new Adam(1e-2));
        for (int e = 0; e < 2; e++) {
            net.fit(ClassificationNets.mixture(40, 1));
        }
        LrFinderResult r;
        try (CapturedLog log = CapturedLog.of(LearningRateFinder.class)) {
            r = LearningRateFinder.builder().build().find(net, ClassificationNets.mixture(40, 2));
            assertEquals(List.of(LearningRateFinder.SEEN_HELD_OUT), log.messages(Level.WARN).stream()
                    .filter(m -> m.startsWith("LR finder: the network has already been trained")).toList());
        }
        assertTrue(r.confirmation().orElseThrow().heldOut().endsWith("held-back training minibatches (a trained "
                + "network has likely been fitted on them)"), r.confirmation().orElseThrow().heldOut());
        double before = NetworkAdapter.of(net).meanLoss(ClassificationNets.mixture(40, 3));
        try (CapturedLog log = CapturedLog.of(LearningRateFinder.class)) {
            LrFinderResult v = LearningRateFinder.builder().validation(ClassificationNets.mixture(40, 3)).build()
                    .find(net, ClassificationNets.mixture(40, 2));
            assertTrue(log.messages(Level.WARN).stream().noneMatch(m -> m.equals(LearningRateFinder.SEEN_HELD_OUT)),
                    "with a validation iterator the trials are judged on it");
            Confirmation c = v.confirmation().orElseThrow();
            assertEquals(before, c.startLoss(), 0.0, "the trials' baseline is the network as it came, on the "
                    + "validation iterator");
            assertTrue(v.summary().contains(String.format(Locale.ROOT, "; trials (held-out loss before them %.3g): ",
                    before)), v.summary());
        }
        assertEquals(Math.log(ClassificationNets.CLASSES), r.chanceLoss(), 0.05,
                "about ln(classes) on balanced classes: " + r.chanceLoss());
        assertTrue(r.trained(), "loss " + r.startLoss() + " against a chance level of " + r.chanceLoss());
        assertTrue(r.confirmedBy(SuggestionMethod.CONFIRMED), r.summary());
        assertTrue(r.confirmation().orElseThrow().trials().stream().allMatch(t -> t.candidate().fromBracket()),
                "the stable bracket, not the rules: " + r.summary());

        MultiLayerNetwork fresh = ClassificationNets.mlp(new Adam(1e-2));
        LrFinderResult f = LearningRateFinder.builder().build().find(fresh, ClassificationNets.mixture(40, 2));
        assertFalse(f.trained(), "a fresh network starts near chance: " + f.startLoss() + " vs " + f.chanceLoss());
        assertFalse(f.summary().contains("re-initialise"), f.summary());
    }

    /** The mixture's inputs with labels drawn apart from them: no network can learn much from them. */
    private static DataSetIterator shuffledLabels(int batches, long seed) {
        DataSetIterator it = ClassificationNets.mixture(batches, seed);
        Random r = new Random(seed + 1);
        List<DataSet> out = new ArrayList<>();
        while (it.hasNext()) {
            DataSet d = it.next();
            INDArray labels = Nd4j.zeros(d.getLabels().dataType(), d.getLabels().shape());
            for (int i = 0; i < labels.rows(); i++) {
                labels.putScalar(i, r.nextInt(ClassificationNets.CLASSES), 1);
            }
            out.add(new DataSet(d.getFeatures(), labels));
        }
        return new ListDataSetIterator<>(out, 1);     // each element is already a minibatch of 32
    }

    @Test
    void aNetworkFittedLongerThanTheSweepIsReadByTheTrialsThoughItsLossStaysNearChance() {
        MultiLayerNetwork net = ClassificationNets.mlp(new Adam(1e-3));
        for (int e = 0; e < 3; e++) {
            net.fit(shuffledLabels(40, 1));
        }
        LrFinderResult r = LearningRateFinder.builder().validation(shuffledLabels(10, 3)).build()
                .find(net, shuffledLabels(40, 2));
        assertEquals(120, r.priorIterations());
        assertTrue(r.priorIterations() >= r.iterations(), "the sweep is shorter: " + r.iterations());
        assertFalse(r.learned(), "its loss stays near chance: " + r.startLoss() + " vs " + r.chanceLoss());
        assertTrue(r.trained(), "but the count says it was trained");
        assertTrue(r.confirmation().orElseThrow().trials().stream().allMatch(t -> t.candidate().fromBracket()),
                "the stable bracket, not the rules: " + r.summary());
        assertTrue(r.summary().contains("; the network has already trained (fitted on 120 minibatches before the "
                + "sweep, at least the sweep's " + r.iterations() + "), so the curve is not a fresh network's"),
                r.summary());

        MultiLayerNetwork brief = ClassificationNets.mlp(new Adam(1e-3));
        brief.fit(shuffledLabels(10, 1));
        LrFinderResult b = LearningRateFinder.builder().confirm(ConfirmMode.NEVER).build()
                .find(brief, shuffledLabels(40, 2));
        assertEquals(10, b.priorIterations());
        assertFalse(b.trained(), "10 minibatches, fewer than the sweep's " + b.iterations() + ": still a fresh curve");
    }

    @Test
    void aFreshNetworkThatStartsAboveChanceIsNotBroken() {
        MultiLayerNetwork net = ClassificationNets.mlp(new Adam(1e-2));
        net.getLayer(net.getnLayers() - 1).getParam("W").muli(3);      // a fresh network, less lucky in its init
        LrFinderResult r = LearningRateFinder.builder().build().find(net, ClassificationNets.mixture(40, 2));
        assertTrue(r.startLoss() > r.chanceLoss(), "starts above chance: " + r.startLoss() + " vs " + r.chanceLoss());
        assertFalse(r.summary().contains("re-initialise"), r.summary());
        assertFalse(r.summary().contains("diverged or died"), r.summary());
    }

    @Test
    void everyEntryPointRefusesAnUninitialisedNetwork() {
        MultiLayerNetwork raw = new MultiLayerNetwork(TinyNets.mlnConf(new Adam(1e-3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FINDER.find(raw, TinyNets.iterator(4, 16, 1)));
        assertTrue(e.getMessage().contains("call net.init()"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder().build().attachTo(raw));
        assertTrue(e.getMessage().contains("call net.init()"), e.getMessage());
    }

    @Test
    void anIteratorThatCannotBeResetIsSaidSoAndLeftWhereTheFinderStopped() {
        List<org.nd4j.linalg.dataset.DataSet> batches = new java.util.ArrayList<>(TinyNets.data(200 * 16, 5, 1.5)
                .batchBy(16));
        int[] served = {0};
        DataSetIterator once = new org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator<>(batches, 1) {
            @Override
            public boolean resetSupported() {
                return false;
            }

            @Override
            public void reset() {
                throw new UnsupportedOperationException("no reset");
            }

            @Override
            public org.nd4j.linalg.dataset.DataSet next() {
                served[0]++;
                return super.next();
            }
        };
        LrFinderResult r = LearningRateFinder.builder().numIterations(40).confirm(ConfirmMode.ALWAYS).build()
                .find(TinyNets.mln(new Adam(1e-3)), once);
        Confirmation c = r.confirmation().orElseThrow();
        assertFalse(c.ran());
        assertEquals("the training iterator does not support reset(), so no minibatch can be held back for the trials "
                + "(set a validation iterator, or pass one that can be reset)", c.skippedBecause());
        assertEquals(r.iterations(), served[0], "left after the sweep's minibatches: the finder does not rewind it");
    }

    @Test
    void aNullValidationIteratorIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRateFinder.builder().validation((DataSetIterator) null));
        assertEquals("Expected validation to be non-null, but got null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ReduceLROnPlateau.builder().validation((DataSetIterator) null));
        assertEquals("Expected validation to be non-null, but got null", e.getMessage());
    }
}
