package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.examples.Cli;
import io.github.dl4jlr.monitor.TroubleMode;
import io.github.dl4jlr.internal.util.AtomicFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The health monitor's scenario suite: real training runs whose right answer is known from their own outcome
 * (healthy with a constant rate, a cosine decay, step cuts and ReduceLROnPlateau; too high but finite; blown up to
 * NaN; too low; dead after a high-rate start; converged to a near-zero loss; a real plateau), on several data sets,
 * models, optimizers and seeds. It reports, per kind, how many of the monitor's advice lines point the right way, the
 * false alarms on healthy runs, and how often each problem is named within 3 epochs; then the same problem runs under
 * ROLLBACK against the healthy run. The suite judges a run where its budget ends; the report also gives the lines about
 * the rate's direction as a user with early stopping would see them ({@link EarlyStopping}).
 *
 * <pre>
 *   java -Dlogback.configurationFile=config/logback-quiet.xml -cp dl4j-lr-examples/target/dl4j-lr-examples.jar \
 *        io.github.dl4jlr.examples.benchmark.monitor.MonitorScenarioBenchmark --part tuning    # or heldout
 * </pre>
 * Writes {@code monitor-scenarios-<part>.csv} (one row per run, with its training loss per epoch and its test loss at
 * every epoch end), {@code monitor-advice-<part>.csv} (one row per advice line) and {@code monitor-scenarios-<part>.md}
 * (the tables) under {@code --out}. With {@code --validation} the last fifth of each table's training rows goes to the
 * monitor as validation data (and its loss at every epoch end to the CSV), and the files end in {@code -validation}.
 * On the regression tables (concrete, sacramento, biomass, and the sequences of chicago) the score in place of the
 * accuracy, in the log and the {@code accuracy} column, is the R squared on the test rows (every step of a sequence).
 */
public final class MonitorScenarioBenchmark {

    private static final Logger log = LoggerFactory.getLogger(MonitorScenarioBenchmark.class);
    private static final double[] GRID = {1e-4, 3.16e-4, 1e-3, 3.16e-3, 1e-2, 3.16e-2, 1e-1, 3.16e-1, 1};

    @Command(name = "monitor-scenarios", mixinStandardHelpOptions = true,
            description = "The health monitor's advice on training runs with a known right answer.")
    static final class Options {
        @Option(names = "--part", description = "tuning (iris, blobs, digits), heldout (digits-cnn, breast-cancer, "
                + "wine, fashion-cnn, letter, satellite, vehicle, vowel, dna, ionosphere, spam, glass, shuttle, "
                + "soybean, musk, cells, hpc, churn, telco, attrition, credit, penguins, stackoverflow, lending, "
                + "alzheimer, speech, twoclass, pima, votes, sonar, cytology, bivariate, parabolic, grants, german, "
                + "simulated, diamonds, survey, the regression tables concrete, sacramento, biomass, and the time "
                + "series chicago) or all (default: ${DEFAULT-VALUE}).")
        String part = "tuning";

        @Option(names = "--problems", split = ",", description = "Problems to run instead of a part.")
        List<String> problems;

        @Option(names = "--optimizers", split = ",", description = "sgd, momentum, adam (default: ${DEFAULT-VALUE}).")
        List<String> optimizers = List.of("sgd", "momentum", "adam");

        @Option(names = "--seeds", description = "Seeds per scenario (default: ${DEFAULT-VALUE}).")
        int seeds = 3;

        @Option(names = "--epochs-scale", description = "Multiplies every epoch budget, for a quick run "
                + "(default: ${DEFAULT-VALUE}).")
        double epochsScale = 1;

        @Option(names = "--no-rollback", negatable = true, description = "Also run the problem builds under ROLLBACK "
                + "(default: ${DEFAULT-VALUE}).")
        boolean rollback = true;

        @Option(names = "--validation", description = "Hold out the last fifth of each problem's training rows and "
                + "give it to the monitor as validation data (the test rows still decide what each run is) "
                + "(default: ${DEFAULT-VALUE}).")
        boolean validation;

        @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("results", "benchmarks");
    }

    /** Everything one invocation measured. */
    public record Result(List<Scores.Judged> judged, List<Outcome> rollbacks, Map<String, Double> good,
                         String markdown) {
    }

    private MonitorScenarioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli.main(() -> run(args));
    }

    public static Result run(String... args) throws IOException {
        Options o = Cli.parse(new Options(), args);
        if (o == null) {
            return null;
        }
        List<Problem> problems = o.problems != null ? o.problems.stream().map(Problem::named).toList()
                : Problem.ALL.stream().filter(p -> o.part.equals("all") || p.heldOut() == o.part.equals("heldout"))
                .toList();
        Map<String, Double> good = new HashMap<>();
        List<Scores.Judged> judged = new ArrayList<>();
        List<Outcome> rollbacks = new ArrayList<>();
        for (Problem p : problems) {
            int epochs = Math.max(2, (int) Math.round(p.epochs() * o.epochsScale));
            for (String opt : o.optimizers) {
                double g = goodRate(p, opt, epochs, o.seeds, o.validation);
                good.put(p.name() + "/" + opt, g);
                for (long seed = 0; seed < o.seeds; seed++) {
                    List<Outcome> logRuns = new ArrayList<>();
                    for (Scenario s : Suite.builds(p.name(), opt, g, epochs, seed, TroubleMode.LOG)) {
                        logRuns.add(ScenarioRunner.run(s, o.validation));
                    }
                    double healthy = logRuns.get(0).accuracy();
                    for (Outcome out : logRuns) {
                        Kind truth = Truth.of(out, healthy);
                        judged.add(new Scores.Judged(out, truth));
                        log.info(String.format(Locale.ROOT, "%-40s %-15s acc %.3f loss %.3g advice %s",
                                out.scenario().id(), truth, out.accuracy(), out.testLoss(), out.advice().stream()
                                        .map(a -> a.event().epoch() + ":" + a.direction()).toList()));
                    }
                    if (o.rollback) {
                        for (Scenario s : Suite.builds(p.name(), opt, g, epochs, seed, TroubleMode.ROLLBACK)) {
                            if (s.high()) {
                                Outcome out = ScenarioRunner.run(s, o.validation);
                                rollbacks.add(out);
                                log.info(String.format(Locale.ROOT, "%-40s rollbacks %d stopped %s acc %.3f loss %.3g "
                                                + "(healthy %.3f)", s.id(), out.rollbacks().size(), out.stopped(),
                                        out.accuracy(), out.testLoss(), healthy));
                            }
                        }
                    }
                }
            }
            write(o, judged, rollbacks, good);
        }
        String md = write(o, judged, rollbacks, good);
        log.info("\n{}", md);
        return new Result(judged, rollbacks, good, md);
    }

    /** Writes the CSVs and tables of what ran so far; returns the tables. */
    private static String write(Options o, List<Scores.Judged> judged, List<Outcome> rollbacks,
                                Map<String, Double> good) throws IOException {
        String part = (o.problems != null ? String.join("-", o.problems) : o.part)
                + (o.validation ? "-validation" : "");
        String md = Report.markdown(judged, rollbacks, good);
        Files.createDirectories(o.out);
        AtomicFile.writeString(o.out.resolve("monitor-scenarios-" + part + ".csv"), Report.runsCsv(judged));
        AtomicFile.writeString(o.out.resolve("monitor-advice-" + part + ".csv"), Report.adviceCsv(judged));
        AtomicFile.writeString(o.out.resolve("monitor-rollback-" + part + ".csv"), Report.rollbackCsv(rollbacks, judged));
        AtomicFile.writeString(o.out.resolve("monitor-scenarios-" + part + ".md"), md);
        return md;
    }

    /**
     * The rate of the half-decade grid with the lowest mean test loss over the seeds (constant rate, same epochs): the
     * loss, because test accuracy on a few dozen examples ties and rewards a lucky seed.
     */
    static double goodRate(Problem p, String optimizer, int epochs, int seeds, boolean validation) {
        double best = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestAcc = Double.NaN;
        for (double lr : GRID) {
            double loss = 0;
            double acc = 0;
            for (long seed = 0; seed < seeds; seed++) {
                Outcome out = ScenarioRunner.run(new Scenario(p.name(), optimizer, "grid", lr, lr, epochs, seed,
                        TroubleMode.LOG), validation);
                loss += Double.isFinite(out.testLoss()) ? out.testLoss() / seeds : Double.POSITIVE_INFINITY;
                acc += out.accuracy() / seeds;
            }
            if (loss < bestLoss) {
                best = lr;
                bestLoss = loss;
                bestAcc = acc;
            }
        }
        log.info(String.format(Locale.ROOT, "%s/%s: good rate %.2e (mean test loss %.3g, accuracy %.3f)", p.name(),
                optimizer, best, bestLoss, bestAcc));
        return best;
    }
}
