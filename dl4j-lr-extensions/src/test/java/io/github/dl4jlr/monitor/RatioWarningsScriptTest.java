package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ratio warnings on scripted checks: when a streak below the band is advice to raise the rate, and when a note. */
class RatioWarningsScriptTest {

    /** Three checks of one weight array at the given ratio, below the band [1e-4, 1e-2]; returns the ratio events. */
    private static List<MonitorEvent> lowStreak(double ratio, boolean tooHighSaid, ModelTrack t) {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        t.bind(net, 3);
        t.lowerAdvised = tooHighSaid;
        EventSink sink = new EventSink(null);
        RatioWarnings warnings = new RatioWarnings(3, 1e-4, 1e-2, sink);
        for (int i = 1; i <= 3; i++) {
            warnings.after(t, new RatioCheck(0, 10 * i, i, 1e-3, List.of("0_W"), new double[]{ratio},
                    List.of(RatioVerdict.LOW), new double[]{Double.NaN}));
        }
        return sink.report(1e-4, 1e-2).events().stream().filter(e -> e.kind() == MonitorEvent.Kind.RATIO_LOW).toList();
    }

    @Test
    void aLowStreakIsAdviceToRaiseTheRate() {
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        List<MonitorEvent> events = lowStreak(4.2e-5, false, t);
        assertEquals(1, events.size(), events.toString());
        assertEquals(MonitorEvent.Severity.WARN, events.get(0).severity());
        assertEquals("iter=30 epoch=3 0_W=4.2e-05 below 1e-04 for 3 checks: learning rate likely too low for this "
                + "layer (try x10)", events.get(0).message());
        assertTrue(t.raiseAdvised);
    }

    @Test
    void afterALineFoundTheRateTooHighALowStreakIsANoteThatPointsBack() {
        // glass identification, plain SGD at 30x its good rate: a divergence line at its third step, and at epoch 6
        // ratios of 4.2e-5 as its gradients vanished; "try x10" there contradicted the divergence line
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        List<MonitorEvent> events = lowStreak(4.2e-5, true, t);
        assertEquals(1, events.size(), events.toString());
        assertEquals(MonitorEvent.Severity.INFO, events.get(0).severity());
        assertEquals("iter=30 epoch=3 0_W=4.2e-05 below 1e-04 for 3 checks, after an earlier line found the learning "
                + "rate too high: updates this small after too high a rate are gradients that vanished (saturated or "
                + "dead units), not a rate too low; no advice to raise it; follow that line", events.get(0).message());
        assertFalse(t.raiseAdvised, "a note advises nothing");
    }
}
