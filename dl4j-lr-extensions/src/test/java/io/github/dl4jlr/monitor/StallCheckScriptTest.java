package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stall check on scripted epoch losses and ratios: which stalls are advice and which are notes. */
class StallCheckScriptTest {

    /** Runs the check over one loss and one median ratio per epoch; returns the stall events. */
    private static List<MonitorEvent> script(double[] epochLosses, double[] ratios) {
        return script(epochLosses, ratios, -1);
    }

    /**
     * As above; from epoch {@code tooHighFrom} on (if not -1), an earlier line has found the rate too high, as the
     * ratio warnings and the divergence check record it.
     */
    private static List<MonitorEvent> script(double[] epochLosses, double[] ratios, int tooHighFrom) {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        t.bind(net, 3);
        EventSink sink = new EventSink(null);
        StallCheck check = new StallCheck(new StallRules(3, 1e-2), null, 1e-4, 1e-2, sink);
        for (int e = 0; e < epochLosses.length; e++) {
            t.lowerAdvised = tooHighFrom >= 0 && e >= tooHighFrom;
            net.setEpochCount(e);
            t.epoch.add(epochLosses[e]);
            t.epoch.check(e, ratios[e]);
            check.epochEnd(t.epoch, t.epoch.takeMean(), t);
        }
        return sink.report(1e-4, 1e-2).events().stream().filter(ev -> ev.kind() == MonitorEvent.Kind.LOSS_STALLED)
                .toList();
    }

    @Test
    void aPlateauIsAdviceOnceARunAndANoteAfter() {
        // learns, stalls (epochs 2-4), improves at 5, stalls again (6-8)
        List<MonitorEvent> stalls = script(new double[]{1.0, 0.5, 0.5, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3}, inBand(9));
        assertEquals(2, stalls.size(), stalls.toString());
        assertEquals(MonitorEvent.Severity.WARN, stalls.get(0).severity());
        assertEquals(4, stalls.get(0).epoch());
        assertTrue(stalls.get(0).message().contains("a plateau at a workable learning rate"), stalls.get(0).message());
        assertEquals(MonitorEvent.Severity.INFO, stalls.get(1).severity(), "the same advice again adds nothing");
        assertEquals(8, stalls.get(1).epoch());
        assertTrue(stalls.get(1).message().endsWith("a plateau again; the advice of epoch 4 stands (a decaying schedule "
                + "or ReduceLROnPlateau)"), stalls.get(1).message());
    }

    @Test
    void aStallOfAnotherCauseAfterAPlateauIsStillAdvice() {
        // a plateau at 4; the loss improves at 5 and stalls again while the steps are above the band: that is news
        double[] ratios = {3e-3, 3e-3, 3e-3, 3e-3, 3e-3, 3e-2, 3e-2, 3e-2, 3e-2};
        List<MonitorEvent> stalls = script(new double[]{1.0, 0.5, 0.5, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3}, ratios);
        assertEquals(2, stalls.size(), stalls.toString());
        assertEquals(MonitorEvent.Severity.WARN, stalls.get(1).severity());
        assertTrue(stalls.get(1).message().contains("the steps overshoot"), stalls.get(1).message());
    }

    @Test
    void aPlateauAfterADivergenceLineIsANoteThatPointsBackToIt() {
        // learned to 0.36, then rose for three epochs while a divergence line said the rate is too high (Spambase,
        // momentum SGD at 30x its good rate): those epochs without progress are the divergence's, not a plateau's
        double[] losses = {0.7, 0.3601, 0.4785, 0.6291, 1.290};
        List<MonitorEvent> stalls = script(losses, inBand(5), 4);
        assertEquals(1, stalls.size(), stalls.toString());
        assertEquals(MonitorEvent.Severity.INFO, stalls.get(0).severity());
        assertTrue(stalls.get(0).message().endsWith("inside the band [1e-04, 1e-02], after an earlier line found the "
                + "learning rate too high: not a plateau at a workable rate; follow that line"), stalls.get(0).message());
        List<MonitorEvent> alone = script(losses, inBand(5), -1);
        assertEquals(MonitorEvent.Severity.WARN, alone.get(0).severity(), "without that line it is advice");
        assertTrue(alone.get(0).message().contains("a plateau at a workable learning rate"), alone.get(0).message());
    }

    @Test
    void overshootAfterATooHighLineIsStillAdvice() {
        // the same direction as the earlier line: no contradiction, so it stays a warning
        double[] high = {3e-2, 3e-2, 3e-2, 3e-2, 3e-2};
        List<MonitorEvent> stalls = script(new double[]{0.7, 0.3601, 0.4785, 0.6291, 1.290}, high, 2);
        assertEquals(MonitorEvent.Severity.WARN, stalls.get(0).severity());
        assertTrue(stalls.get(0).message().endsWith("the learning rate is likely too high (try x0.1)"),
                stalls.get(0).message());
    }

    private static double[] inBand(int epochs) {
        double[] r = new double[epochs];
        Arrays.fill(r, 3e-3);
        return r;
    }
}
