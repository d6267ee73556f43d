package io.github.dl4jlr.examples;

import io.github.dl4jlr.monitor.Cause;
import io.github.dl4jlr.monitor.RecoveryAction;
import io.github.dl4jlr.monitor.RollbackRecord;
import io.github.dl4jlr.monitor.StallCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthMonitorExampleTest {

    @Test
    void healthyRunIsQuietTooHighLrIsCaughtRollbackRecoversAndAStallIsNamed(@TempDir Path dir) throws Exception {
        HealthMonitorExample.Result r = HealthMonitorExample.run("--out", dir.toString(), "--epochs", "1");

        assertTrue(r.healthy().warnings().isEmpty(), r.healthy().warnings().toString());
        assertTrue(r.healthy().troubles().isEmpty());
        assertTrue(r.healthy().checks().size() >= 9);
        assertNotNull(ImageIO.read(r.ratioChart().toFile()));

        assertNotNull(r.caught(), "SGD at 1e4 must be stopped");
        assertTrue(r.caught().getMessage().startsWith("Training stopped: "), r.caught().getMessage());

        List<RollbackRecord> recoveries = r.rollback().rollbacks();
        assertTrue(recoveries.stream().anyMatch(x -> x.action() == RecoveryAction.ROLLBACK
                && x.lrAfter() < x.lrBefore()), "Adam at 10 is rolled back with a cut: " + recoveries);
        assertTrue(recoveries.stream().anyMatch(x -> x.action() == RecoveryAction.RESTORE
                && x.cause() == Cause.BAD_INPUT && x.lrAfter() == x.lrBefore()), "the NaN batch is skipped: " + recoveries);
        assertTrue(r.rollbackParamsFinite());

        assertEquals(1, r.stalled().stalls().size(), r.stalled().stalls().toString());
        assertEquals(StallCause.LR_TOO_LOW, r.stalled().stalls().get(0).cause());
        assertEquals(3, r.stalled().stalls().get(0).epoch());
    }
}
