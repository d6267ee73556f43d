package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.EpochMetrics;
import io.github.dl4jlr.internal.plot.LinePlot;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The report's charts, in the spirit of the article's figures. */
final class Charts {

    private Charts() {
    }

    /**
     * The four curves of one group, as the article's figures: training and test loss and accuracy against the epoch,
     * every experiment averaged over seeds, with the standard deviation as error bars when there are several. Panels
     * are titled by the group's id: the report's heading carries the long title, which would not fit a panel.
     */
    static Path groupCurves(List<EpochMetrics> rows, String group, Path png) throws IOException {
        return LinePlot.saveGrid(png, 2,
                perEpoch(rows, group, group + ": training loss", "training loss (mean minibatch)", EpochMetrics::trainLoss),
                perEpoch(rows, group, group + ": test loss", "test loss", EpochMetrics::testLoss),
                perEpoch(rows, group, group + ": training accuracy", "training accuracy (sample)",
                        EpochMetrics::trainAccuracy),
                perEpoch(rows, group, group + ": test accuracy", "test accuracy", EpochMetrics::testAccuracy));
    }

    private static LinePlot perEpoch(List<EpochMetrics> rows, String group, String title, String yLabel,
                                     ToDoubleFunction<EpochMetrics> metric) {
        Map<String, Map<Integer, List<Double>>> byExperiment = new LinkedHashMap<>();
        for (EpochMetrics m : rows) {
            if (m.group().equals(group)) {
                byExperiment.computeIfAbsent(m.experiment(), k -> new TreeMap<>())
                        .computeIfAbsent(m.epoch(), k -> new ArrayList<>()).add(metric.applyAsDouble(m));
            }
        }
        LinePlot plot = LinePlot.create(title, "epoch", yLabel).size(640, 420);
        byExperiment.forEach((id, epochs) -> {
            double[] x = new double[epochs.size()];
            double[] y = new double[epochs.size()];
            double[] err = new double[epochs.size()];
            boolean several = false;
            int i = 0;
            for (Map.Entry<Integer, List<Double>> e : epochs.entrySet()) {
                Claims.Stat s = Claims.of(id, e.getValue());
                x[i] = e.getKey();
                y[i] = s.mean();
                err[i] = s.std();
                several |= e.getValue().size() > 1;
                i++;
            }
            if (several) {
                plot.lineWithErrors(id, x, y, err);
            } else {
                plot.line(id, x, y);
            }
        });
        return plot;
    }

    /** Each experiment's learning rate at every iteration (first seed), against the epoch, on a log axis. */
    static Path learningRates(Map<String, List<double[]>> perExperiment, double iterationsPerEpoch, Path png)
            throws IOException {
        LinePlot plot = LinePlot.create("Learning rate each run actually used (first seed)", "epoch",
                "learning rate (log)").logY(true).size(1100, 520);
        perExperiment.forEach((id, rows) -> {
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = rows.get(i)[0] / iterationsPerEpoch;
                y[i] = rows.get(i)[2];
            }
            plot.line(id, x, y);
        });
        return plot.savePng(png);
    }

    /** Best test accuracy per experiment (mean over seeds, with the std as error bar). */
    static Path summaryBars(Map<String, Claims.Stat> stats, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520).title("Best test accuracy per experiment")
                .xAxisTitle("experiment").yAxisTitle("accuracy").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        stats.forEach((id, s) -> {
            names.add(id);
            means.add(Double.isNaN(s.mean()) ? 0 : s.mean());
            stds.add(s.std());
        });
        chart.addSeries("best test accuracy", names, means, stds);
        java.awt.image.BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        return AtomicFile.write(png, tmp -> ImageIO.write(image, "png", tmp.toFile()));
    }
}
