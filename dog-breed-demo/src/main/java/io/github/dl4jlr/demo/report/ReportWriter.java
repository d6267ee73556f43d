package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.DemoConfig;
import io.github.dl4jlr.demo.experiment.EpochMetrics;
import io.github.dl4jlr.demo.experiment.Experiment;
import io.github.dl4jlr.demo.experiment.Experiments;
import io.github.dl4jlr.demo.experiment.Group;
import io.github.dl4jlr.demo.experiment.RunSummary;
import io.github.dl4jlr.demo.experiment.Strategy;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the charts, {@code report.md} and a self-contained {@code report.html} (charts embedded). */
public final class ReportWriter {

    /**
     * What the report needs besides the measurements.
     *
     * @param runsDir            the run folders (learning-rate traces, finder and PBT plots)
     * @param iterationsPerEpoch minibatches per epoch, to put iterations on an epoch axis
     * @param timing             how long the parts of the demo took
     */
    public record Context(String name, String dataDescription, boolean synthetic, String modelDescription,
                          DemoConfig config, Path runsDir, int iterationsPerEpoch, List<String> notes, Timing timing,
                          boolean quick) {
    }

    /**
     * How long the parts took, in seconds of wall time.
     *
     * @param data     generating or decoding the images
     * @param training all runs, {@code parallel} at a time
     * @param total    the whole demo up to the report
     * @param engine   where the runs trained, e.g. "2 at a time in this JVM" or "Spark local[2]"
     */
    public record Timing(double data, double training, double total, String engine) {
    }

    private static final List<Extension> TABLES = List.of(TablesExtension.create());

    private ReportWriter() {
    }

    public static Path write(Path dir, Context ctx, List<RunSummary> runs, List<EpochMetrics> rows) throws IOException {
        Map<String, String> figures = new LinkedHashMap<>();
        Set<Group> groups = new LinkedHashSet<>();
        ctx.config().experiments().forEach(e -> groups.add(e.group()));
        for (Group g : groups) {
            if (rows.stream().anyMatch(r -> r.group().equals(g.id()))) {
                figures.put(g.id(), Charts.groupCurves(rows, g.id(), dir.resolve(g.id() + ".png"))
                        .getFileName().toString());
            }
        }
        Map<String, List<double[]>> lrs = new LinkedHashMap<>();
        for (Experiment e : ctx.config().experiments()) {
            List<double[]> trace = Experiments.learningRates(ctx.runsDir(), e.id(), 0);
            if (!trace.isEmpty() && e.strategy().hasLearningRate()) {
                lrs.put(e.id(), trace);
            }
        }
        if (!lrs.isEmpty()) {
            figures.put("lr", Charts.learningRates(lrs, ctx.iterationsPerEpoch(), dir.resolve("learning-rates.png"))
                    .getFileName().toString());
        }
        Map<String, Claims.Stat> all = new LinkedHashMap<>();
        groups.forEach(g -> all.putAll(Claims.bestAccuracy(runs, g.id())));
        if (!all.isEmpty()) {
            figures.put("summary", Charts.summaryBars(all, dir.resolve("summary.png")).getFileName().toString());
        }
        for (Experiment e : ctx.config().experiments()) {
            if (e.strategy() == Strategy.FINDER_ONECYCLE && copy(ctx.runsDir(), e.id() + "-seed0", "lr-finder.png", dir)) {
                figures.put("finder", "lr-finder.png");
            }
            if (e.strategy() == Strategy.PBT_ADAM && copy(ctx.runsDir(), e.id() + "-seed0", "pbt.png", dir)) {
                figures.put("pbt", "pbt.png");
            }
        }
        String md = ReportMarkdown.markdown(ctx, runs, figures);
        Path report = AtomicFile.writeString(dir.resolve("report.md"), md);
        AtomicFile.writeString(dir.resolve("report.html"), html(dir, ctx.name(), md));
        return report;
    }

    private static boolean copy(Path runs, String run, String file, Path dir) throws IOException {
        Path src = runs.resolve(run).resolve(file);
        if (!Files.isRegularFile(src)) {
            return false;
        }
        Files.copy(src, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** The Markdown as a self-contained HTML page: tables kept, charts embedded, nothing wider than the window. */
    static String html(Path dir, String name, String md) throws IOException {
        String body = HtmlRenderer.builder().extensions(TABLES).build()
                .render(Parser.builder().extensions(TABLES).build().parse(md));
        body = body.replace("<table>", "<div class=\"table\"><table>").replace("</table>", "</table></div>");
        Matcher m = Pattern.compile("src=\"([^\"]+\\.png)\"").matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path png = dir.resolve(m.group(1));
            String data = Files.isRegularFile(png)
                    ? "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement("src=\"" + data + "\""));
        }
        m.appendTail(out);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>Dog-breed demo: " + name + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;line-height:1.45}"
                + "div.table{overflow-x:auto;margin:1em 0}table{border-collapse:collapse;font-size:0.92em}"
                + "td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f2f2f2}"
                + "img{max-width:100%;height:auto}code{background:#f4f4f4;padding:0 3px}"
                + "blockquote{background:#fff4e0;border-left:4px solid #e0a030;margin:0;padding:0.5em 1em}</style>"
                + "</head><body>\n" + out + "</body></html>\n";
    }
}
