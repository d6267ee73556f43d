package io.github.dl4jlr.finder;

import io.github.dl4jlr.finder.SuggestionRules.Suggestion;
import io.github.dl4jlr.util.Args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pure rules of the confirmation stage: which candidates a curve offers, how long and where a trial is measured,
 * and which trial wins. No network is needed; they are tested on scripted curves and outcomes.
 *
 * <p><b>Candidates</b>: the suggestions of VALLEY, STEEPEST, MINIMUM_DIV_10 and BLEND, sorted by learning rate;
 * suggestions within {@code mergeFactor} (default {@value #DEFAULT_MERGE_FACTOR}) of the lowest one of a group are
 * one candidate, trained at that lowest rate.
 *
 * <p><b>Trial length</b>: {@code max(10, 3 * sweepIterations / 4)} by default, so four candidates cost at most three
 * times the sweep. The held-out loss is measured after a quarter, half, three quarters and all of the trial.
 *
 * <p><b>Winner</b>: among candidates whose trial stayed finite, let {@code best} be the lowest held-out loss at the end
 * of the trial; the winner is the <em>lowest</em> learning rate whose loss is within {@code tolerance} of it
 * ({@code loss <= best * (1 + tolerance)} for a positive best). Short trials favour the largest rate that is still
 * stable; the tolerance leans towards the safer one when the difference is small. With tolerance 0 it is the plain
 * minimum (a tie goes to the lower rate).
 */
public final class ConfirmationRules {

    /** The winner rule's default tolerance. */
    public static final double DEFAULT_TOLERANCE = 0.0;

    /** Suggestions closer than this factor are trained once. */
    public static final double DEFAULT_MERGE_FACTOR = 1.5;

    private static final SuggestionMethod[] CANDIDATE_METHODS = {SuggestionMethod.VALLEY, SuggestionMethod.STEEPEST,
            SuggestionMethod.MINIMUM_DIV_10, SuggestionMethod.BLEND};

    private ConfirmationRules() {
    }

    /** The distinct candidates of a curve, by ascending learning rate; empty when the curve gives no suggestion. */
    public static List<Candidate> candidates(double[] lrs, double[] smoothed, double valleyFraction, double mergeFactor) {
        Args.check(mergeFactor >= 1 && Double.isFinite(mergeFactor), "mergeFactor >= 1 and finite", mergeFactor);
        List<Suggestion> all = new ArrayList<>();
        for (SuggestionMethod m : CANDIDATE_METHODS) {
            Optional<Suggestion> s = SuggestionRules.suggest(m, lrs, smoothed, valleyFraction);
            s.filter(x -> x.learningRate() > 0 && Double.isFinite(x.learningRate())).ifPresent(all::add);
        }
        all.sort(Comparator.comparingDouble(Suggestion::learningRate));
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            Suggestion first = all.get(i);
            List<SuggestionMethod> methods = new ArrayList<>(List.of(first.method()));
            int j = i + 1;
            while (j < all.size() && all.get(j).learningRate() < first.learningRate() * mergeFactor) {
                methods.add(all.get(j).method());
                j++;
            }
            methods.sort(Comparator.naturalOrder());
            out.add(new Candidate(first.learningRate(), methods, first.index()));
            i = j;
        }
        return out;
    }

    /** The default trial length for a sweep that ran {@code sweepIterations} steps. */
    public static int trialIterations(int sweepIterations) {
        return Math.max(10, 3 * sweepIterations / 4);
    }

    /** Where a trial of {@code iterations} is measured: after 1/4, 1/2, 3/4 and all of it (distinct, at least 1). */
    public static int[] checkpoints(int iterations) {
        Args.positive("iterations", iterations);
        List<Integer> points = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            int p = Math.max(1, (int) Math.round(iterations * k / 4.0));
            if (points.isEmpty() || points.get(points.size() - 1) < p) {
                points.add(p);
            }
        }
        return points.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The winning trial (see the class comment): an index into {@code trials}, or empty when every trial diverged.
     *
     * @param tolerance relative slack in [0, 1): how much worse than the best a lower rate may be and still win
     */
    public static OptionalInt choose(List<TrialOutcome> trials, double tolerance) {
        Args.notNull("trials", trials);
        Args.rightOpenInterval("tolerance", tolerance, 0, 1);
        double best = Double.POSITIVE_INFINITY;
        for (TrialOutcome t : trials) {
            if (Double.isFinite(t.finalLoss())) {
                best = Math.min(best, t.finalLoss());
            }
        }
        if (Double.isInfinite(best)) {
            return OptionalInt.empty();
        }
        double limit = best + tolerance * Math.abs(best);
        int winner = -1;
        for (int i = 0; i < trials.size(); i++) {
            TrialOutcome t = trials.get(i);
            if (Double.isFinite(t.finalLoss()) && t.finalLoss() <= limit
                    && (winner < 0 || t.candidate().learningRate() < trials.get(winner).candidate().learningRate())) {
                winner = i;
            }
        }
        return OptionalInt.of(winner);
    }
}
