package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.DemoConfig;
import io.github.dl4jlr.demo.experiment.Experiment;
import io.github.dl4jlr.demo.experiment.Group;
import io.github.dl4jlr.demo.experiment.RunSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The text of {@code report.md}: setup, the article's claims, one section per group, charts, speed and notes. */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String markdown(ReportWriter.Context ctx, List<RunSummary> runs, Map<String, String> figures) {
        DemoConfig cfg = ctx.config();
        StringBuilder b = new StringBuilder();
        b.append("# Dog-breed demo: learning rates and optimizers (").append(ctx.name()).append(")\n\n");
        if (ctx.synthetic()) {
            b.append("> **Stand-in data.** These numbers come from a *generated* image set named after the Stanford "
                    + "Dogs breeds, not from the photographs. They show how the methods compare on this stand-in; run with "
                    + "`--data` on the real Stanford Dogs or Kaggle folders to test the article's claims on real images.\n\n");
        }
        b.append("## Setup\n\n");
        b.append("- Data: ").append(ctx.dataDescription()).append('\n');
        b.append("- Model: ").append(ctx.modelDescription()).append('\n');
        b.append(String.format(Locale.ROOT, "- Settings: %d epochs per run, batch %d, %d seed(s), PBT population %d, finder "
                        + "%d iterations%s; every run has the health monitor attached.%n", cfg.epochs(), cfg.batchSize(),
                cfg.seeds(), cfg.pbtPopulation(), cfg.finderIterations(), ctx.quick() ? " (--quick)" : ""));
        Set<Group> groups = new LinkedHashSet<>();
        cfg.experiments().forEach(e -> groups.add(e.group()));
        for (Group g : groups) {
            b.append("- Protocol of *").append(g.title()).append("*: ").append(g.protocol(cfg.commonLr())).append(".\n");
        }
        b.append('\n');

        b.append("## The article's claims\n\n");
        b.append("Accuracy below is each run's best test accuracy over its epochs, as mean ± standard deviation over "
                + "seeds. A verdict is firm with ").append(Claims.FIRM_SEEDS).append(" or more seeds and a margin of at "
                + "least ").append(String.format(Locale.ROOT, "%.0f", Claims.CLEAR_MARGIN_POINTS))
                .append(" point and twice the larger seed spread; with fewer seeds it is indicative only.\n\n");
        claim(b, Claims.lrSweep(runs, "adam-lr0.001"), "Group: " + Group.LR_SWEEP.title() + ".");
        claim(b, Claims.optimizers(runs, "adam"), "Group: " + Group.OPTIMIZERS.title() + " ("
                + Group.OPTIMIZERS.protocol(cfg.commonLr()).split(":")[0] + ").");
        if (groups.contains(Group.LR_FREE)) {
            b.append("## And without choosing a learning rate?\n\n");
            claim(b, Claims.learningRateFree(runs, "adam"), "Groups: " + Group.LR_FREE.title() + ", and adam from "
                    + Group.OPTIMIZERS.title() + ".");
        }

        for (Group g : groups) {
            List<RunSummary> gr = runs.stream().filter(r -> r.group().equals(g.id())).toList();
            if (gr.isEmpty()) {
                continue;
            }
            b.append("## ").append(g.title()).append("\n\n");
            b.append("Protocol: ").append(g.protocol(cfg.commonLr())).append(".\n\n");
            table(b, gr, cfg);
            if (figures.containsKey(g.id())) {
                image(b, g.title() + ": training and test loss and accuracy per epoch", figures.get(g.id()));
            }
        }
        if (figures.containsKey("lr")) {
            b.append("## The learning rate over time\n\n");
            b.append("What each run's first trained layer actually used at every iteration (first seed): schedules, "
                    + "PBT's explored rates, and any cut by the health monitor. AdaDelta has none.\n\n");
            image(b, "Learning rate per iteration", figures.get("lr"));
        }
        if (figures.containsKey("finder")) {
            b.append("## The LR range test of finder + 1cycle\n\n");
            b.append("The loss against the learning rate, raw and smoothed, with every rule's suggestion marked; the "
                    + "1cycle peak is the min/10 suggestion (first seed).\n\n");
            image(b, "LR range test", figures.get("finder"));
        }
        if (figures.containsKey("pbt")) {
            b.append("## The PBT population\n\n");
            b.append("Every member's validation accuracy and learning rate per round, exploits marked (first seed).\n\n");
            image(b, "PBT population", figures.get("pbt"));
        }
        if (figures.containsKey("summary")) {
            b.append("## Summary\n\n");
            image(b, "Best test accuracy per experiment", figures.get("summary"));
        }
        List<RunSummary> notRun = runs.stream().filter(r -> !r.ran()).toList();
        if (!notRun.isEmpty()) {
            b.append("## Skipped and failed runs\n\n");
            b.append("| experiment | seed | status | why |\n|---|---|---|---|\n");
            notRun.forEach(r -> b.append("| ").append(r.experiment()).append(" | ").append(r.seed()).append(" | ")
                    .append(r.status()).append(" | ").append(cell(r.reason())).append(" |\n"));
            b.append('\n');
        }
        speed(b, ctx.timing(), runs);
        if (!ctx.notes().isEmpty()) {
            b.append("## Notes\n\n");
            ctx.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            b.append('\n');
        }
        b.append("Per-epoch numbers: `metrics.csv`. Per-run logs (with every health-monitor line), learning rates and "
                + "checkpoints: `runs/`.\n");
        return b.toString();
    }

    /** How long the parts took, and what the runs cost per experiment. */
    private static void speed(StringBuilder b, ReportWriter.Timing t, List<RunSummary> runs) {
        b.append("## Speed\n\n");
        double runSeconds = runs.stream().filter(RunSummary::ran).mapToDouble(RunSummary::seconds)
                .filter(Double::isFinite).sum();
        double wait = runs.stream().mapToDouble(RunSummary::dataWaitFraction).filter(Double::isFinite).average()
                .orElse(Double.NaN);
        b.append(String.format(Locale.ROOT, "The whole demo took %.0f s on %d cores (Java %s) up to this report: "
                        + "%.0f s to prepare the images, %.0f s to train %d runs (%s; the runs' own wall times add up "
                        + "to %.0f s), the rest for charts and the report. Each group's table gives the mean wall time "
                        + "of one run (s/run): training, evaluation after every epoch, and the finder's sweep or PBT's "
                        + "whole population included.%n%n", t.total(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), t.data(), t.training(), runs.size(), t.engine(), runSeconds));
        b.append(String.format(Locale.ROOT, "Mean share of iteration time spent waiting for data after the first "
                        + "epoch: %s (DL4J's ETL time per iteration; images are decoded once and served from memory).%n%n",
                Double.isNaN(wait) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * wait)));
    }

    private static void claim(StringBuilder b, Claims.Claim c, String where) {
        b.append("### ").append(c.statement()).append("\n\n");
        b.append("**").append(c.verdict()).append("** on the data used. ").append(where).append(' ')
                .append(c.evidence()).append(".\n\n");
        if (c.ranked().isEmpty()) {
            return;
        }
        b.append("| rank | experiment | best test accuracy | seed std | seeds |\n|---|---|---|---|---|\n");
        for (int i = 0; i < c.ranked().size(); i++) {
            Claims.Stat s = c.ranked().get(i);
            b.append(String.format(Locale.ROOT, "| %d | %s | %.1f%% | %.1f | %d |%n", i + 1, s.experiment(),
                    100 * s.mean(), 100 * s.std(), s.n()));
        }
        b.append(String.format(Locale.ROOT, "%nMargin: %.1f points; a clear margin needs %.1f.%n%n", c.margin(),
                c.needed()));
    }

    private static void table(StringBuilder b, List<RunSummary> runs, DemoConfig cfg) {
        b.append("| experiment | learning rate | best test acc | final test acc | final test loss | s/epoch | s/run | "
                + "median update:param (target 1e-3) | note |\n");
        b.append("|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<RunSummary>> byId = new LinkedHashMap<>();
        runs.forEach(r -> byId.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(r));
        byId.forEach((id, all) -> {
            List<RunSummary> rs = all.stream().filter(RunSummary::ran).toList();
            Experiment e = cfg.experiments().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
            String note = all.stream().filter(r -> !r.ran()).map(r -> r.status().name().toLowerCase(Locale.ROOT)
                    + " (seed " + r.seed() + ")").reduce((x, y) -> x + ", " + y).orElse("");
            if (!rs.isEmpty()) {
                note = (rs.get(0).diverged() ? "diverged (NaN) " : "") + rs.get(0).note() + (note.isEmpty() ? "" : "; "
                        + note);
            }
            b.append("| ").append(id)
                    .append(" | ").append(e == null ? "" : learningRate(e, cfg))
                    .append(" | ").append(pct(rs, RunSummary::bestTestAccuracy))
                    .append(" | ").append(pct(rs, RunSummary::finalTestAccuracy))
                    .append(" | ").append(num(rs, RunSummary::finalTestLoss, "%.3f"))
                    .append(" | ").append(num(rs, RunSummary::secondsPerEpoch, "%.1f"))
                    .append(" | ").append(num(rs, RunSummary::seconds, "%.0f"))
                    .append(" | ").append(num(rs, RunSummary::medianRatio, "%.1e"))
                    .append(" | ").append(cell(note)).append(" |\n");
        });
        b.append('\n');
    }

    private static String learningRate(Experiment e, DemoConfig cfg) {
        if (!e.strategy().hasLearningRate()) {
            return "none (AdaDelta)";
        }
        double lr = e.learningRate(cfg.commonLr());
        return switch (e.strategy()) {
            case SGD_STEP -> String.format(Locale.ROOT, "%.0e, x0.1 at 40%% and 70%%", lr);
            case PBT_ADAM -> String.format(Locale.ROOT, "starts at %.0e, explored", lr);
            case FINDER_ONECYCLE -> "finder's pick (1cycle peak)";
            case PRODIGY -> String.format(Locale.ROOT, "none chosen: its estimate d x %.0f", lr);
            case SCHEDULE_FREE_ADAMW -> String.format(Locale.ROOT, "%.1e (authors' default), no schedule", lr);
            default -> String.format(Locale.ROOT, "%.0e", lr);
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static void image(StringBuilder b, String title, String file) {
        b.append("![").append(title).append("](").append(file).append(")\n\n");
    }

    private static String pct(List<RunSummary> rs, ToDoubleFunction<RunSummary> f) {
        Claims.Stat s = Claims.of("", rs.stream().map(f::applyAsDouble).toList());
        if (rs.isEmpty() || Double.isNaN(s.mean())) {
            return "n/a";
        }
        return rs.size() > 1 ? String.format(Locale.ROOT, "%.1f%% ± %.1f", 100 * s.mean(), 100 * s.std())
                : String.format(Locale.ROOT, "%.1f%%", 100 * s.mean());
    }

    private static String num(List<RunSummary> rs, ToDoubleFunction<RunSummary> f, String format) {
        Claims.Stat s = Claims.of("", rs.stream().map(f::applyAsDouble).toList());
        if (rs.isEmpty() || Double.isNaN(s.mean())) {
            return "n/a";
        }
        return rs.size() > 1 ? String.format(Locale.ROOT, format + " ± " + format, s.mean(), s.std())
                : String.format(Locale.ROOT, format, s.mean());
    }

}
