package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ratio warnings on scripted checks: when a streak below the band is advice to raise the rate, and when a note. */
class RatioWarningsScriptTest {

    /** The ratio events of a run and whether a line advised raising the rate. */
    private record Heard(List<MonitorEvent> events, boolean raiseAdvised) {

        /** Asserts one event, with this severity and text. */
        void one(MonitorEvent.Severity severity, String message) {
            assertEquals(1, events.size(), events.toString());
            assertEquals(severity, events.get(0).severity());
            assertEquals(message, events.get(0).message());
        }
    }

    /** Three checks of one weight array at 4.2e-5, below the band [1e-4, 1e-2]. */
    private static Heard lowStreak(boolean tooHighSaid) {
        return lowStreak(tooHighSaid, 4.2e-5, 1e-3);
    }

    /**
     * Three checks of one weight array below the band [1e-4, 1e-2].
     *
     * @param rates the learning rates seen before the checks; the last is in force
     */
    private static Heard lowStreak(boolean tooHighSaid, double ratio, double... rates) {
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        t.bind(TinyNets.mln(new Adam(1e-3)), 3);
        t.lowerAdvised = tooHighSaid;
        for (double r : rates) {
            t.lr = LrOwnerRules.next(t.lr, r);
        }
        EventSink sink = new EventSink(null);
        RatioWarnings warnings = new RatioWarnings(3, 1e-4, 1e-2, sink);
        for (int i = 1; i <= 3; i++) {
            warnings.after(t, new RatioCheck(0, 10 * i, i, t.lr.current(), List.of("0_W"), new double[]{ratio},
                    List.of(RatioVerdict.LOW), new double[]{Double.NaN}));
        }
        return new Heard(sink.report(1e-4, 1e-2).events().stream()
                .filter(e -> e.kind() == MonitorEvent.Kind.RATIO_LOW).toList(), t.raiseAdvised);
    }

    /** Three checks of one weight array above the band [1e-4, 1e-2], the loss unknown (as early in a run). */
    private static List<MonitorEvent> highStreak(double... ratios) {
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        t.bind(TinyNets.mln(new Adam(1e-3)), 3);
        EventSink sink = new EventSink(null);
        RatioWarnings warnings = new RatioWarnings(3, 1e-4, 1e-2, sink);
        for (int i = 0; i < ratios.length; i++) {
            warnings.after(t, new RatioCheck(0, 10 * (i + 1), 0, 1e-3, List.of("0_W"), new double[]{ratios[i]},
                    List.of(RatioVerdict.HIGH), new double[]{Double.NaN}));
        }
        return sink.report(1e-4, 1e-2).events().stream().filter(e -> e.kind() == MonitorEvent.Kind.RATIO_HIGH)
                .toList();
    }

    @Test
    void threeExtremeChecksAreAdviceToLowerTheRateBeforeATrendCanBeRead() {
        // a rate far too high moves the weights by a tenth of their size or more at check after check; the loss is
        // unknown here, so only the extreme steps can make the streak due before a trend can be read
        List<MonitorEvent> heard = highStreak(0.39, 0.25, 0.1);
        assertEquals(1, heard.size(), heard.toString());
        assertEquals("iter=30 epoch=0 0_W=1.0e-01 above 1e-02 for 3 checks, each update moving the weights by 10% of "
                + "their size or more: learning rate likely too high for this layer (try x0.1)",
                heard.get(0).message());
        assertEquals(MonitorEvent.Severity.WARN, heard.get(0).severity());
        assertEquals(List.of(), highStreak(0.39, 0.25, 0.0999), "a step under 10x the band's top waits for a trend");
    }

    /**
     * Six checks of a loss level that reaches 0.652 after a lowest level of 0.526, the last three with a weight ratio
     * of 2e-2, above the band [1e-4, 1e-2] (the computing jobs, plain SGD at its best rate, in epoch 3).
     *
     * @param epochMeans the mean losses of the epochs that ended before, in order
     */
    private static List<MonitorEvent> risingLevel(double... epochMeans) {
        EpochTrack epoch = new EpochTrack();
        for (double mean : epochMeans) {
            epoch.add(mean);
            epoch.takeMean();
        }
        ModelTrack t = new ModelTrack(0, epoch);
        t.bind(TinyNets.mln(new Sgd(0.1)), 3);
        EventSink sink = new EventSink(null);
        RatioWarnings warnings = new RatioWarnings(3, 1e-4, 1e-2, sink);
        double[] levels = {0.526, 0.55, 0.6, 0.62, 0.64, 0.652};
        for (int i = 0; i < levels.length; i++) {
            t.level(levels[i], warnings.levelsKept());
            if (i >= 3) {
                warnings.after(t, new RatioCheck(0, 10 * (i + 1), 3, 0.1, List.of("2_W"), new double[]{2e-2},
                        List.of(RatioVerdict.HIGH), new double[]{Double.NaN}));
            }
        }
        return sink.report(1e-4, 1e-2).events().stream().filter(e -> e.kind() == MonitorEvent.Kind.RATIO_HIGH)
                .toList();
    }

    @Test
    void aLevelRisenAboveTheLowestOneButNotAboveTheBestEpochsMeanIsNoAdvice() {
        List<MonitorEvent> before = risingLevel();
        assertEquals(1, before.size(), "before any epoch ended, the lowest level is the mark: " + before);
        assertEquals("iter=60 epoch=3 2_W=2.0e-02 above 1e-02 for 3 checks while the loss rose to 0.652, 1.2x its best "
                + "0.526: learning rate likely too high for this layer (try x0.1)", before.get(0).message());
        assertEquals(List.of(), risingLevel(0.697, 0.649, 0.618), "every epoch's mean fell: no rise to speak of");
        assertEquals(1, risingLevel(0.697, 0.54).size(), "0.652 is also more than 1.2x the best epoch's 0.54");
    }

    @Test
    void aLowStreakIsAdviceToRaiseTheRate() {
        Heard heard = lowStreak(false);
        heard.one(MonitorEvent.Severity.WARN, "iter=30 epoch=3 0_W=4.2e-05 below 1e-04 for 3 checks: learning rate "
                + "likely too low for this layer (try x10)");
        assertTrue(heard.raiseAdvised());
    }

    @Test
    void aLowStreakThatTheDecayExplainsIsANote() {
        // the employee attrition table, momentum SGD under a cosine decay from 1e-3: at epoch 7 the rate was 7e-4 and
        // ratios of 9.5e-5 to 9.8e-5 heard "try x10"; at the peak rate they would have been in the band
        Heard heard = lowStreak(false, 8e-5, 1e-3, 7e-4);
        heard.one(MonitorEvent.Severity.INFO, "iter=30 epoch=3 0_W=8.0e-05 below 1e-04 for 3 checks, as expected: a "
                + "change of the learning rate lowered the learning rate from 1.0e-03 to 7.0e-04 (at 1.0e-03 it would "
                + "be 1.1e-04, in the band); no action");
        assertFalse(heard.raiseAdvised());
        Heard tooLowAtThePeak = lowStreak(false, 6e-5, 1e-3, 7e-4);
        tooLowAtThePeak.one(MonitorEvent.Severity.WARN, "iter=30 epoch=3 0_W=6.0e-05 below 1e-04 for 3 checks: "
                + "learning rate likely too low for this layer (try x10)");
        assertTrue(tooLowAtThePeak.raiseAdvised(), "at the peak it would be 8.6e-5: still below the band");
    }

    @Test
    void afterALineFoundTheRateTooHighALowStreakIsANoteThatPointsBack() {
        // glass identification, plain SGD at 30x its good rate: a divergence line at its third step, and at epoch 6
        // ratios of 4.2e-5 as its gradients vanished; "try x10" there contradicted the divergence line
        Heard heard = lowStreak(true);
        heard.one(MonitorEvent.Severity.INFO, "iter=30 epoch=3 0_W=4.2e-05 below 1e-04 for 3 checks, after an earlier "
                + "line found the learning rate too high: updates this small after too high a rate are gradients that "
                + "vanished (saturated or dead units), not a rate too low; no advice to raise it; follow that line");
        assertFalse(heard.raiseAdvised(), "a note advises nothing");
    }

    /**
     * Three checks at a ratio of 4.2e-5 below the band [1e-4, 1e-2], with a first loss of 1.0 (no labels seen, so it is
     * the reference), a loss level of {@code level} at the checks and the given epoch means before them.
     */
    private static List<MonitorEvent> lowStreakAt(double level, double... epochMeans) {
        ModelTrack t = new ModelTrack(0, new EpochTrack());
        t.bind(TinyNets.mln(new Adam(1e-3)), 3);
        DivergenceRules losses = new DivergenceRules(4, 1e-3);
        t.loss = losses.next(t.loss, 1.0);
        for (int i = 0; i < DivergenceRules.WINDOW; i++) {
            t.loss = losses.next(t.loss, level);
        }
        for (double mean : epochMeans) {
            t.slowStart = SlowStartRules.epochEnd(t.slowStart, mean);
        }
        EventSink sink = new EventSink(null);
        RatioWarnings warnings = new RatioWarnings(3, 1e-4, 1e-2, sink);
        for (int i = 1; i <= 3; i++) {
            warnings.after(t, new RatioCheck(0, 10 * i, epochMeans.length, 1e-3, List.of("0_W"),
                    new double[]{4.2e-5}, List.of(RatioVerdict.LOW), new double[]{Double.NaN}));
        }
        return sink.report(1e-4, 1e-2).events().stream().filter(e -> e.kind() == MonitorEvent.Kind.RATIO_LOW)
                .toList();
    }

    @Test
    void belowThreeQuartersOfItsReferenceWithAPaceThatCollapsedANetworkHasFittedAndHearsNoLowRatioLine() {
        // as Kuhn and Johnson's two-predictor table at its good rates: a big first fall, then small ones at a floor
        assertEquals(List.of(), lowStreakAt(0.62, 1.0, 0.65, 0.63), "falls 0.35 then 0.02: fitted");
        List<MonitorEvent> steady = lowStreakAt(0.62, 1.0, 0.8, 0.65);
        assertEquals(1, steady.size(), "falls 0.2 then 0.15, a steady pace: the rate sets it; " + steady);
        assertTrue(steady.get(0).message().endsWith("learning rate likely too low for this layer (try x10)"));
        assertEquals(1, lowStreakAt(0.62, 1.0, 0.65).size(), "two epoch means: no pace to read yet");
        assertEquals(1, lowStreakAt(0.75, 1.0, 0.76, 0.75).size(), "at three quarters (t): not fitted");
        assertEquals(List.of(), lowStreakAt(0.74, 1.0, 0.76, 0.75), "below three quarters: fitted");
    }
}
