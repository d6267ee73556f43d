package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.Group;
import io.github.dl4jlr.demo.experiment.RunSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The article's two claims, checked against what was measured (pure functions over run summaries). Accuracies are
 * each experiment's best test accuracy over its epochs, averaged over seeds; skipped and failed runs do not count.
 *
 * <p><b>When a verdict is firm.</b> A margin means something only against the spread between seeds: a verdict is firm
 * with at least {@value #FIRM_SEEDS} seeds and a margin of at least {@value #CLEAR_MARGIN_POINTS} point and twice the
 * larger standard deviation of the two. With fewer seeds the verdict is reported as indicative.
 */
public final class Claims {

    /** Minimum margin, in accuracy points, for "clearly best". */
    public static final double CLEAR_MARGIN_POINTS = 1.0;
    /** Seeds a firm verdict needs. */
    public static final int FIRM_SEEDS = 3;

    /**
     * A claim and what was measured for it.
     *
     * @param held      whether it held ({@code null}: could not be checked with the experiments run)
     * @param ranked    the compared experiments, best first
     * @param margin    the leader's margin over the runner-up, in accuracy points
     * @param needed    the margin "clearly" needs, in accuracy points
     * @param seeds     the fewest seeds behind any compared experiment
     */
    public record Claim(String statement, Boolean held, String evidence, List<Stat> ranked, double margin, double needed,
                        int seeds) {

        /** Whether enough seeds stand behind the verdict (see the class comment). */
        public boolean firm() {
            return held != null && seeds >= FIRM_SEEDS;
        }

        /** e.g. "HELD", "DID NOT HOLD (indicative: 1 seed; a firm verdict needs 3 or more)". */
        public String verdict() {
            if (held == null) {
                return "NOT CHECKED";
            }
            String v = held ? "HELD" : "DID NOT HOLD";
            return firm() ? v : v + " (indicative: " + seeds + " seed" + (seeds == 1 ? "" : "s") + "; a firm verdict "
                    + "needs " + FIRM_SEEDS + " or more)";
        }
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
            if (r.group().equals(group) && r.ran()) {
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
        Map<String, Stat> acc = bestAccuracy(runs, Group.LR_SWEEP.id());
        if (!acc.containsKey(bestId) || acc.size() < 2) {
            return new Claim(statement, null, "not checked: the lr-sweep experiments did not all run", List.of(), Double.NaN,
                    Double.NaN, 0);
        }
        List<Stat> ranked = ranked(acc);
        Stat top = ranked.get(0);
        Stat second = ranked.get(1);
        double marginPoints = 100 * (top.mean() - second.mean());
        double needed = Math.max(CLEAR_MARGIN_POINTS, 2 * 100 * Math.max(top.std(), second.std()));
        boolean held = top.experiment().equals(bestId) && marginPoints >= needed;
        return new Claim(statement, held, String.format(Locale.ROOT, "%s leads by %.1f points; \"clearly\" needs %.1f "
                        + "(the larger of %.0f point and twice the larger seed standard deviation)", top.experiment(),
                marginPoints, needed, CLEAR_MARGIN_POINTS), ranked, marginPoints, needed, minSeeds(ranked));
    }

    /** "Adam has the highest accuracy and the lowest loss of the optimizers." */
    public static Claim optimizers(List<RunSummary> runs, String adamId) {
        String statement = "Adam has the highest accuracy and the lowest loss of the optimizers";
        Map<String, Stat> acc = bestAccuracy(runs, Group.OPTIMIZERS.id());
        Map<String, Stat> loss = minLoss(runs, Group.OPTIMIZERS.id());
        if (!acc.containsKey(adamId) || acc.size() < 2) {
            return new Claim(statement, null, "not checked: the optimizer experiments did not all run", List.of(),
                    Double.NaN, Double.NaN, 0);
        }
        List<Stat> byAcc = ranked(acc);
        List<Stat> byLoss = new ArrayList<>(loss.values());
        byLoss.sort(Comparator.comparingDouble((Stat s) -> Double.isNaN(s.mean()) ? Double.POSITIVE_INFINITY : s.mean()));
        boolean highest = byAcc.get(0).experiment().equals(adamId);
        boolean lowest = byLoss.get(0).experiment().equals(adamId);
        Stat other = highest ? byAcc.get(1) : byAcc.get(0);
        double margin = 100 * (acc.get(adamId).mean() - other.mean());
        double needed = Math.max(CLEAR_MARGIN_POINTS, 2 * 100 * Math.max(acc.get(adamId).std(), other.std()));
        return new Claim(statement, highest && lowest, String.format(Locale.ROOT,
                "highest best test accuracy: %s (%.1f%%), Adam %.1f%% (%+.1f points against %s); lowest min test loss: "
                        + "%s (%.3f), Adam %.3f", byAcc.get(0).experiment(), 100 * byAcc.get(0).mean(),
                100 * acc.get(adamId).mean(), margin, other.experiment(), byLoss.get(0).experiment(), byLoss.get(0).mean(),
                loss.get(adamId).mean()), byAcc, margin, needed, minSeeds(byAcc));
    }

    /**
     * "The learning-rate-free updaters, with no learning rate chosen, do as well as Adam at the common rate": each
     * experiment of the lr-free group is at most a clear margin (as in {@link #lrSweep}) below Adam's mean accuracy.
     */
    public static Claim learningRateFree(List<RunSummary> runs, String adamId) {
        String statement = "With no learning rate chosen, the learning-rate-free updaters do as well as Adam at the "
                + "common rate";
        Map<String, Stat> free = bestAccuracy(runs, Group.LR_FREE.id());
        Stat adam = bestAccuracy(runs, Group.OPTIMIZERS.id()).get(adamId);
        if (free.isEmpty() || adam == null) {
            return new Claim(statement, null, "not checked: needs the lr-free group and " + adamId + " in the optimizers "
                    + "group", List.of(), Double.NaN, Double.NaN, 0);
        }
        Map<String, Stat> compared = new LinkedHashMap<>(free);
        compared.put(adamId, adam);
        List<Stat> ranked = ranked(compared);
        boolean held = true;
        double worstMargin = Double.POSITIVE_INFINITY;
        double worstNeeded = Double.NaN;
        List<String> parts = new ArrayList<>();
        for (Stat f : free.values()) {
            double margin = 100 * (f.mean() - adam.mean());
            double needed = Math.max(CLEAR_MARGIN_POINTS, 2 * 100 * Math.max(f.std(), adam.std()));
            boolean asGood = !Double.isNaN(margin) && margin > -needed;
            held &= asGood;
            if (Double.isNaN(margin) || margin < worstMargin) {
                worstMargin = Double.isNaN(margin) ? Double.NEGATIVE_INFINITY : margin;
                worstNeeded = needed;
            }
            parts.add(String.format(Locale.ROOT, "%s %+.1f points against %s (%s)", f.experiment(), margin, adamId,
                    asGood ? "as good: not a clear margin below" : "clearly below: more than " + String.format(
                            Locale.ROOT, "%.1f", needed)));
        }
        return new Claim(statement, held, String.join("; ", parts), ranked, worstMargin, worstNeeded, minSeeds(ranked));
    }

    private static int minSeeds(List<Stat> stats) {
        return stats.stream().mapToInt(Stat::n).min().orElse(0);
    }

    private static List<Stat> ranked(Map<String, Stat> acc) {
        List<Stat> ranked = new ArrayList<>(acc.values());
        ranked.sort(Comparator.comparingDouble((Stat s) -> Double.isNaN(s.mean()) ? Double.NEGATIVE_INFINITY : s.mean())
                .reversed());
        return ranked;
    }
}
