package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor on scripted minibatch losses (set as the network's score, no ratio check): a spike that comes back is a
 * WARN line and nothing more, even under STOP; one that lasts is a divergence.
 */
class LossSpikeScriptTest {

    /** start 2.0, 30 losses at 0.01, {@code high} losses at 0.5, then {@code after} losses at 0.015. */
    private static double[] spike(int high, int after) {
        double[] l = new double[1 + 30 + high + after];
        l[0] = 2.0;
        Arrays.fill(l, 1, 31, 0.01);
        Arrays.fill(l, 31, 31 + high, 0.5);
        Arrays.fill(l, 31 + high, l.length, 0.015);
        return l;
    }

    private static List<MonitorEvent> feed(TrainingHealthMonitor monitor, double[] scores) {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        for (int i = 0; i < scores.length; i++) {
            net.setScore(scores[i]);
            monitor.iterationDone(net, i, 0);
        }
        return monitor.report().events();
    }

    private static TrainingHealthMonitor monitor(TroubleMode mode) {
        return TrainingHealthMonitor.builder().frequency(100_000).onTrouble(mode).build();
    }

    @Test
    void aSpikeThatComesBackIsOneWarningAndTrainingGoesOnUnderStop() {
        List<MonitorEvent> events = feed(monitor(TroubleMode.STOP), spike(40, 60));
        assertEquals(1, events.size(), events.toString());
        MonitorEvent e = events.get(0);
        assertEquals(MonitorEvent.Kind.LOSS_SPIKE, e.kind());
        assertEquals(MonitorEvent.Severity.WARN, e.severity());
        assertEquals(45, e.iteration(), "the 15th high loss, where the 40th percentile of the last 25 is 0.304");
        assertEquals("Loss spike at iter=45 epoch=0 lr=1.0e-03: the median of the recent minibatch losses, 0.500, is "
                + "50.0x its lowest level, 0.0100, taking back 25% of the progress since the start (last minibatch "
                + "loss 0.500). Runs near their largest stable rate often come back by themselves, so nothing is done "
                + "yet; it counts as diverged if it lasts 50 more iterations or takes back half the progress. Spikes "
                + "that keep coming back mean the rate is too high.", e.message());
    }

    @Test
    void aSpikeThatLastsFiftyIterationsStopsTraining() {
        TrainingHealthMonitor m = monitor(TroubleMode.STOP);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> feed(m, spike(70, 0)));
        LossExplosion x = assertInstanceOf(LossExplosion.class, e.trouble());
        assertEquals(95, x.iteration(), "50 losses after the spike began at 45");
        assertTrue(e.getMessage().contains("Training diverged at iter=95"), e.getMessage());
        assertEquals(List.of(MonitorEvent.Kind.LOSS_SPIKE, MonitorEvent.Kind.DIVERGED, MonitorEvent.Kind.STOP),
                m.report().events().stream().map(MonitorEvent::kind).toList());
    }

    @Test
    void aRiseOfHalfTheProgressIsADivergenceAtOnce() {
        double[] l = spike(0, 0);
        double[] blowUp = Arrays.copyOf(l, l.length + 20);
        Arrays.fill(blowUp, l.length, blowUp.length, 1.2);   // 60% of the progress taken back
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> feed(monitor(TroubleMode.STOP), blowUp));
        assertEquals(46, ((LossExplosion) e.trouble()).iteration(), "the 16th high loss: the 40th percentile is 1.2");
    }
}
