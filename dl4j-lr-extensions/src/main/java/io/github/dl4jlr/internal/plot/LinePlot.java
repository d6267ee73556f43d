package io.github.dl4jlr.internal.plot;

import io.github.dl4jlr.internal.util.Args;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small XChart front end for the line charts this library writes (schedules, LR range test, ratios).
 * Not thread-safe; build, then {@link #savePng}. PNGs are written atomically (temporary file, then rename).
 *
 * <p>XChart is an optional dependency: callers check {@link PlotSupport#requireXChart()} before using this class.
 */
public final class LinePlot {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> horizontalBands = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private int width = 900;
    private int height = 560;

    private static final class Series {
        final String name;
        final double[] x;
        final double[] y;
        final double[] errors;
        final boolean markersOnly;

        Series(String name, double[] x, double[] y, double[] errors, boolean markersOnly) {
            this.name = name;
            this.x = x;
            this.y = y;
            this.errors = errors;
            this.markersOnly = markersOnly;
        }
    }

    /** Ten colours that stay apart from each other (matplotlib's "tab10"); XChart's own cycle repeats near-twins. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** Past ten series the colours repeat with a dashed line. */
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{8f, 5f}, 0f);

    private LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public static LinePlot create(String title, String xLabel, String yLabel) {
        return new LinePlot(title, xLabel, yLabel);
    }

    public LinePlot logX(boolean log) {
        this.logX = log;
        return this;
    }

    public LinePlot logY(boolean log) {
        this.logY = log;
        return this;
    }

    public LinePlot size(int width, int height) {
        this.width = Args.positive("width", width);
        this.height = Args.positive("height", height);
        return this;
    }

    /** Adds a line; the arrays are copied. Non-finite points are dropped when drawing. */
    public LinePlot line(String name, double[] x, double[] y) {
        return add(name, x, y, false);
    }

    /** Adds unconnected markers, e.g. suggested learning rates. */
    public LinePlot markers(String name, double[] x, double[] y) {
        return add(name, x, y, true);
    }

    /** Adds a line with a symmetric error bar at every point (e.g. mean and standard deviation over seeds). */
    public LinePlot lineWithErrors(String name, double[] x, double[] y, double[] errors) {
        Args.check(errors != null && errors.length == y.length, "errors of the length of y",
                errors == null ? "null" : errors.length);
        add(name, x, y, false);
        Series s = series.remove(series.size() - 1);
        series.add(new Series(s.name, s.x, s.y, errors.clone(), false));
        return this;
    }

    /** Shades the horizontal band {@code low <= y <= high} (drawn as two dashed lines). */
    public LinePlot band(double low, double high) {
        horizontalBands.add(new double[]{low, high});
        return this;
    }

    private LinePlot add(String name, double[] x, double[] y, boolean markersOnly) {
        Args.notNull("name", name);
        Args.check(x != null && y != null && x.length == y.length, "x and y of equal length",
                (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        series.add(new Series(name, x.clone(), y.clone(), null, markersOnly));
        return this;
    }

    /** Whether every value is {@code > 0}, i.e. a log axis can show it. */
    public static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
        }
        return values.length > 0;
    }

    /** Writes the chart as PNG, creating parent folders. */
    public Path savePng(Path file) throws IOException {
        Args.notNull("file", file);
        return write(chart(), file);
    }

    /** Writes several charts stacked vertically into one PNG. */
    public static Path saveStacked(Path file, LinePlot... plots) throws IOException {
        return saveGrid(file, 1, plots);
    }

    /** Writes several charts into one PNG, {@code columns} per row, row by row. */
    public static Path saveGrid(Path file, int columns, LinePlot... plots) throws IOException {
        Args.check(plots.length > 0, "at least one plot", plots.length);
        Args.positive("columns", columns);
        java.util.List<java.awt.image.BufferedImage> images = new ArrayList<>();
        int cellW = 0;
        int cellH = 0;
        for (LinePlot p : plots) {
            java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(p.chart());
            images.add(img);
            cellW = Math.max(cellW, img.getWidth());
            cellH = Math.max(cellH, img.getHeight());
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(cols * cellW, rows * cellH,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % cols) * cellW, (i / cols) * cellH, null);
        }
        g.dispose();
        return AtomicFile.write(file, tmp -> writePng(out, tmp));
    }

    private static Path write(XYChart chart, Path file) throws IOException {
        java.awt.image.BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return AtomicFile.write(file, tmp -> writePng(image, tmp));
    }

    private static void writePng(java.awt.image.BufferedImage image, Path file) throws IOException {
        if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer available for " + file);
        }
    }

    private XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(series.size() + 2 * horizontalBands.size() > 1);
        double[] xRange = xRange();
        for (double[] band : horizontalBands) {
            for (double level : band) {
                XYSeries s = chart.addSeries(String.format("band %.0e", level), xRange, new double[]{level, level});
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Color.GRAY);
                s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            }
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            double[][] xy = drawable(s.x, s.y, s.errors);
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries xs = s.errors == null ? chart.addSeries(s.name, xy[0], xy[1])
                    : chart.addSeries(s.name, xy[0], xy[1], xy[2]);
            Color color = PALETTE[k % PALETTE.length];
            xs.setLineColor(color);
            xs.setMarkerColor(color);
            if (k >= PALETTE.length) {
                xs.setLineStyle(DASHED);
            }
            if (s.markersOnly) {
                xs.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
                xs.setMarker(SeriesMarkers.DIAMOND);
            } else {
                xs.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x) {
                if (Double.isFinite(v) && (!logX || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[]{lo, hi} : new double[]{1, 2};
    }

    private double[][] drawable(double[] x, double[] y, double[] errors) {
        int n = 0;
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        double[] es = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i])
                    && (!logX || x[i] > 0) && (!logY || y[i] > 0);
            if (ok) {
                xs[n] = x[i];
                ys[n] = y[i];
                es[n] = errors == null || !Double.isFinite(errors[i]) ? 0 : errors[i];
                n++;
            }
        }
        return new double[][]{java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n),
                java.util.Arrays.copyOf(es, n)};
    }
}
