package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthMonitorExampleTest {

    @Test
    void healthyRunIsQuietTooHighLrIsCaughtAndRollbackRecovers(@TempDir Path dir) throws Exception {
        HealthMonitorExample.Result r = HealthMonitorExample.run("--out", dir.toString(), "--epochs", "1");

        assertTrue(r.healthy().warnings().isEmpty(), r.healthy().warnings().toString());
        assertTrue(r.healthy().nonFiniteEvents().isEmpty());
        assertTrue(r.healthy().checks().size() >= 9);
        assertNotNull(ImageIO.read(r.ratioChart().toFile()));

        assertNotNull(r.caught(), "SGD at 1e4 must be stopped");
        assertTrue(r.caught().getMessage().startsWith("Training stopped: Non-finite training state at iter="),
                r.caught().getMessage());

        assertEquals(1, r.rollback().rollbacks());
        assertTrue(r.rollbackParamsFinite());
    }
}
