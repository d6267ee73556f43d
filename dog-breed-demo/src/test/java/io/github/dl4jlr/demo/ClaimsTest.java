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
        return new RunSummary(id, group, seed, 4, bestAcc, bestAcc, minLoss, minLoss, 1, 0, 1e-3, false, "");
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
        assertEquals("highest best test accuracy: adam (40.0%), Adam 40.0%; lowest min test loss: adagrad (2.000), Adam 2.500",
                c.evidence());
    }
}
