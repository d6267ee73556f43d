package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class PbtExampleTest {

    @Test
    void runsASmallPopulationAndWritesTheChart(@TempDir Path dir) throws Exception {
        PbtExample.Result r = PbtExample.run("--population", "4", "--rounds", "2", "--out", dir.toString());
        assertEquals(8, r.pbt().history().size());
        assertTrue(r.pbt().bestScore() > 0.3, "10 classes, chance 0.1: " + r.pbt().bestScore());
        assertEquals(2, r.pbt().bestLineageLearningRates().length);
        assertNotNull(ImageIO.read(r.chart().toFile()));
    }
}
