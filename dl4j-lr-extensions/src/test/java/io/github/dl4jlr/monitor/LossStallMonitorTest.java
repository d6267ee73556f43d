package io.github.dl4jlr.monitor;

import ch.qos.logback.classic.Level;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.testutil.CapturedLog;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The epoch-level stall check on real training. */
class LossStallMonitorTest {

    @RegisterExtension
    final CapturedLog logs = CapturedLog.of(TrainingHealthMonitor.class);

    /** The epoch-level WARN lines (ratio warnings start with "iter=", epoch-level ones with "epoch="). */
    private List<String> warnings() {
        return logs.messages(Level.WARN).stream().filter(m -> m.startsWith("epoch=")).toList();
    }

    private static DataSetIterator train() {
        return new ListDataSetIterator<>(TinyNets.data(40, 5, 3.0).asList(), 10);
    }

    private static MonitorReport fit(MultiLayerNetwork net, TrainingHealthMonitor monitor, int epochs) {
        net.setListeners(monitor);
        net.fit(train(), epochs);
        return monitor.report();
    }

    @Test
    void aFarTooLowLearningRateWarnsOncePerStreakWithTheLowRatiosAsCause() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(1e-7));
        MonitorReport r = fit(net, TrainingHealthMonitor.builder().frequency(1).build(), 6);
        assertEquals(1, r.stalls().size(), r.stalls().toString());
        LossStall s = r.stalls().get(0);
        assertEquals(3, s.epoch(), "the third epoch without improvement after the first one");
        assertEquals(StallCause.LR_TOO_LOW, s.cause());
        assertFalse(s.validation());
        assertTrue(s.medianRatio() < 1e-4, "median ratio " + s.medianRatio());
        assertEquals(1e-7, s.learningRate(), 1e-20);
        List<String> warns = warnings();
        assertEquals(1, warns.size(), warns.toString());
        assertTrue(warns.get(0).startsWith("epoch=3 training loss "), warns.get(0));
        assertTrue(warns.get(0).contains("has improved by less than 1.0% on its best"), warns.get(0));
        assertTrue(warns.get(0).endsWith("below the band [1e-04, 1e-02]: the learning rate is likely too low (try x10, "
                + "or pick one with LearningRateFinder)"), warns.get(0));
        assertEquals(List.of(MonitorEvent.Kind.LOSS_STALLED), r.events().stream()
                .filter(e -> e.kind() == MonitorEvent.Kind.LOSS_STALLED).map(MonitorEvent::kind).toList());
    }

    @Test
    void aRateTooLowWhoseRatiosStayInsideTheBandIsNamedOnceAfterThreeEpochs() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(1e-3));
        MonitorReport r = fit(net, TrainingHealthMonitor.builder().frequency(1).build(), 6);
        assertTrue(r.events().stream().noneMatch(e -> e.kind() == MonitorEvent.Kind.RATIO_LOW),
                "every ratio inside the band: " + r.events());
        List<MonitorEvent> slow = r.events().stream().filter(e -> e.kind() == MonitorEvent.Kind.SLOW_START).toList();
        assertEquals(1, slow.size(), r.events().toString());
        assertEquals(2, slow.get(0).epoch(), "at the end of the third epoch");
        assertEquals(MonitorEvent.Severity.WARN, slow.get(0).severity());
        String line = warnings().get(0);
        assertEquals(slow.get(0).message(), line);
        assertTrue(line.startsWith("epoch=2 after 3 epochs the loss, "), line);
        assertTrue(line.contains(", falling at a steady pace (by "), "the evidence of a pace set by the rate: " + line);
        assertTrue(line.endsWith("a rate that trains fast shows above 3e-03 in its first epochs): at lr=1.0e-03 the "
                + "network learns slowly; a higher rate trains faster (try x10, or pick one with LearningRateFinder): "
                + "keep it only if the validation loss falls faster too, since on a table that overfits or has little "
                + "signal the slow rate can generalize best"), line);

        // the same in a loop over fit(DataSet) with endEpoch(), which DL4J's epoch counter does not see
        MultiLayerNetwork looped = TinyNets.mln(new Sgd(1e-3));
        TrainingHealthMonitor lm = TrainingHealthMonitor.builder().frequency(1).build();
        looped.setListeners(lm);
        List<DataSet> batches = TinyNets.data(40, 5, 3.0).batchBy(10);
        for (int e = 0; e < 6; e++) {
            batches.forEach(looped::fit);
            lm.endEpoch();
        }
        assertEquals(1, lm.report().events().stream().filter(e -> e.kind() == MonitorEvent.Kind.SLOW_START).count(),
                lm.report().events().toString());

        for (double good : new double[]{1e-2, 1e-1}) {
            MonitorReport healthy = fit(TinyNets.mln(new Sgd(good)), TrainingHealthMonitor.builder().frequency(1).build(), 6);
            assertTrue(healthy.events().stream().noneMatch(e -> e.kind() == MonitorEvent.Kind.SLOW_START),
                    good + ": " + healthy.events());
        }
    }

    @Test
    void aNetworkThatNeverLeftItsChanceLevelAfterExtremeFirstStepsIsNamedOnceAfterThreeEpochs() {
        // inputs drawn apart from the labels: no rate takes the loss below the chance level, so the line depends on
        // the first steps alone; at Adam 0.1 they move the weights by more than a tenth of their size
        MultiLayerNetwork net = TinyNets.mln(new Adam(0.1));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().build();
        net.setListeners(monitor);
        net.fit(new ListDataSetIterator<>(TinyNets.data(200, 5, 0.0).asList(), 10), 6);
        List<MonitorEvent> high = monitor.report().events().stream()
                .filter(e -> e.kind() == MonitorEvent.Kind.HIGH_START).toList();
        assertEquals(1, high.size(), monitor.report().events().toString());
        assertEquals(2, high.get(0).epoch(), "at the end of the third epoch");
        assertEquals(MonitorEvent.Severity.WARN, high.get(0).severity());
        String line = warnings().stream().filter(m -> m.contains("below three quarters of the chance level"))
                .findFirst().orElseThrow();
        assertEquals(high.get(0).message(), line);
        assertTrue(line.startsWith("epoch=2 after 3 epochs no epoch's mean loss has gone below three quarters of the "
                + "chance level "), line);
        assertTrue(line.endsWith("far more than a good rate does: at lr=1.0e-01 the learning rate is likely too high "
                + "(steps that large saturate or kill units); restart from fresh weights at a lower one (try x0.1, or "
                + "pick one with LearningRateFinder)"), line);

        for (IUpdater quiet : new IUpdater[]{new Adam(0.01), new Adam(0.3)}) {
            // 0.01: first steps inside the band; 0.3: a too-high ratio line spoke first, and one voice is enough
            MultiLayerNetwork other = TinyNets.mln(quiet);
            TrainingHealthMonitor m = TrainingHealthMonitor.builder().build();
            other.setListeners(m);
            other.fit(new ListDataSetIterator<>(TinyNets.data(200, 5, 0.0).asList(), 10), 6);
            assertTrue(m.report().events().stream().noneMatch(e -> e.kind() == MonitorEvent.Kind.HIGH_START),
                    quiet + ": " + m.report().events());
        }
        // the same run in a loop over fit(DataSet) with endEpoch(), which DL4J's epoch counter does not see: named
        // at the third epoch end; with a NaN input in its second epoch the non-finite line has spoken, and the NaN
        // it spread leaves the first epoch's mean as the lowest
        assertEquals(List.of(MonitorEvent.Kind.HIGH_START), startLines(loopWithNaNAt(-1)));
        List<MonitorEvent> nan = loopWithNaNAt(5).report().events();
        assertTrue(nan.stream().anyMatch(e -> e.kind() == MonitorEvent.Kind.NON_FINITE), nan.toString());
        assertEquals(List.of(), startLines(loopWithNaNAt(5)), "after a trouble line: " + nan);

        MultiLayerNetwork dead = TinyNets.mln(new Sgd(10));
        TrainingHealthMonitor dm = TrainingHealthMonitor.builder().build();
        dead.setListeners(dm);
        dead.fit(new ListDataSetIterator<>(TinyNets.data(200, 5, 3.0).asList(), 10), 6);
        MonitorReport d = dm.report();
        assertTrue(d.events().stream().anyMatch(e -> e.kind() == MonitorEvent.Kind.NETWORK_DEAD),
                d.events().toString());
        assertTrue(d.events().stream().noneMatch(e -> e.kind() == MonitorEvent.Kind.HIGH_START),
                "the dead-network line has said it: " + d.events());
    }

    private static List<MonitorEvent.Kind> startLines(TrainingHealthMonitor m) {
        return m.report().events().stream().map(MonitorEvent::kind).filter(k -> k == MonitorEvent.Kind.HIGH_START)
                .toList();
    }

    /** Adam 0.1 on inputs drawn apart from the labels, 6 epochs of fit(DataSet); a NaN input at {@code minibatch} of
     *  epoch 1 (none when negative). */
    private static TrainingHealthMonitor loopWithNaNAt(int minibatch) {
        MultiLayerNetwork net = TinyNets.mln(new Adam(0.1));
        TrainingHealthMonitor m = TrainingHealthMonitor.builder().build();
        net.setListeners(m);
        List<DataSet> batches = TinyNets.data(200, 5, 0.0).batchBy(10);
        for (int e = 0; e < 6; e++) {
            for (int i = 0; i < batches.size(); i++) {
                DataSet b = batches.get(i).copy();
                if (e == 1 && i == minibatch) {
                    b.getFeatures().putScalar(0, 0, Double.NaN);
                }
                net.fit(b);
            }
            m.endEpoch();
        }
        return m;
    }

    @Test
    void theValidationLossIsWatchedWhenGiven() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(1e-7));
        DataSetIterator val = new ListDataSetIterator<>(TinyNets.data(30, 99, 3.0).asList(), 10);
        MonitorReport r = fit(net, TrainingHealthMonitor.builder().frequency(1).validation(val).build(), 4);
        assertEquals(1, r.stalls().size(), r.stalls().toString());
        LossStall s = r.stalls().get(0);
        assertTrue(s.validation());
        assertEquals(NetworkAdapter.of(net).meanLoss(val), s.loss(), 1e-9, "the loss after the last epoch");
        assertTrue(warnings().get(0).startsWith("epoch=3 validation loss "), warnings().get(0));
    }

    @Test
    void withoutChecksInTheStalledEpochsTheCauseIsUnknown() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(1e-7));
        MonitorReport r = fit(net, TrainingHealthMonitor.builder().frequency(1000).build(), 4);
        assertEquals(StallCause.UNKNOWN, r.stalls().get(0).cause());
        assertTrue(Double.isNaN(r.stalls().get(0).medianRatio()));
        String stall = warnings().stream().filter(w -> w.contains(" training loss ")).findFirst().orElseThrow();
        assertTrue(stall.contains("no ratio check ran in these epochs"), stall);
    }

    @Test
    void aLearningLossOrASwitchedOffCheckGivesNoWarning() {
        MonitorReport learning = fit(TinyNets.mln(new Adam(1e-2)), TrainingHealthMonitor.builder().build(), 4);
        assertEquals(List.of(), learning.stalls());
        MonitorReport off = fit(TinyNets.mln(new Sgd(1e-7)), TrainingHealthMonitor.builder().lossStall(false).build(), 6);
        assertEquals(List.of(), off.stalls());
        assertEquals(List.of(), warnings());
    }
}
