package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.monitor.MonitorEvent;
import io.github.dl4jlr.monitor.TroubleMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The early-stopping view of the lines about the rate's direction, on scripted runs. */
class EarlyStoppingTest {

    private static final double NAN = Double.NaN;

    /** A run of iris with Adam, seed 0, with its validation and test loss at each epoch end and, if raise, a raise line. */
    private static Scores.Judged run(String build, Kind truth, boolean raise, double[] validation, double[] test) {
        return run(build, truth, raise ? MonitorEvent.Kind.SLOW_START : null, validation, test);
    }

    /** The same with a line of the given kind (SLOW_START raises, HIGH_START lowers), or none. */
    private static Scores.Judged run(String build, Kind truth, MonitorEvent.Kind line, double[] validation,
                                     double[] test) {
        Scenario s = new Scenario("iris", "adam", build, 1e-3, 1e-3, test.length, 0, TroubleMode.LOG);
        List<MonitorEvent> events = line == null ? List.of() : List.of(new MonitorEvent(0, 30, 2, line,
                MonitorEvent.Severity.WARN, "network", "epoch=2 after 3 epochs ..."));
        return new Scores.Judged(new Outcome(s, 0.9, test[test.length - 1], new double[test.length], false, 0.4, 1.0,
                events, List.of(), List.of(), false, new double[3], validation, test), truth);
    }

    @Test
    void theEpochKeptIsTheOneWithTheLowestValidationLossNotTheLowestTestLoss() {
        // validation lowest at epoch 1 (0-based), test lowest at epoch 2
        assertEquals(1, EarlyStopping.chosenEpoch(run("x10", Kind.TOO_HIGH, false, new double[]{0.7, 0.5, 0.6},
                new double[]{0.7, 0.55, 0.4}).outcome()));
        // without validation data (NaN throughout) the test rows choose
        assertEquals(2, EarlyStopping.chosenEpoch(run("x10", Kind.TOO_HIGH, false, new double[]{NAN, NAN, NAN},
                new double[]{0.7, 0.55, 0.4}).outcome()));
        // a non-finite epoch is never kept; the first of equal ones is
        assertEquals(0, EarlyStopping.chosenEpoch(run("x10", Kind.TOO_HIGH, false, new double[]{0.5, NAN, 0.5},
                new double[]{0.6, NAN, 0.5}).outcome()));
        assertEquals(-1, EarlyStopping.chosenEpoch(run("x10", Kind.BLOWUP, false, new double[]{NAN, NAN},
                new double[]{NAN, NAN}).outcome()));
    }

    @Test
    void aWrongRaiseLineIsComparedWithTheX10BuildOfItsSeedEachStoppedEarly() {
        double[] noValidation = {NAN, NAN, NAN};
        // the healthy run keeps epoch 3 (0.50); x10 keeps epoch 1: 0.49 (t-1), 0.50 (t, a tie counts as good), 0.51 (t+1)
        for (double x10 : new double[]{0.49, 0.50, 0.51}) {
            List<Scores.Judged> runs = List.of(
                    run("good", Kind.HEALTHY, true, noValidation, new double[]{0.7, 0.6, 0.5}),
                    run("x10", Kind.TOO_HIGH, false, noValidation, new double[]{x10, 0.8, 0.9}));
            List<EarlyStopping.Row> rows = EarlyStopping.rows(runs);
            assertEquals(1, rows.size());
            EarlyStopping.Row r = rows.get(0);
            assertEquals(List.of(3, 1), List.of(r.ownEpoch(), r.otherEpoch()));
            assertEquals(Direction.RAISE, r.advised());
            assertEquals(x10 <= 0.50, r.advisedAsGood(), "x10 at " + x10);
            assertFalse(r.onValidation());
        }
    }

    @Test
    void onlyHealthyRunsThatHeardARaiseLineAndHaveAnX10BuildAreCounted() {
        double[] v = {0.6, 0.5, 0.55};
        double[] t = {0.6, 0.5, 0.55};
        List<Scores.Judged> runs = List.of(
                run("good", Kind.HEALTHY, true, v, t),
                run("cosine", Kind.HEALTHY_COSINE, false, v, t),
                run("/100", Kind.TOO_LOW, true, v, new double[]{0.9, 0.9, 0.9}),
                run("step", Kind.AMBIGUOUS, true, v, t),
                run("x10", Kind.DEAD, false, new double[]{0.4, NAN, NAN}, new double[]{0.45, NAN, NAN}));
        List<EarlyStopping.Row> rows = EarlyStopping.rows(runs);
        assertEquals(1, rows.size(), "no line, a right line, an ambiguous run: left out");
        assertEquals("good", rows.get(0).run().build());
        assertTrue(rows.get(0).onValidation());
        assertEquals(0.45, rows.get(0).otherLoss(), 0);
        assertEquals("With early stopping (each run kept at the epoch of its lowest validation loss): lines advising a "
                + "higher rate that the suite counts wrong: the x10 build of the seed reached a test loss at least as low "
                + "in 1 of 1 runs (median epoch kept 1, against 2 for the run);\n", EarlyStopping.summary(rows));
        assertTrue(EarlyStopping.rows(runs.subList(0, 4)).isEmpty(), "no x10 build of the seed");
        assertEquals("", EarlyStopping.summary(List.of()));
    }

    @Test
    void anX10BuildWithoutAFiniteEpochIsNeverAsGood() {
        double[] none = {NAN, NAN};
        List<EarlyStopping.Row> rows = EarlyStopping.rows(List.of(
                run("good", Kind.HEALTHY, true, none, new double[]{0.6, 0.5}),
                run("x10", Kind.BLOWUP, false, none, new double[]{NAN, NAN})));
        assertEquals(Double.POSITIVE_INFINITY, rows.get(0).otherLoss());
        assertFalse(rows.get(0).advisedAsGood());
        assertTrue(EarlyStopping.summary(rows).contains("lowest test loss, chosen on the test rows: an upper bound)"),
                EarlyStopping.summary(rows));
        assertTrue(EarlyStopping.summary(rows).contains("in 0 of 1 runs (median epoch kept -, against 2 for the run)"),
                "an epoch never kept is not a median epoch: " + EarlyStopping.summary(rows));
    }

    @Test
    void aLowerLineOnARunBuiltTooHighIsComparedWithTheGoodBuildOfItsSeed() {
        double[] v = {NAN, NAN, NAN};
        List<Scores.Judged> runs = List.of(
                run("good", Kind.HEALTHY, null, v, new double[]{0.7, 0.6, 0.55}),
                run("x10", Kind.TOO_HIGH, MonitorEvent.Kind.HIGH_START, v, new double[]{0.5, 0.8, 0.9}),
                run("x30", Kind.DEAD, MonitorEvent.Kind.HIGH_START, v, new double[]{0.9, 0.9, 0.9}));
        List<EarlyStopping.Row> rows = EarlyStopping.rows(runs);
        assertEquals(1, rows.size(), "a dead run is not compared");
        EarlyStopping.Row r = rows.get(0);
        assertEquals(List.of("x10", "LOWER"), List.of(r.run().build(), r.advised().name()));
        assertEquals(List.of(1, 3), List.of(r.ownEpoch(), r.otherEpoch()));
        assertFalse(r.advisedAsGood(), "stopped early, x10 (0.50) beat the good build (0.55)");
        assertEquals("With early stopping (each run kept at the epoch of its lowest test loss, chosen on the test rows: "
                + "an upper bound): lines advising a lower rate on runs built too high: the good build of the seed "
                + "reached a test loss at least as low in 0 of 1 runs (median epoch kept 3, against 1 for the run);\n",
                EarlyStopping.summary(rows));
    }
}
