package io.github.dl4jlr.demo;

import io.github.dl4jlr.demo.experiment.RunSummary;
import io.github.dl4jlr.demo.report.Claims;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claim checks on hand-made summaries. */
class ClaimsTest {

    private static RunSummary run(String id, String group, int seed, double bestAcc, double minLoss) {
        return new RunSummary(id, group, seed, 4, bestAcc, bestAcc, minLoss, minLoss, 1, 4, 0, 1e-3, false, "",
                RunSummary.Status.DONE, "");
    }

    @Test
    void lrSweepHeldOnlyWithAClearMargin() {
        List<RunSummary> clear = List.of(run("adam-lr0.1", "lr-sweep", 0, 0.05, 4), run("adam-lr0.01", "lr-sweep", 0, 0.30, 2),
                run("adam-lr0.001", "lr-sweep", 0, 0.35, 2));
        assertTrue(Claims.lrSweep(clear, "adam-lr0.001").held());
        List<RunSummary> narrow = List.of(run("adam-lr0.01", "lr-sweep", 0, 0.345, 2), run("adam-lr0.001", "lr-sweep", 0, 0.35, 2));
        Claims.Claim c = Claims.lrSweep(narrow, "adam-lr0.001");
        assertFalse(c.held(), "0.5 points is not clearly best");
        assertTrue(c.evidence().contains("leads by 0.5 points"), c.evidence());
        List<RunSummary> other = List.of(run("adam-lr0.01", "lr-sweep", 0, 0.40, 2), run("adam-lr0.001", "lr-sweep", 0, 0.35, 2));
        assertFalse(Claims.lrSweep(other, "adam-lr0.001").held());
        assertNull(Claims.lrSweep(List.of(), "adam-lr0.001").held());
    }

    @Test
    void noisySeedsRaiseTheBar() {
        List<RunSummary> noisy = List.of(run("adam-lr0.01", "lr-sweep", 0, 0.30, 2), run("adam-lr0.01", "lr-sweep", 1, 0.32, 2),
                run("adam-lr0.001", "lr-sweep", 0, 0.28, 2), run("adam-lr0.001", "lr-sweep", 1, 0.40, 2));
        // 0.001: mean 34%, std 8.5 points; leads by 3 points < 2 x 8.5.
        assertFalse(Claims.lrSweep(noisy, "adam-lr0.001").held());
    }

    @Test
    void optimizerClaimNeedsBothAccuracyAndLoss() {
        List<RunSummary> both = List.of(run("adam", "optimizers", 0, 0.4, 2.0), run("sgd", "optimizers", 0, 0.1, 4.0));
        assertTrue(Claims.optimizers(both, "adam").held());
        List<RunSummary> split = List.of(run("adam", "optimizers", 0, 0.4, 2.5), run("adagrad", "optimizers", 0, 0.3, 2.0));
        Claims.Claim c = Claims.optimizers(split, "adam");
        assertFalse(c.held());
        assertEquals("highest best test accuracy: adam (40.0%), Adam 40.0% (+10.0 points against adagrad); lowest min "
                + "test loss: adagrad (2.000), Adam 2.500", c.evidence());
    }

    @Test
    void aVerdictFromFewerThanThreeSeedsSaysSo() {
        List<RunSummary> one = List.of(run("adam-lr0.1", "lr-sweep", 0, 0.05, 4), run("adam-lr0.001", "lr-sweep", 0, 0.35, 2));
        Claims.Claim c = Claims.lrSweep(one, "adam-lr0.001");
        assertFalse(c.firm());
        assertEquals("HELD (indicative: 1 seed; a firm verdict needs 3 or more)", c.verdict());
        List<RunSummary> three = new java.util.ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            three.add(run("adam-lr0.1", "lr-sweep", seed, 0.05 + 0.01 * seed, 4));
            three.add(run("adam-lr0.001", "lr-sweep", seed, 0.35 + 0.01 * seed, 2));
        }
        Claims.Claim firm = Claims.lrSweep(three, "adam-lr0.001");
        assertTrue(firm.firm());
        assertEquals("HELD", firm.verdict());
        assertEquals(3, firm.seeds());
        assertEquals(30.0, firm.margin(), 1e-9);
        assertEquals("NOT CHECKED", Claims.lrSweep(List.of(), "adam-lr0.001").verdict());
    }

    @Test
    void skippedAndFailedRunsDoNotCount() {
        RunSummary failed = new RunSummary("adam-lr0.001", "lr-sweep", 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "", RunSummary.Status.FAILED, "boom");
        List<RunSummary> runs = List.of(run("adam-lr0.1", "lr-sweep", 0, 0.05, 4), run("adam-lr0.01", "lr-sweep", 0, 0.3, 2),
                failed);
        assertNull(Claims.lrSweep(runs, "adam-lr0.001").held(), "the claim cannot be checked without its run");
    }

    @Test
    void learningRateFreeHoldsUnlessOneIsClearlyBelowAdam() {
        List<RunSummary> close = List.of(run("adam", "optimizers", 0, 0.35, 2), run("adam", "optimizers", 1, 0.35, 2),
                run("adam", "optimizers", 2, 0.35, 2), run("prodigy", "lr-free", 0, 0.345, 2),
                run("prodigy", "lr-free", 1, 0.345, 2), run("prodigy", "lr-free", 2, 0.345, 2),
                run("schedule-free-adamw", "lr-free", 0, 0.40, 2), run("schedule-free-adamw", "lr-free", 1, 0.40, 2),
                run("schedule-free-adamw", "lr-free", 2, 0.40, 2));
        Claims.Claim c = Claims.learningRateFree(close, "adam");
        assertTrue(c.held(), c.evidence());
        assertEquals("HELD", c.verdict());
        assertEquals(-0.5, c.margin(), 1e-9);
        assertEquals(List.of("schedule-free-adamw", "adam", "prodigy"), c.ranked().stream().map(Claims.Stat::experiment)
                .toList());
        assertTrue(c.evidence().startsWith("prodigy -0.5 points against adam (as good: not a clear margin below)"),
                c.evidence());

        List<RunSummary> below = List.of(run("adam", "optimizers", 0, 0.35, 2), run("prodigy", "lr-free", 0, 0.33, 2));
        c = Claims.learningRateFree(below, "adam");
        assertFalse(c.held(), c.evidence());
        assertTrue(c.evidence().contains("prodigy -2.0 points against adam (clearly below: more than 1.0)"), c.evidence());
        assertEquals("DID NOT HOLD (indicative: 1 seed; a firm verdict needs 3 or more)", c.verdict());

        assertNull(Claims.learningRateFree(List.of(run("adam", "optimizers", 0, 0.35, 2)), "adam").held());
    }
}
