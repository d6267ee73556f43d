package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.util.AtomicFile;
import io.github.dl4jlr.demo.experiment.EpochMetrics;
import io.github.dl4jlr.demo.experiment.RunSummary;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the charts, {@code report.md} and a self-contained {@code report.html} (charts embedded). */
public final class ReportWriter {

    /** What the report needs besides the measurements. */
    public record Context(String name, String dataDescription, boolean synthetic, String modelDescription,
                          String settings, List<String> notes) {
    }

    private ReportWriter() {
    }

    public static Path write(Path dir, Context ctx, List<RunSummary> runs, List<EpochMetrics> rows) throws IOException {
        Map<String, String> charts = new LinkedHashMap<>();
        if (rows.stream().anyMatch(r -> r.group().equals("lr-sweep"))) {
            charts.put("Adam learning-rate sweep: test accuracy", Charts.perEpoch(rows, "lr-sweep",
                    "Adam LR sweep: test accuracy", "test accuracy", EpochMetrics::testAccuracy,
                    dir.resolve("lr-sweep-accuracy.png")).getFileName().toString());
            charts.put("Adam learning-rate sweep: test loss", Charts.perEpoch(rows, "lr-sweep", "Adam LR sweep: test loss",
                    "test loss", EpochMetrics::testLoss, dir.resolve("lr-sweep-loss.png")).getFileName().toString());
        }
        if (rows.stream().anyMatch(r -> r.group().equals("optimizers"))) {
            charts.put("Optimizers and LR strategies: test accuracy", Charts.perEpoch(rows, "optimizers",
                    "Optimizers: test accuracy", "test accuracy", EpochMetrics::testAccuracy,
                    dir.resolve("optimizers-accuracy.png")).getFileName().toString());
            charts.put("Optimizers and LR strategies: test loss", Charts.perEpoch(rows, "optimizers",
                    "Optimizers: test loss", "test loss", EpochMetrics::testLoss,
                    dir.resolve("optimizers-loss.png")).getFileName().toString());
        }
        Map<String, Claims.Stat> all = new LinkedHashMap<>(Claims.bestAccuracy(runs, "lr-sweep"));
        all.putAll(Claims.bestAccuracy(runs, "optimizers"));
        charts.put("Summary: best test accuracy per experiment",
                Charts.summaryBars(all, dir.resolve("summary.png")).getFileName().toString());
        if (Files.isRegularFile(dir.resolve("lr-finder.png"))) {
            charts.put("LR range test (finder + 1cycle run)", "lr-finder.png");
        }

        String md = markdown(ctx, runs, rows, charts);
        Path report = dir.resolve("report.md");
        AtomicFile.writeString(report, md);
        AtomicFile.writeString(dir.resolve("report.html"), html(dir, ctx.name(), md));
        return report;
    }

    static String markdown(Context ctx, List<RunSummary> runs, List<EpochMetrics> rows, Map<String, String> charts) {
        StringBuilder b = new StringBuilder();
        b.append("# Dog-breed demo: learning rates and optimizers (").append(ctx.name()).append(")\n\n");
        if (ctx.synthetic()) {
            b.append("> **Stand-in data.** These numbers come from a *generated* 120-class image set named after the Stanford "
                    + "Dogs breeds, not from the photographs. They show how the methods compare on this stand-in; run with "
                    + "`--data` on the real Stanford Dogs or Kaggle folders to test the article's claims on real images.\n\n");
        }
        b.append("## Setup\n\n");
        b.append("- Data: ").append(ctx.dataDescription()).append('\n');
        b.append("- Model: ").append(ctx.modelDescription()).append('\n');
        b.append("- Settings: ").append(ctx.settings()).append('\n');
        b.append("- Optimizers without an explicit LR use DL4J's defaults (sgd 1e-3, nesterov 0.1 with momentum 0.9, "
                + "rmsprop 0.1, adam 1e-3, adagrad 0.1; adadelta has none). Step annealing: SGD 0.1, x0.1 after 40% and "
                + "x0.01 after 70% of the epochs. PBT: Adam, LR log-uniform in [1e-4, 1e-1], one round per epoch, scored "
                + "on the validation split. Finder + 1cycle: LR range test, then Nesterov with a 1cycle schedule peaking "
                + "at the min/10 suggestion.\n\n");

        b.append("## The article's claims\n\n");
        for (Claims.Claim c : List.of(Claims.lrSweep(runs, "adam-lr0.001"), Claims.optimizers(runs, "adam"))) {
            String verdict = c.held() == null ? "NOT CHECKED" : c.held() ? "HELD" : "DID NOT HOLD";
            b.append("- **").append(c.statement()).append(": ").append(verdict).append("** on the data used. ")
                    .append(c.evidence()).append(".\n");
        }
        b.append('\n');
        table(b, "Adam learning-rate sweep", runs, "lr-sweep");
        table(b, "Optimizers and LR strategies", runs, "optimizers");

        b.append("## Charts\n\n");
        charts.forEach((title, file) -> b.append("### ").append(title).append("\n\n![").append(title).append("](")
                .append(file).append(")\n\n"));

        b.append("## Speed\n\n");
        double wait = runs.stream().mapToDouble(RunSummary::dataWaitFraction).filter(Double::isFinite).average().orElse(Double.NaN);
        b.append(String.format(Locale.ROOT, "Mean share of iteration time spent waiting for data after the first epoch: %s "
                + "(measured from DL4J's ETL time per iteration; images are decoded once and served from memory).\n\n",
                Double.isNaN(wait) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * wait)));
        if (!ctx.notes().isEmpty()) {
            b.append("## Notes\n\n");
            ctx.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        b.append("Per-epoch numbers: `metrics.csv`. Per-run logs, health-monitor lines and checkpoints: `runs/`.\n");
        return b.toString();
    }

    private static void table(StringBuilder b, String title, List<RunSummary> runs, String group) {
        List<RunSummary> g = runs.stream().filter(r -> r.group().equals(group)).toList();
        if (g.isEmpty()) {
            return;
        }
        b.append("## ").append(title).append("\n\n");
        b.append("| experiment | best test acc | final test acc | final test loss | s/epoch | median update:param (target 1e-3) | note |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        Map<String, List<RunSummary>> byId = new LinkedHashMap<>();
        g.forEach(r -> byId.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(r));
        byId.forEach((id, rs) -> b.append("| ").append(id)
                .append(" | ").append(pct(rs, RunSummary::bestTestAccuracy))
                .append(" | ").append(pct(rs, RunSummary::finalTestAccuracy))
                .append(" | ").append(num(rs, RunSummary::finalTestLoss, "%.3f"))
                .append(" | ").append(num(rs, RunSummary::secondsPerEpoch, "%.1f"))
                .append(" | ").append(num(rs, RunSummary::medianRatio, "%.1e"))
                .append(" | ").append(rs.get(0).diverged() ? "diverged (NaN) " : "").append(rs.get(0).note())
                .append(" |\n"));
        b.append('\n');
    }

    private static String pct(List<RunSummary> rs, java.util.function.ToDoubleFunction<RunSummary> f) {
        Claims.Stat s = Claims.of("", rs.stream().map(f::applyAsDouble).toList());
        if (Double.isNaN(s.mean())) {
            return "n/a";
        }
        return rs.size() > 1 ? String.format(Locale.ROOT, "%.1f%% ± %.1f", 100 * s.mean(), 100 * s.std())
                : String.format(Locale.ROOT, "%.1f%%", 100 * s.mean());
    }

    private static String num(List<RunSummary> rs, java.util.function.ToDoubleFunction<RunSummary> f, String format) {
        Claims.Stat s = Claims.of("", rs.stream().map(f::applyAsDouble).toList());
        if (Double.isNaN(s.mean())) {
            return "n/a";
        }
        return rs.size() > 1 ? String.format(Locale.ROOT, format + " ± " + format, s.mean(), s.std())
                : String.format(Locale.ROOT, format, s.mean());
    }

    static String html(Path dir, String name, String md) throws IOException {
        String body = HtmlRenderer.builder().build().render(Parser.builder()
                .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build().parse(md));
        Matcher m = Pattern.compile("src=\"([^\"]+\\.png)\"").matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path png = dir.resolve(m.group(1));
            String data = Files.isRegularFile(png)
                    ? "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) : m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement("src=\"" + data + "\""));
        }
        m.appendTail(out);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Dog-breed demo: " + name + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.45}"
                + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px}img{max-width:100%}"
                + "blockquote{background:#fff4e0;border-left:4px solid #e0a030;margin:0;padding:0.5em 1em}</style>"
                + "</head><body>\n" + out + "</body></html>\n";
    }
}
