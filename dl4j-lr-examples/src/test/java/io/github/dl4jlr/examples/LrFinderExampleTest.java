package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LrFinderExampleTest {

    @Test
    void findsAnLrWritesThePlotAndTrainsAtIt(@TempDir Path dir) throws Exception {
        LrFinderExample.Result r = LrFinderExample.run("--out", dir.toString(), "--iterations", "60", "--epochs", "1");

        assertTrue(r.finder().suggestion().isPresent(), r.finder().summary());
        assertTrue(r.finder().divergedAt().isPresent(), "the ramp to 10 blows this model up: " + r.finder().summary());
        assertEquals(r.finder().suggestion().getAsDouble(), r.learningRate());
        assertTrue(r.learningRate() > 1e-5 && r.learningRate() < 1, "suggested " + r.learningRate());
        assertTrue(r.testAccuracy() >= 0 && r.testAccuracy() <= 1, "a measured accuracy: " + r.testAccuracy());
        assertNotNull(ImageIO.read(r.plot().toFile()));
        List<String> csv = Files.readAllLines(r.csv());
        assertEquals("iteration,lr,loss,smoothed_loss", csv.get(0));
        assertEquals(r.finder().iterations() + 1, csv.size());
    }
}
