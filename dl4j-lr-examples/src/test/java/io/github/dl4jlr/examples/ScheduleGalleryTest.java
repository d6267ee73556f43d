package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleGalleryTest {

    @Test
    void drawsEveryScheduleAndWritesTheCsv(@TempDir Path dir) throws Exception {
        ScheduleGallery.Result result = ScheduleGallery.run("--out", dir.toString(), "--steps", "60");

        assertEquals(14, result.charts().size());
        for (Path png : result.charts()) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(image != null && image.getWidth() > 100 && image.getHeight() > 100, png.toString());
        }
        List<String> lines = Files.readAllLines(result.csv());
        assertEquals(61, lines.size());
        assertTrue(lines.get(0).startsWith("t,step-decay,multi-step-seed-recipe,"), lines.get(0));
        String[] header = lines.get(0).split(",");
        int recipe = List.of(header).indexOf("multi-step-seed-recipe");
        // The seed recipe scaled to 60 steps: 0.1 until 24, 0.01 until 42, then 0.001.
        assertEquals(0.1, Double.parseDouble(lines.get(1 + 23).split(",")[recipe]), 1e-12);
        assertEquals(0.01, Double.parseDouble(lines.get(1 + 24).split(",")[recipe]), 1e-12);
        assertEquals(0.001, Double.parseDouble(lines.get(1 + 42).split(",")[recipe]), 1e-12);
    }

    @Test
    void rejectsTooFewSteps(@TempDir Path dir) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScheduleGallery.run("--out", dir.toString(), "--steps", "5"));
        assertEquals("Expected --steps >= 20, but got 5", e.getMessage());
    }
}
