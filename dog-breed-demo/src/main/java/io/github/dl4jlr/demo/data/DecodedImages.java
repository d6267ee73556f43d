package io.github.dl4jlr.demo.data;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Images decoded once, resized and kept in memory as CHW float arrays, so later epochs never decode again.
 * Decoding uses the JDK's ImageIO (JPEG, PNG, BMP, GIF), so no OpenCV natives are needed. Each image's shorter
 * side is scaled to {@code size} (halving first for large downscales, then bilinear) and the centre is cropped.
 * Unreadable files are skipped and listed, never fatal.
 */
public final class DecodedImages {

    private final int size;
    private final List<float[]> pixels;
    private final int[] labels;
    private final List<Path> unreadable;

    private DecodedImages(int size, List<float[]> pixels, int[] labels, List<Path> unreadable) {
        this.size = size;
        this.pixels = pixels;
        this.labels = labels;
        this.unreadable = List.copyOf(unreadable);
    }

    /** Images already decoded to {@code size}: pixels and labels in the same order. */
    public static DecodedImages of(int size, List<float[]> pixels, int[] labels) {
        return new DecodedImages(size, new ArrayList<>(pixels), labels.clone(), List.of());
    }

    /**
     * Decodes {@code images} with {@code threads} workers, in order: RGB in [0, 1], {@code null} for a file that is not
     * a readable image. {@code onDecoded} runs once per image, on the worker's thread.
     */
    public static List<float[]> decodeAll(List<LabeledImage> images, int size, int threads, Runnable onDecoded) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (LabeledImage img : images) {
                futures.add(pool.submit(() -> {
                    float[] px = read(img.file(), size);
                    onDecoded.run();
                    return px;
                }));
            }
            List<float[]> out = new ArrayList<>();
            for (Future<float[]> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while decoding images", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Decoding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Decodes {@code images} with {@code threads} workers; values are RGB in [0, 1]; unreadable files are left out and
     * listed. {@code onDecoded} runs once per image, on the worker's thread.
     */
    public static DecodedImages decode(List<LabeledImage> images, int size, int threads, Runnable onDecoded) {
        List<float[]> all = decodeAll(images, size, threads, onDecoded);
        List<float[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Path> bad = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (all.get(i) == null) {
                bad.add(images.get(i).file());
            } else {
                pixels.add(all.get(i));
                labels.add(images.get(i).label());
            }
        }
        return new DecodedImages(size, pixels, labels.stream().mapToInt(Integer::intValue).toArray(), bad);
    }

    /** Decodes and resizes one file; {@code null} if it is not a readable image. */
    static float[] read(Path file, int size) {
        BufferedImage src;
        try {
            src = ImageIO.read(file.toFile());
        } catch (Exception | OutOfMemoryError e) {
            return null;
        }
        if (src == null || src.getWidth() < 1 || src.getHeight() < 1) {
            return null;
        }
        BufferedImage img = toRgb(src);
        while (Math.min(img.getWidth(), img.getHeight()) >= 2 * size) {
            img = scale(img, Math.max(1, img.getWidth() / 2), Math.max(1, img.getHeight() / 2));
        }
        double f = (double) size / Math.min(img.getWidth(), img.getHeight());
        int w = Math.max(size, (int) Math.round(img.getWidth() * f));
        int h = Math.max(size, (int) Math.round(img.getHeight() * f));
        img = scale(img, w, h);
        int x0 = (w - size) / 2;
        int y0 = (h - size) / 2;
        float[] out = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = img.getRGB(x0 + x, y0 + y);
                out[y * size + x] = ((rgb >> 16) & 0xff) / 255f;
                out[size * size + y * size + x] = ((rgb >> 8) & 0xff) / 255f;
                out[2 * size * size + y * size + x] = (rgb & 0xff) / 255f;
            }
        }
        return out;
    }

    private static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }

    /** Per-channel mean and standard deviation over these images (use the training set's). */
    public float[][] channelStats() {
        double[] sum = new double[3];
        double[] sq = new double[3];
        long n = (long) pixels.size() * size * size;
        for (float[] px : pixels) {
            for (int c = 0; c < 3; c++) {
                for (int i = c * size * size; i < (c + 1) * size * size; i++) {
                    sum[c] += px[i];
                    sq[c] += px[i] * px[i];
                }
            }
        }
        float[][] stats = new float[2][3];
        for (int c = 0; c < 3; c++) {
            double mean = sum[c] / Math.max(1, n);
            stats[0][c] = (float) mean;
            stats[1][c] = (float) Math.sqrt(Math.max(1e-12, sq[c] / Math.max(1, n) - mean * mean));
        }
        return stats;
    }

    /** Standardizes in place with {@code stats} from {@link #channelStats()}. */
    public void standardize(float[][] stats) {
        for (float[] px : pixels) {
            for (int c = 0; c < 3; c++) {
                for (int i = c * size * size; i < (c + 1) * size * size; i++) {
                    px[i] = (px[i] - stats[0][c]) / stats[1][c];
                }
            }
        }
    }

    /**
     * Converts RGB in [0, 1] to ImageNet "caffe" form in place: BGR order, 0-255, minus the channel means
     * {103.939, 116.779, 123.68} (what the DL4J zoo's VGG16/ResNet50 weights expect).
     */
    public void toImagenetCaffe() {
        float[] means = {103.939f, 116.779f, 123.68f};
        int plane = size * size;
        for (float[] px : pixels) {
            for (int i = 0; i < plane; i++) {
                float r = px[i];
                float b = px[2 * plane + i];
                px[i] = b * 255f - means[0];
                px[plane + i] = px[plane + i] * 255f - means[1];
                px[2 * plane + i] = r * 255f - means[2];
            }
        }
    }

    public int size() {
        return size;
    }

    public int count() {
        return pixels.size();
    }

    public List<float[]> pixels() {
        return pixels;
    }

    public int[] labels() {
        return labels.clone();
    }

    public List<Path> unreadable() {
        return unreadable;
    }
}
