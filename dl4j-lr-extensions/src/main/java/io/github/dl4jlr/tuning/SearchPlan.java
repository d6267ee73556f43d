package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The pure arithmetic of {@link LearningRateSearch}'s successive halving (Li et al., "Hyperband", and its asynchronous
 * form ASHA): which rates, how long each rung trains, who goes on, and what it costs. No network needed.
 *
 * <pre>
 *   candidates  n = reduction^K rates, log-spaced over the bracket (half-decades below the top by default)
 *   rung k      (k = 0..K) ends after  budget / reduction^(K-k)  iterations; max(f, n / reduction^k) candidates
 *               train in it (f finalists, k &gt;= 1), each continuing from where its previous rung stopped
 *   promotion   the best of a rung's candidates by held-out score go on (ties: the lower rate); the winner is the best
 *               of the last rung, judged after the whole budget
 *   cost        sum over rungs of (candidates in it) x (its length - the previous rung's end), in trainings of the
 *               budget: 8 candidates halving over 4 rungs to 2 finalists cost 8/8 + 4/8 + 2/4 + 2/2 = 3 trainings
 *               (2.5 with 1 finalist, classic successive halving, whose winner is judged at half the budget)
 * </pre>
 *
 * @param rates       the candidates' peak rates, ascending
 * @param rungEnds    the iteration at which each rung ends, ascending; the last is the whole budget
 * @param reduction   how many candidates of a rung make one of the next (2: the better half goes on)
 * @param finalists   how many candidates train the whole budget
 */
record SearchPlan(double[] rates, int[] rungEnds, int reduction, int finalists) {

    SearchPlan {
        rates = rates.clone();
        rungEnds = rungEnds.clone();
    }

    /**
     * @param low        the smallest rate
     * @param high       the largest rate
     * @param candidates how many, a power of {@code reduction}, {@code >= 2}
     * @param reduction  {@code >= 2}
     * @param finalists  how many train the whole budget, 1 to {@code candidates / reduction}
     * @param budget     the training budget in iterations, at least one per rung
     */
    static SearchPlan of(double low, double high, int candidates, int reduction, int finalists, int budget) {
        Args.positive("bracket low", low);
        Args.check(high > low && Double.isFinite(high), "bracket high > low (" + low + ") and finite", high);
        Args.atLeast("reduction", reduction, 2);
        int rungs = 0;
        for (int n = 1; n < candidates; n *= reduction) {
            rungs++;
        }
        Args.check(Math.pow(reduction, rungs) == candidates && candidates >= 2,
                "candidates a power of the reduction " + reduction + " (e.g. " + reduction * reduction + ")", candidates);
        Args.check(finalists >= 1 && finalists <= candidates / reduction,
                "finalists between 1 and candidates / reduction (" + candidates / reduction + ")", finalists);
        Args.check(budget >= rungs + 1, "a budget of at least one iteration per rung (" + (rungs + 1) + ")", budget);
        double[] rates = new double[candidates];
        for (int i = 0; i < candidates; i++) {
            rates[i] = low * Math.pow(high / low, i / (double) (candidates - 1));
        }
        int[] ends = new int[rungs + 1];
        for (int k = 0; k <= rungs; k++) {
            ends[k] = Math.max(k == 0 ? 1 : ends[k - 1] + 1, (int) Math.round(budget / Math.pow(reduction, rungs - k)));
        }
        ends[rungs] = budget;
        return new SearchPlan(rates, ends, reduction, finalists);
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public int[] rungEnds() {
        return rungEnds.clone();
    }

    int rungs() {
        return rungEnds.length;
    }

    /** How many candidates train in rung {@code k}. */
    int survivors(int k) {
        int halved = (int) (rates.length / Math.pow(reduction, k));
        return k == 0 ? halved : Math.max(finalists, halved);
    }

    /** Iterations rung {@code k} adds to each of its candidates. */
    int length(int k) {
        return rungEnds[k] - (k == 0 ? 0 : rungEnds[k - 1]);
    }

    /** The whole search in trainings of the budget (see the class comment). */
    double cost() {
        double iterations = 0;
        for (int k = 0; k < rungs(); k++) {
            iterations += survivors(k) * (double) length(k);
        }
        return iterations / rungEnds[rungEnds.length - 1];
    }

    /**
     * The candidates that go on after rung {@code k} (as many as {@link #survivors} of the next rung), or the winner
     * after the last: the best by score (higher is better; NaN is worst; ties go to the lower rate), in ascending
     * candidate order.
     *
     * @param k          the rung that ended
     * @param candidates the candidates of the rung, ascending
     * @param scores     their scores, in the same order
     */
    List<Integer> promote(int k, List<Integer> candidates, double[] scores) {
        Args.check(candidates.size() == scores.length, "one score per candidate (" + candidates.size() + ")",
                scores.length);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY
                : scores[i]).reversed().thenComparing(i -> candidates.get(i)));
        List<Integer> out = new ArrayList<>();
        int keep = k + 1 < rungs() ? survivors(k + 1) : 1;
        for (int i = 0; i < Math.min(keep, scores.length); i++) {
            out.add(candidates.get(order[i]));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
