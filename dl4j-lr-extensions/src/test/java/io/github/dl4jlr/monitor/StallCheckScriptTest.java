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
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        t.bind(net, 3);
        EventSink sink = new EventSink(null);
        StallCheck check = new StallCheck(new StallRules(3, 1e-2), null, 1e-4, 1e-2, sink);
        for (int e = 0; e < epochLosses.length; e++) {
            net.setEpochCount(e);
            t.epoch.add(epochLosses[e]);
            t.epoch.check(e, ratios[e]);
            check.epochEnd(t.epoch, t);
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

    private static double[] inBand(int epochs) {
        double[] r = new double[epochs];
        Arrays.fill(r, 3e-3);
        return r;
    }
}
