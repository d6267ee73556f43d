package io.github.dl4jlr.demo.data;

import io.github.dl4jlr.internal.util.Args;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A generated stand-in for the Stanford Dogs photographs: 120 classes named after the real breeds, written as JPEGs
 * in the Stanford Dogs layout ({@code Images/n02085620-Chihuahua/...jpg}) so the real loading code runs end to end.
 *
 * <p><b>How an image of class k is drawn</b> (64x64, deterministic from the seed, the class and the index):
 * class k has a coat hue {@code (k mod 12) * 30 degrees} and a coat pattern {@code k / 12}: stripes at one of five
 * orientations (0, 36, ..., 144 degrees) and one of two frequencies (3 or 5 cycles). An image is a noisy,
 * low-saturation background with a random clutter rectangle, and an ellipse ("the dog") at a random position and
 * size, coloured with the class hue jittered by up to +-12 degrees and striped with the class pattern jittered by
 * up to +-12 degrees and a random phase; then Gaussian pixel noise (sigma 0.1). Neighbouring hues (30 degrees) and
 * orientations (36 degrees) overlap under the jitter, the dog is small at the default 32x32 input and the clutter
 * sometimes covers it, so no model reaches 100%, while chance is 1/120 = 0.83%.
 */
public final class SyntheticDogs {

    private static final Logger log = LoggerFactory.getLogger(SyntheticDogs.class);
    public static final int SIZE = 64;
    private static final String VERSION = "v1";

    private SyntheticDogs() {
    }

    /**
     * The data set's folder under {@code cacheDir}, generating it first if it is not complete. Generation writes
     * into a temporary folder and renames it, so an interrupted run never leaves a half data set behind.
     */
    public static Path ensure(Path cacheDir, int imagesPerClass, long seed) {
        Args.atLeast("imagesPerClass", imagesPerClass, 3);
        Path root = cacheDir.resolve("synthetic-dogs-" + VERSION + "-n" + imagesPerClass + "-seed" + seed);
        if (Files.isDirectory(root.resolve("Images"))) {
            return root;
        }
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempDirectory(cacheDir, "generating-");
            long t0 = System.nanoTime();
            List<String> breeds = Breeds.folders();
            for (int k = 0; k < breeds.size(); k++) {
                Path dir = Files.createDirectories(tmp.resolve("Images").resolve(breeds.get(k)));
                String synset = breeds.get(k).substring(0, breeds.get(k).indexOf('-'));
                for (int i = 0; i < imagesPerClass; i++) {
                    BufferedImage img = draw(k, new Random(seed * 1_000_003L + k * 10_007L + i));
                    ImageIO.write(img, "jpg", dir.resolve(synset + "_" + i + ".jpg").toFile());
                }
            }
            Files.writeString(tmp.resolve("README.txt"), "Generated stand-in for Stanford Dogs (dl4j-lr SyntheticDogs "
                    + VERSION + ", seed " + seed + ", " + imagesPerClass + " images per class). Not photographs.\n");
            try {
                Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(root.resolve("Images"))) {
                    throw raced;
                }
                deleteTree(tmp);
            }
            log.info("Generated {} synthetic dog images (120 classes) in {} s at {}", 120 * imagesPerClass,
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9), root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not generate the synthetic data set in " + cacheDir, e);
        }
    }

    /** Draws one 64x64 image of class {@code k}. */
    static BufferedImage draw(int k, Random r) {
        double hue = (k % 12) * 30.0 + (r.nextDouble() * 24 - 12);
        int pattern = k / 12;
        double angle = Math.toRadians((pattern % 5) * 36.0 + (r.nextDouble() * 24 - 12));
        double cycles = pattern < 5 ? 3 : 5;
        double phase = r.nextDouble() * 2 * Math.PI;
        double sat = 0.55 + 0.35 * r.nextDouble();
        double val = 0.55 + 0.35 * r.nextDouble();
        double cx = SIZE / 2.0 + r.nextGaussian() * 7;
        double cy = SIZE / 2.0 + r.nextGaussian() * 7;
        double rx = 13 + r.nextDouble() * 9;
        double ry = 10 + r.nextDouble() * 8;
        double[] bg = hsv(r.nextDouble() * 360, 0.15 * r.nextDouble(), 0.3 + 0.5 * r.nextDouble());
        double[] clutter = hsv(r.nextDouble() * 360, r.nextDouble(), r.nextDouble());
        int qx = r.nextInt(SIZE);
        int qy = r.nextInt(SIZE);
        int qw = 6 + r.nextInt(18);
        int qh = 6 + r.nextInt(18);
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double[] c = bg;
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                if (dx * dx + dy * dy <= 1) {
                    double stripe = 0.5 + 0.5 * Math.sin(2 * Math.PI * cycles * (x * Math.cos(angle) + y * Math.sin(angle))
                            / SIZE + phase);
                    c = hsv(hue, sat, val * (0.45 + 0.55 * stripe));
                }
                if (x >= qx && x < qx + qw && y >= qy && y < qy + qh) {
                    c = clutter;
                }
                int rgb = 0;
                for (int ch = 0; ch < 3; ch++) {
                    double v = c[ch] + 0.1 * r.nextGaussian();
                    rgb = (rgb << 8) | (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                }
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static double[] hsv(double hueDeg, double s, double v) {
        double h = ((hueDeg % 360) + 360) % 360 / 60.0;
        double c = v * s;
        double x = c * (1 - Math.abs(h % 2 - 1));
        double m = v - c;
        double[] rgb;
        switch ((int) h) {
            case 0 -> rgb = new double[]{c, x, 0};
            case 1 -> rgb = new double[]{x, c, 0};
            case 2 -> rgb = new double[]{0, c, x};
            case 3 -> rgb = new double[]{0, x, c};
            case 4 -> rgb = new double[]{x, 0, c};
            default -> rgb = new double[]{c, 0, x};
        }
        return new double[]{rgb[0] + m, rgb[1] + m, rgb[2] + m};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
