package io.github.dl4jlr.monitor;

import ch.qos.logback.classic.Level;
import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.control.ThresholdMode;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.schedule.StepDecaySchedule;
import io.github.dl4jlr.testutil.CapturedLog;
import io.github.dl4jlr.testutil.ClassificationNets;
import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor's advice on the runs users met: a network whose units died, a learning rate that its owner lowered on
 * purpose, and a network trained to a near-zero loss.
 */
class MonitorAdviceTest {

    @RegisterExtension
    final CapturedLog logs = CapturedLog.of(TrainingHealthMonitor.class);

    /**
     * Kills every ReLU of the first hidden layer at iteration {@code at}, as a far too high learning rate does: its
     * biases go to -100, so no unit fires again and no gradient flows back.
     */
    private static final class Killer extends BaseTrainingListener {
        private final int at;

        Killer(int at) {
            this.at = at;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            if (iteration == at) {
                ((MultiLayerNetwork) model).getLayer(0).getParam("b").assign(-100);
            }
        }
    }

    private static double lastLoss(MultiLayerNetwork net) {
        return NetworkAdapter.of(net).meanLoss(ClassificationNets.mixture(10, 99));
    }

    @Test
    void aDeadNetworkIsNamedAndNeverToldToRaiseTheRate() {
        MultiLayerNetwork net = ClassificationNets.mlp(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().build();
        net.setListeners(new Killer(5), monitor);
        net.fit(ClassificationNets.mixture(20, 1), 6);

        MonitorReport r = monitor.report();
        List<MonitorEvent> dead = r.troubles().stream().filter(e -> e.kind() == MonitorEvent.Kind.NETWORK_DEAD).toList();
        assertEquals(1, dead.size(), r.events().toString());
        assertEquals(20, dead.get(0).iteration(), "named at the second check after the death");
        assertTrue(dead.get(0).message().contains("raising it will not help"), dead.get(0).message());
        assertTrue(r.warnings().stream().noneMatch(w -> w.kind() == MonitorEvent.Kind.RATIO_LOW), r.warnings().toString());
        assertTrue(logs.messages(Level.WARN).stream().noneMatch(m -> m.contains("try x10")), logs.messages(Level.WARN)
                .toString());
        assertFalse(r.stalls().isEmpty(), "the loss stalls at chance");
        assertTrue(r.stalls().stream().allMatch(s -> s.cause() == StallCause.NETWORK_DEAD), r.stalls().toString());
    }

    @Test
    void underRollbackADeadNetworkGoesBackToBeforeTheDeathAtALowerRate() {
        MultiLayerNetwork net = ClassificationNets.mlp(new Adam(1e-2));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.ROLLBACK).build();
        net.setListeners(new Killer(5), monitor);
        net.fit(ClassificationNets.mixture(20, 1), 4);

        List<RollbackRecord> rollbacks = monitor.report().rollbacks();
        assertEquals(1, rollbacks.size(), rollbacks.toString());
        RollbackRecord r = rollbacks.get(0);
        assertEquals(Cause.NETWORK_DEAD, r.cause());
        assertEquals(RecoveryAction.ROLLBACK, r.action());
        assertEquals(20, r.iteration());
        assertTrue(r.restoredIteration() < 5, "a snapshot from before the death at iteration 5: " + r);
        assertEquals(1e-3, r.lrAfter(), 1e-12, "and a lower rate");
        assertTrue(lastLoss(net) < 0.5 * Math.log(10), "it learns again: " + lastLoss(net));
    }

    @Test
    void lowRatiosAfterReduceLROnPlateauCutTheRateAreExpectedNotTooLow() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-2));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2).build();
        net.setListeners(monitor);
        // an impossible threshold: it cuts at every epoch, 1e-2 -> 1e-6 in four epochs
        ReduceLROnPlateau.builder().patience(1).factor(0.1).threshold(0.9, ThresholdMode.RELATIVE).build().attachTo(net);
        DataSetIterator train = new ListDataSetIterator<>(TinyNets.data(200, 5, 3.0).asList(), 10);
        net.fit(train, 8);

        MonitorReport r = monitor.report();
        assertTrue(r.warnings().stream().noneMatch(w -> w.kind() == MonitorEvent.Kind.RATIO_LOW), r.warnings().toString());
        assertTrue(logs.messages(Level.WARN).stream().noneMatch(m -> m.contains("too low")), logs.messages(Level.WARN)
                .toString());
        List<MonitorEvent> notes = r.notes();
        assertFalse(notes.isEmpty(), "the levelled-off loss is noted");
        assertTrue(notes.stream().allMatch(n -> n.message().contains("ReduceLROnPlateau lowered the learning rate from "
                + "1.0e-02 to")), "every note names the plateau as the owner: " + notes);
        assertFalse(r.stalls().isEmpty());
        assertTrue(r.stalls().stream().allMatch(s -> s.cause() == StallCause.LR_LOWERED), r.stalls().toString());
    }

    @Test
    void aScheduleThatDecaysIsTheOwnerToo() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(new StepDecaySchedule(ScheduleType.EPOCH, 1e-2, 1e-3, 2)));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(2).build();
        net.setListeners(monitor);
        net.fit(new ListDataSetIterator<>(TinyNets.data(200, 5, 3.0).asList(), 10), 8);

        MonitorReport r = monitor.report();
        assertTrue(r.warnings().stream().noneMatch(w -> w.kind() == MonitorEvent.Kind.RATIO_LOW), r.warnings().toString());
        assertFalse(r.notes().isEmpty());
        assertTrue(r.notes().stream().allMatch(n -> n.message().contains("its schedule lowered the learning rate from "
                + "1.0e-02 to")), "every note names the schedule as the owner: " + r.notes());
    }

    @Test
    void aNetworkTrainedToANearZeroLossIsNeverRolledBack() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(3e-2));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(5)
                .onTrouble(TroubleMode.ROLLBACK).build();
        net.setListeners(monitor);
        DataSetIterator train = new ListDataSetIterator<>(TinyNets.data(300, 5, 8.0).asList(), 10);
        net.fit(train, 40);

        MonitorReport r = monitor.report();
        assertTrue(NetworkAdapter.of(net).meanLoss(train) < 1e-3, "converged: " + NetworkAdapter.of(net).meanLoss(train));
        assertEquals(List.of(), r.rollbacks());
        assertEquals(List.of(), r.troubles());
    }
}
