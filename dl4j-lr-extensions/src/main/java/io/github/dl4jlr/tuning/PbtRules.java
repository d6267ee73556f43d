package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pure exploit and explore rules (Jaderberg et al., 2017); scores are "higher is better".
 */
final class PbtRules {

    private PbtRules() {
    }

    /**
     * For each member, the donor whose weights it should copy, or -1 to keep its own. A donor must have scored
     * strictly higher (NaN scores never do). Ranking ties are broken by the lower member index, so the result depends
     * only on the scores and the RNG.
     */
    static int[] exploit(double[] scores, Exploit strategy, Random rng) {
        int n = scores.length;
        int[] donor = new int[n];
        Arrays.fill(donor, -1);
        if (n < 2) {
            return donor;
        }
        if (strategy == Exploit.TRUNCATION) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // Best first; NaN scores rank last.
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY
                    : scores[i]).reversed().thenComparingInt(i -> i));
            int k = Math.max(1, n / 4);
            for (int b = n - k; b < n; b++) {
                int d = order[rng.nextInt(k)];
                // A tie is not a reason to exploit: only a strictly better donor is copied.
                donor[order[b]] = better(scores[d], scores[order[b]]) ? d : -1;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                if (better(scores[j], scores[i])) {
                    donor[i] = j;
                }
            }
        }
        return donor;
    }

    private static boolean better(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }

    /** New hyperparameters derived from a donor's, always inside the space's bounds. */
    static Map<String, Double> explore(Map<String, Double> donor, SearchSpace space, Explore strategy,
                                              double resampleProbability, Random rng) {
        Args.check(resampleProbability >= 0 && resampleProbability <= 1, "resampleProbability in [0, 1]",
                resampleProbability);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Hyperparameter h : space.parameters()) {
            double v = donor.get(h.name());
            if (strategy == Explore.RESAMPLE && rng.nextDouble() < resampleProbability) {
                out.put(h.name(), h.sample(rng));
            } else {
                out.put(h.name(), h.perturb(v, rng.nextBoolean() ? 0.8 : 1.2));
            }
        }
        return out;
    }

    /** Members in order of score, best first (for reports). */
    static List<Integer> ranking(double[] scores) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ids.add(i);
        }
        ids.sort(Comparator.comparingDouble((Integer i) -> Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i])
                .reversed().thenComparingInt(i -> i));
        return ids;
    }
}
