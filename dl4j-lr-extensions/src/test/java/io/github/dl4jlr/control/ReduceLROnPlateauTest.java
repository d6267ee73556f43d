package io.github.dl4jlr.control;

import io.github.dl4jlr.internal.rules.PlateauRules;
import ch.qos.logback.classic.Level;
import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.ScaledSchedule;
import io.github.dl4jlr.schedule.WarmupSchedule;
import io.github.dl4jlr.testutil.CapturedLog;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReduceLROnPlateauTest {

    private static final ISchedule WARMUP_COSINE = new WarmupSchedule(ScheduleType.ITERATION, 6, 0.0,
            new CosineDecaySchedule(ScheduleType.ITERATION, 1e-9, 1e-11, 200));

    /** A network whose loss cannot move: its learning rate is ~1e-9, so every epoch scores the same. */
    private static MultiLayerNetwork stuck(IUpdater updater) {
        return TinyNets.mln(updater);
    }

    @Test
    void aCutRescalesTheWholeScheduleInsteadOfFlatteningIt() {
        MultiLayerNetwork net = stuck(new Adam(WARMUP_COSINE));
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().patience(2).build().attachTo(net);
        for (int e = 0; e < 3; e++) {           // epoch 0 sets the baseline, epochs 1 and 2 do not improve
            net.fit(TinyNets.iterator(3, 10, 1));
        }
        assertEquals(1, plateau.reductions());
        IUpdater u = NetworkAdapter.of(net).trainedUpdaters().get(0);
        assertEquals(new ScaledSchedule(WARMUP_COSINE, 0.1), LearningRateConfig.read(u).schedule());
        for (int t : new int[]{0, 3, 6, 50, 199, 300}) {
            assertEquals(0.1 * WARMUP_COSINE.valueAt(t, 0), u.getLearningRate(t, 0), 1e-24, "t=" + t);
        }
        PlateauRecord cut = plateau.history().get(2);
        assertEquals(PlateauDecision.REDUCE, cut.decision());
        assertEquals(0.1 * cut.lrBefore(), cut.lrAfter(), 1e-24);
    }

    @Test
    void theComposedScheduleSurvivesModelSerializerAndResumesIdentically(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = stuck(new Adam(WARMUP_COSINE));
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().patience(1).build().attachTo(net);
        net.fit(TinyNets.iterator(3, 10, 1));
        net.fit(TinyNets.iterator(3, 10, 1));
        assertEquals(1, plateau.reductions());
        File file = dir.resolve("m.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file, true);

        IUpdater restored = NetworkAdapter.of(back).trainedUpdaters().get(0);
        assertEquals(LearningRateConfig.read(NetworkAdapter.of(net).trainedUpdaters().get(0)),
                LearningRateConfig.read(restored));
        assertTrue(LearningRateConfig.read(restored).schedule() instanceof ScaledSchedule);
        net.setListeners(List.of());
        net.fit(TinyNets.iterator(3, 10, 2));
        back.fit(TinyNets.iterator(3, 10, 2));
        assertArrayEquals(net.params().toDoubleVector(), back.params().toDoubleVector(), 0.0);
        assertEquals(net.getLearningRate(0), back.getLearningRate(0));
    }

    @Test
    void logsEveryCut() {
        List<String> lines;
        try (CapturedLog logs = CapturedLog.of(ReduceLROnPlateau.class)) {
            MultiLayerNetwork net = stuck(new Sgd(1e-12));
            ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().patience(2).validation(TinyNets.iterator(2, 10, 9))
                    .build().attachTo(net);
            for (int e = 0; e < 3; e++) {
                net.fit(TinyNets.iterator(3, 10, 1));
            }
            assertEquals(1, plateau.reductions());
            lines = logs.messages(Level.INFO);
        }
        String line = lines.get(lines.size() - 1);
        assertTrue(line.matches("epoch 2: validation loss \\d\\.\\d{3} has not improved by 1e-04 for 2 epochs; "
                + "learning rate x0\\.1 \\(1\\.0e-12 -> 1\\.0e-13\\) on 2 layers"), line);
    }

    @Test
    void minLrClampsTheCutAndThenExhaustionEndsEarlyStopping() {
        MultiLayerNetwork net = stuck(new Sgd(1e-10));
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().patience(2).minLr(2e-12).build().attachTo(net);
        EarlyStoppingConfiguration<MultiLayerNetwork> conf = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(plateau.terminationCondition(), new MaxEpochsTerminationCondition(40))
                .scoreCalculator(new DataSetLossCalculator(TinyNets.iterator(2, 10, 9), true))
                .modelSaver(new InMemoryModelSaver<>())
                .build();
        EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(conf, net, TinyNets.iterator(3, 10, 1)).fit();

        assertEquals(EarlyStoppingResult.TerminationReason.EpochTerminationCondition, result.getTerminationReason());
        assertTrue(result.getTerminationDetails().contains("PlateauTerminationCondition"), result.getTerminationDetails());
        // Baseline at epoch 0; 1e-10 -> 1e-11 at epoch 2, -> 2e-12 (clamped at minLr) at epoch 4, exhausted at 6.
        assertEquals(7, result.getTotalEpochs());
        assertEquals(2, plateau.reductions());
        assertEquals(2e-12, plateau.history().get(4).lrAfter(), 1e-24);
        assertEquals(PlateauDecision.EXHAUSTED, plateau.history().get(6).decision());
        assertTrue(plateau.isExhausted());
    }

    @Test
    void adaDeltaIsRejectedWhenAttached() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReduceLROnPlateau.builder().build().attachTo(TinyNets.mln(new AdaDelta())));
        assertTrue(e.getMessage().startsWith("Expected an updater with a learning rate, but got AdaDelta"), e.getMessage());
        MultiLayerNetwork net = TinyNets.mln(new AdaDelta());
        net.setListeners(ReduceLROnPlateau.builder().build());
        assertThrows(IllegalArgumentException.class, () -> net.fit(TinyNets.iterator(3, 10, 1)),
                "a listener added directly fails at the first epoch start, before any training");
    }
}
