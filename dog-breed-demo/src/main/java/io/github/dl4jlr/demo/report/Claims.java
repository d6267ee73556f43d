package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.RunSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The article's two claims, checked against what was measured (pure functions over run summaries).
 * Accuracies are each experiment's best test accuracy over its epochs, averaged over seeds.
 */
public final class Claims {

    /** Minimum margin, in accuracy points, for "clearly best". */
    public static final double CLEAR_MARGIN_POINTS = 1.0;

    /** A claim, whether it held ({@code null}: could not be checked with the experiments run), and the evidence. */
    public record Claim(String statement, Boolean held, String evidence) {
    }

    /** Mean and standard deviation over seeds of one experiment. */
    public record Stat(String experiment, double mean, double std, int n) {
    }

    private Claims() {
    }

    public static Map<String, Stat> bestAccuracy(List<RunSummary> runs, String group) {
        return stat(runs, group, true);
    }

    public static Map<String, Stat> minLoss(List<RunSummary> runs, String group) {
        return stat(runs, group, false);
    }

    private static Map<String, Stat> stat(List<RunSummary> runs, String group, boolean accuracy) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            if (r.group().equals(group)) {
                double v = accuracy ? r.bestTestAccuracy() : r.minTestLoss();
                values.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<String, Stat> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, of(k, v)));
        return out;
    }

    static Stat of(String id, List<Double> v) {
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.size() - 1);
        return new Stat(id, mean, v.size() > 1 ? Math.sqrt(var) : 0, v.size());
    }

    /** "Adam with learning rate 0.001 is clearly the best of 0.1, 0.01 and 0.001." */
    public static Claim lrSweep(List<RunSummary> runs, String bestId) {
        String statement = "Adam at 0.001 is clearly the best of 0.1, 0.01 and 0.001";
        Map<String, Stat> acc = bestAccuracy(runs, "lr-sweep");
        if (!acc.containsKey(bestId) || acc.size() < 2) {
            return new Claim(statement, null, "not checked: the lr-sweep experiments were not all run");
        }
        List<Stat> ranked = ranked(acc);
        Stat top = ranked.get(0);
        Stat second = ranked.get(1);
        double marginPoints = 100 * (top.mean() - second.mean());
        double noisePoints = 100 * Math.max(top.std(), second.std());
        boolean held = top.experiment().equals(bestId) && marginPoints >= Math.max(CLEAR_MARGIN_POINTS, 2 * noisePoints);
        return new Claim(statement, held, String.format(Locale.ROOT, "best test accuracy: %s; %s leads by %.1f points "
                        + "(\"clearly\" needs %.1f: the larger of %.0f point and twice the larger seed std)", describe(ranked),
                top.experiment(), marginPoints, Math.max(CLEAR_MARGIN_POINTS, 2 * noisePoints), CLEAR_MARGIN_POINTS));
    }

    /** "Adam has the highest accuracy and the lowest loss of the optimizers." */
    public static Claim optimizers(List<RunSummary> runs, String adamId) {
        String statement = "Adam has the highest accuracy and the lowest loss of the optimizers";
        Map<String, Stat> acc = bestAccuracy(runs, "optimizers");
        Map<String, Stat> loss = minLoss(runs, "optimizers");
        if (!acc.containsKey(adamId) || acc.size() < 2) {
            return new Claim(statement, null, "not checked: the optimizer experiments were not all run");
        }
        List<Stat> byAcc = ranked(acc);
        List<Stat> byLoss = new ArrayList<>(loss.values());
        byLoss.sort(Comparator.comparingDouble((Stat s) -> Double.isNaN(s.mean()) ? Double.POSITIVE_INFINITY : s.mean()));
        boolean highest = byAcc.get(0).experiment().equals(adamId);
        boolean lowest = byLoss.get(0).experiment().equals(adamId);
        return new Claim(statement, highest && lowest, String.format(Locale.ROOT,
                "highest best test accuracy: %s (%.1f%%), Adam %.1f%%; lowest min test loss: %s (%.3f), Adam %.3f",
                byAcc.get(0).experiment(), 100 * byAcc.get(0).mean(), 100 * acc.get(adamId).mean(),
                byLoss.get(0).experiment(), byLoss.get(0).mean(), loss.get(adamId).mean()));
    }

    private static List<Stat> ranked(Map<String, Stat> acc) {
        List<Stat> ranked = new ArrayList<>(acc.values());
        ranked.sort(Comparator.comparingDouble((Stat s) -> Double.isNaN(s.mean()) ? Double.NEGATIVE_INFINITY : s.mean())
                .reversed());
        return ranked;
    }

    private static String describe(List<Stat> ranked) {
        List<String> parts = new ArrayList<>();
        for (Stat s : ranked) {
            parts.add(String.format(Locale.ROOT, "%s %.1f%%", s.experiment(), 100 * s.mean()));
        }
        return String.join(", ", parts);
    }
}
