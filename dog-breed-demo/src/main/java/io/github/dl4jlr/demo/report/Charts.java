package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.EpochMetrics;
import io.github.dl4jlr.plot.LinePlot;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The report's charts, in the spirit of the article's figures. */
final class Charts {

    private Charts() {
    }

    /** A metric against epoch for every experiment of a group, averaged over seeds. */
    static Path perEpoch(List<EpochMetrics> rows, String group, String title, String yLabel,
                         ToDoubleFunction<EpochMetrics> metric, Path png) throws IOException {
        Map<String, Map<Integer, List<Double>>> byExperiment = new LinkedHashMap<>();
        for (EpochMetrics m : rows) {
            if (m.group().equals(group)) {
                byExperiment.computeIfAbsent(m.experiment(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(m.epoch(), k -> new ArrayList<>()).add(metric.applyAsDouble(m));
            }
        }
        LinePlot plot = LinePlot.create(title, "epoch", yLabel);
        byExperiment.forEach((id, epochs) -> {
            double[] x = new double[epochs.size()];
            double[] y = new double[epochs.size()];
            int i = 0;
            for (Map.Entry<Integer, List<Double>> e : epochs.entrySet()) {
                x[i] = e.getKey();
                y[i] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                i++;
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
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return png;
    }
}
