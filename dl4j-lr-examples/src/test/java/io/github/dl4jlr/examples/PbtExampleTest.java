package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@Tag("slow")
class PbtExampleTest {

    @Test
    void runsASmallPopulationAndWritesTheChart(@TempDir Path dir) throws Exception {
        PbtExample.Result r = PbtExample.run("--population", "4", "--rounds", "2", "--out", dir.toString());
        assertEquals(8, r.pbt().history().size());
        double lastRoundBest = r.pbt().history().stream().filter(h -> h.round() == 1)
                .mapToDouble(h -> h.score()).max().orElseThrow();
        assertEquals(lastRoundBest, r.pbt().bestScore(), "the best member is the best of the last round");
        assertEquals(2, r.pbt().bestLineageLearningRates().length);
        assertNotNull(ImageIO.read(r.chart().toFile()));
    }
}
