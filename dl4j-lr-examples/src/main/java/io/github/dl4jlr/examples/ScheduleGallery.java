package io.github.dl4jlr.examples;

import io.github.dl4jlr.internal.plot.LinePlot;
import io.github.dl4jlr.schedule.BaseSchedule;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.CosineWarmRestartsSchedule;
import io.github.dl4jlr.schedule.CyclicSchedule;
import io.github.dl4jlr.schedule.LinearDecaySchedule;
import io.github.dl4jlr.schedule.MultiStepSchedule;
import io.github.dl4jlr.schedule.OneCycleSchedule;
import io.github.dl4jlr.schedule.PolynomialDecaySchedule;
import io.github.dl4jlr.schedule.SequentialSchedule;
import io.github.dl4jlr.schedule.StepDecaySchedule;
import io.github.dl4jlr.schedule.WarmupSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws every schedule of the library with typical settings to PNG charts and writes their values to a CSV.
 *
 * <pre>
 *   java -jar dl4j-lr-examples/target/dl4j-lr-examples.jar [--out DIR] [--steps N]
 * </pre>
 */
public final class ScheduleGallery {

    private static final Logger log = LoggerFactory.getLogger(ScheduleGallery.class);

    /** What the gallery wrote. */
    public static final class Result {
        private final Path outputDirectory;
        private final List<Path> charts;
        private final Path csv;

        Result(Path outputDirectory, List<Path> charts, Path csv) {
            this.outputDirectory = outputDirectory;
            this.charts = List.copyOf(charts);
            this.csv = csv;
        }

        public Path outputDirectory() {
            return outputDirectory;
        }

        public List<Path> charts() {
            return charts;
        }

        public Path csv() {
            return csv;
        }
    }

    @Command(name = "schedule-gallery", mixinStandardHelpOptions = true,
            description = "Draws every dl4j-lr schedule to PNG and writes their values to schedules.csv.")
    static final class Options {
        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "schedule-gallery");

        @Option(names = "--steps", description = "Steps drawn per schedule; settings scale with it (default: ${DEFAULT-VALUE}).")
        int steps = 1000;
    }

    private ScheduleGallery() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    /** Runs the gallery; returns {@code null} when only help or the version was asked for. */
    public static Result run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        Cli.atLeast("--steps", o.steps, 20);
        return draw(o.out, o.steps);
    }

    /** Typical settings of every schedule, scaled to {@code n} steps (at n = 1000 the seed recipe is exact). */
    static Map<String, ISchedule> gallery(int n) {
        ScheduleType it = ScheduleType.ITERATION;
        Map<String, ISchedule> m = new LinkedHashMap<>();
        m.put("step-decay", new StepDecaySchedule(it, 0.1, 0.5, n / 10));
        m.put("multi-step-seed-recipe", new MultiStepSchedule(ScheduleType.EPOCH, 0.1, 0.1, new int[]{n * 4 / 10, n * 7 / 10}));
        m.put("linear-decay", new LinearDecaySchedule(it, 0.1, 0.001, n));
        m.put("polynomial-decay-p2", new PolynomialDecaySchedule(it, 0.1, 1e-4, n, 2.0));
        m.put("cosine-decay", new CosineDecaySchedule(it, 0.1, 1e-3, n));
        m.put("cosine-warm-restarts", new CosineWarmRestartsSchedule(it, 0.1, 1e-3, Math.max(1, n / 15), 2));
        m.put("cyclic-triangular", new CyclicSchedule(it, 1e-3, 6e-3, n / 10, n / 10, CyclicSchedule.Mode.TRIANGULAR, 1.0));
        m.put("cyclic-triangular2", new CyclicSchedule(it, 1e-3, 6e-3, n / 10, n / 10, CyclicSchedule.Mode.TRIANGULAR2, 1.0));
        m.put("cyclic-exp-range", new CyclicSchedule(it, 1e-3, 6e-3, n / 10, n / 10, CyclicSchedule.Mode.EXP_RANGE,
                Math.pow(0.1, 1.0 / n)));
        m.put("one-cycle", OneCycleSchedule.withDefaults(it, 0.1, n));
        m.put("one-cycle-three-phase", new OneCycleSchedule(it, 0.1, n, 0.3, 25, 1e4, OneCycleSchedule.Anneal.LINEAR, true));
        m.put("one-cycle-momentum", OneCycleSchedule.momentum(it, 0.85, 0.95, n, 0.3, OneCycleSchedule.Anneal.COS, false));
        m.put("warmup-then-cosine", new WarmupSchedule(it, n / 20, 0.0, new CosineDecaySchedule(it, 0.1, 1e-3, n - n / 20)));
        m.put("sequential-warmup-then-step", new SequentialSchedule(it, new int[]{n / 10},
                new LinearDecaySchedule(it, 0.01, 0.1, n / 10), new StepDecaySchedule(it, 0.1, 0.5, n / 5)));
        return m;
    }

    private static Result draw(Path out, int n) throws IOException {
        Files.createDirectories(out);
        Map<String, ISchedule> schedules = gallery(n);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        List<Path> charts = new ArrayList<>();
        for (Map.Entry<String, ISchedule> e : schedules.entrySet()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = e.getValue().valueAt(i, i);
            }
            values.put(e.getKey(), v);
            boolean log = LinePlot.allPositive(v) && max(v) / min(v) >= 20;
            String axis = ((BaseSchedule) e.getValue()).getScheduleType() == ScheduleType.EPOCH ? "epoch" : "iteration";
            Path png = LinePlot.create(e.getKey(), axis, e.getKey().contains("momentum") ? "momentum" : "learning rate")
                    .logY(log)
                    .line(e.getValue().toString().replaceAll("\\(.*", ""), t, v)
                    .savePng(out.resolve(e.getKey() + ".png"));
            charts.add(png);
        }
        Path csv = writeCsv(out.resolve("schedules.csv"), values, n);
        log.info("Schedule gallery: {} charts and {} written to {}", charts.size(), csv.getFileName(), out.toAbsolutePath());
        return new Result(out, charts, csv);
    }

    private static Path writeCsv(Path file, Map<String, double[]> values, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t," + String.join(",", values.keySet()));
            w.newLine();
            for (int i = 0; i < n; i++) {
                StringBuilder row = new StringBuilder().append(i);
                for (double[] v : values.values()) {
                    row.append(',').append(String.format(Locale.ROOT, "%.10g", v[i]));
                }
                w.write(row.toString());
                w.newLine();
            }
        }
        return file;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }
}
