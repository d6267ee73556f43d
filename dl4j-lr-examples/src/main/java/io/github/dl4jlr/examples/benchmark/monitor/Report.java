package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.internal.util.LossTracker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The suite's CSVs and markdown tables. */
final class Report {

    private Report() {
    }

    static String markdown(List<Scores.Judged> judged, List<Outcome> rollbacks, Map<String, Double> good) {
        StringBuilder b = new StringBuilder("Good rates (lowest mean test loss over the seeds, half-decade grid 1e-4 ... "
                + "1): ");
        new TreeMap<>(good).forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.2g; ", k, v)));
        b.append("\n\n").append(Scores.HEADER).append('\n');
        Scores.rows(judged).forEach(r -> b.append(r.markdown()).append('\n'));
        long ambiguous = judged.stream().filter(j -> j.truth() == Kind.AMBIGUOUS).count();
        b.append(String.format(Locale.ROOT, "\nAll kinds: %s; %d of %d runs did not turn out as built and are left "
                + "out.\n", rightShare(judged), ambiguous, judged.size()));
        b.append(signal(judged));
        b.append("By line (event kind, direction):");
        Scores.byLine(judged).forEach((line, t) -> b.append(String.format(Locale.ROOT, " %s %d of %d right;", line,
                t[0], t[1])));
        b.append('\n');
        b.append(EarlyStopping.summary(EarlyStopping.rows(judged)));
        int[] dead = Scores.deadNamedAfterOnset(judged);
        if (dead[1] > 0) {
            b.append(String.format(Locale.ROOT, "Dead runs named within %d epochs of settling at their chance level "
                    + "(every later epoch loss at least %.1fx it): %d of %d.\n", Scores.RECALL_EPOCHS, Truth.DEAD_LOSS,
                    dead[0], dead[1]));
        }
        Map<Kind, Long> spikes = new TreeMap<>();
        judged.stream().filter(j -> j.truth() != Kind.AMBIGUOUS && j.outcome().spikes() > 0)
                .forEach(j -> spikes.merge(j.truth(), j.outcome().spikes(), Long::sum));
        b.append("Loss-spike lines (a WARN that advises nothing yet; not counted above): ")
                .append(spikes.isEmpty() ? "none" : spikes.toString()).append(".\n");
        if (!rollbacks.isEmpty()) {
            b.append("\nUnder ROLLBACK (the same high-rate builds; truth from the LOG run; losses and accuracy against "
                    + "the healthy run of the same seed):\n\n| kind (LOG run) | runs | rollbacks per run | stopped | "
                    + "test loss / healthy, median: LOG -> ROLLBACK | accuracy - healthy, mean: LOG -> ROLLBACK |\n"
                    + "|---|---|---|---|---|---|\n");
            Map<Kind, List<Outcome[]>> byKind = new EnumMap<>(Kind.class);
            for (Outcome rb : rollbacks) {
                Scores.Judged logRun = find(judged, rb.scenario());
                Scores.Judged healthy = find(judged, new Scenario(rb.scenario().problem(), rb.scenario().optimizer(),
                        "good", 0, 0, 0, rb.scenario().seed(), null));
                if (logRun != null && healthy != null) {
                    byKind.computeIfAbsent(logRun.truth(), k -> new ArrayList<>())
                            .add(new Outcome[]{logRun.outcome(), rb, healthy.outcome()});
                }
            }
            byKind.forEach((kind, list) -> b.append(rollbackRow(kind, list)).append('\n'));
        }
        return b.toString();
    }

    /**
     * Per problem, the good runs' mean test loss against the chance level, and the advice lines on the problems with
     * a signal (see {@link Truth#NO_SIGNAL}) when some problem has none.
     */
    static String signal(List<Scores.Judged> judged) {
        Map<String, double[]> shares = new TreeMap<>();
        for (Scores.Judged j : judged) {
            Outcome o = j.outcome();
            if (o.scenario().build().equals("good") && Double.isFinite(o.testLoss()) && o.chance() > 0) {
                double[] sum = shares.computeIfAbsent(o.scenario().problem(), k -> new double[2]);
                sum[0] += o.testLoss() / o.chance();
                sum[1]++;
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Test loss of the good runs against the chance "
                + "level (at least %.2f: no signal at this budget, the best rate is the one that learned least):",
                Truth.NO_SIGNAL));
        List<String> without = new ArrayList<>();
        shares.forEach((p, sum) -> {
            double share = sum[0] / sum[1];
            b.append(String.format(Locale.ROOT, " %s %.3f;", p, share));
            if (share >= Truth.NO_SIGNAL) {
                without.add(p);
            }
        });
        b.append('\n');
        if (!without.isEmpty()) {
            List<Scores.Judged> with = judged.stream()
                    .filter(j -> !without.contains(j.outcome().scenario().problem())).toList();
            b.append("Without ").append(String.join(", ", without)).append(": ").append(rightShare(with))
                    .append(".\n");
        }
        return b.toString();
    }

    /** {@code "233 of 286 advice lines point the right way (81.5%)"} over the runs' scored kinds. */
    private static String rightShare(List<Scores.Judged> judged) {
        int advice = 0;
        int right = 0;
        for (Scores.Row r : Scores.rows(judged)) {
            advice += r.advice();
            right += r.right();
        }
        return String.format(Locale.ROOT, "%d of %d advice lines point the right way (%.1f%%)", right, advice,
                advice == 0 ? 100.0 : 100.0 * right / advice);
    }

    private static String rollbackRow(Kind kind, List<Outcome[]> list) {
        double[] logLoss = new double[list.size()];
        double[] rbLoss = new double[list.size()];
        double logAcc = 0;
        double rbAcc = 0;
        int stopped = 0;
        int rolls = 0;
        for (int i = 0; i < list.size(); i++) {
            Outcome[] t = list.get(i);
            logLoss[i] = ratio(t[0].testLoss(), t[2].testLoss());
            rbLoss[i] = ratio(t[1].testLoss(), t[2].testLoss());
            logAcc += finiteOr0(t[0].accuracy()) - t[2].accuracy();
            rbAcc += finiteOr0(t[1].accuracy()) - t[2].accuracy();
            stopped += t[1].stopped() ? 1 : 0;
            rolls += t[1].rollbacks().size();
        }
        int n = list.size();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %.3g -> %.3g | %+.1f -> %+.1f points |", kind, n,
                rolls / (double) n, stopped, LossTracker.medianIgnoringNaN(logLoss), LossTracker.medianIgnoringNaN(rbLoss),
                100 * logAcc / n, 100 * rbAcc / n);
    }

    private static double ratio(double loss, double healthy) {
        return Double.isFinite(loss) ? loss / healthy : Double.POSITIVE_INFINITY;
    }

    private static double finiteOr0(double acc) {
        return Double.isFinite(acc) ? acc : 0;
    }

    /** The judged run of the same problem, optimizer, build and seed as {@code like}; null when there is none. */
    static Scores.Judged find(List<Scores.Judged> judged, Scenario like) {
        return judged.stream().filter(j -> j.outcome().scenario().problem().equals(like.problem())
                && j.outcome().scenario().optimizer().equals(like.optimizer())
                && j.outcome().scenario().build().equals(like.build())
                && j.outcome().scenario().seed() == like.seed()).findFirst().orElse(null);
    }

    static String runsCsv(List<Scores.Judged> judged) {
        StringBuilder b = new StringBuilder("problem,optimizer,build,seed,lr,good_lr,epochs,truth,accuracy,test_loss,"
                + "first_epoch_loss,last_epoch_loss,advice,right,troubles,first_named_epoch,max_ratio_first3,"
                + "p90_max_ratio_later,median_ratio,chance,death_onset,epoch_losses,validation_losses,test_losses\n");
        for (Scores.Judged j : judged) {
            Outcome o = j.outcome();
            Scenario s = o.scenario();
            long right = o.advice().stream().filter(a -> j.truth().right().contains(a.direction())).count();
            double[] ratios = o.ratios();
            String losses = joined(o.epochLoss());
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%d,%s,%.4f,%.5g,%.5g,%.5g,%d,%d,%d,%d,%.3g,%.3g,%.3g,"
                            + "%.4g,%d,%s,%s,%s%n",
                    s.problem(), s.optimizer(), s.build(), s.seed(), s.lr(), s.good(), s.epochs(), j.truth(),
                    o.accuracy(), o.testLoss(), o.firstEpochLoss(), o.lastEpochLoss(), o.advice().size(), right,
                    o.troubles(), Scores.firstNamed(j), ratios[0], ratios[1], ratios[2], o.chance(),
                    Scores.deathOnset(o), losses, joined(o.validationLoss()),
                    joined(o.epochTestLoss())));
        }
        return b.toString();
    }

    private static String joined(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v))
                .collect(Collectors.joining(";"));
    }

    static String adviceCsv(List<Scores.Judged> judged) {
        StringBuilder b = new StringBuilder("problem,optimizer,build,seed,truth,epoch,iteration,kind,direction,right,"
                + "message\n");
        for (Scores.Judged j : judged) {
            Scenario s = j.outcome().scenario();
            for (Outcome.Advice a : j.outcome().advice()) {
                b.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%d,%d,%s,%s,%s,\"%s\"%n", s.problem(),
                        s.optimizer(), s.build(), s.seed(), j.truth(), a.event().epoch(), a.event().iteration(),
                        a.event().kind(), a.direction(), j.truth().right().contains(a.direction()),
                        a.event().message().replace("\"", "'")));
            }
        }
        return b.toString();
    }

    static String rollbackCsv(List<Outcome> rollbacks, List<Scores.Judged> judged) {
        StringBuilder b = new StringBuilder("problem,optimizer,build,seed,log_truth,rollbacks,stopped,accuracy,test_loss\n");
        for (Outcome o : rollbacks) {
            Scores.Judged logRun = find(judged, o.scenario());
            Scenario s = o.scenario();
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%d,%s,%.4f,%.5g%n", s.problem(), s.optimizer(),
                    s.build(), s.seed(), logRun == null ? "" : logRun.truth(), o.rollbacks().size(), o.stopped(),
                    o.accuracy(), o.testLoss()));
        }
        return b.toString();
    }
}
