package io.github.dl4jlr.internal.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a saved chart holds, read back from the PNG. */
class LinePlotTest {

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen;
    }

    @Test
    void seriesGetTheFirstColoursOfTheFixedPalette(@TempDir Path dir) throws Exception {
        double[] x = {1, 2, 3, 4};
        LinePlot plot = LinePlot.create("two runs", "epoch", "loss").size(400, 300)
                .line("a", x, new double[]{4, 3, 2, 1})
                .line("b", x, new double[]{1, 2, 3, 4});
        Set<Integer> seen = colours(ImageIO.read(plot.savePng(dir.resolve("p.png")).toFile()));

        assertTrue(seen.contains(0x1f77b4), "the first series is tab10 blue");
        assertTrue(seen.contains(0xff7f0e), "the second series is tab10 orange");
        assertFalse(seen.contains(0x2ca02c), "no third series, so no tab10 green");
    }

    @Test
    void aGridPlacesEveryPanel(@TempDir Path dir) throws Exception {
        double[] x = {1, 2};
        LinePlot a = LinePlot.create("a", "x", "y").size(300, 200).line("s", x, new double[]{1, 2});
        LinePlot b = LinePlot.create("b", "x", "y").size(300, 200).line("s", x, new double[]{2, 1});
        LinePlot c = LinePlot.create("c", "x", "y").size(300, 200).line("s", x, new double[]{1, 1});
        BufferedImage grid = ImageIO.read(LinePlot.saveGrid(dir.resolve("g.png"), 2, a, b, c).toFile());

        assertEquals(600, grid.getWidth());
        assertEquals(400, grid.getHeight());
    }
}
