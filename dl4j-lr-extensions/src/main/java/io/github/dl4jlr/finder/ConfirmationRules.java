package io.github.dl4jlr.finder;

import io.github.dl4jlr.finder.SuggestionRules.Suggestion;
import io.github.dl4jlr.internal.util.Args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
 * <p><b>Stable bracket</b> (a flat curve, where no rule can be read): the sweep has shown which rates the network
 * takes without diverging, up to {@code top}, the rate where it diverged (or the last rate, when it did not). The
 * candidates are half-decades below it, {@code top / 10, top / 31.6, top / 100, top / 316} (none below the sweep's
 * start), so the trials try the rates a grid would. When the largest or the smallest has the lowest held-out loss
 * <em>clearly</em>, every other trial more than the tolerance above it, the bracket is extended by a half-decade that
 * way ({@link #extension}), at most {@value #MAX_EXTENSIONS} times, never above {@code top / 3.16} nor below the start;
 * a network trained at 1e-2 whose sweep diverged at 0.42 gets 4.2e-2 ... 1.3e-3, then 1.3e-1 if 4.2e-2 had a loss
 * more than 5% below every other.
 *
 * <p><b>Tied</b>: among candidates whose trial stayed finite, let {@code best} be the lowest held-out loss at the end
 * of the trial; a trial is tied with it when its loss is within {@code tolerance} ({@link #DEFAULT_TOLERANCE}) of it
 * ({@code loss <= best * (1 + tolerance)} for a positive best). The trials cannot tell tied rates apart.
 *
 * <p><b>Winner among the curve's candidates</b>: the <em>lowest</em> tied rate. Short trials favour the largest rate
 * that is still stable, and a full training does not always reward it (a lopsided table's network collapsed to its
 * majority class at the largest stable rate of a short trial), so a small difference goes to the safer rate.
 *
 * <p><b>Winner on the stable bracket of a network that has learned</b> ({@link #largestTied}): the <em>largest</em>
 * tied rate. On such a network a short trial mostly measures how little a rate disturbs it: rates a decade or two apart
 * tie (0.326, 0.329, 0.327 over 1.6e-3 ... 1.6e-2), and the lowest of them is the rate that does least, not the one to
 * go on training with. A longer run at a rate that disturbs the network no more than the tolerance in the trial learns
 * more: on 60 trained networks (30 tables, Adam and momentum SGD, 3 seeds) continued for 2 to 10 epochs, the suggestion
 * was within 3x of the best rate of a grid in 31 cells with the largest tied rate against 24 with the middle of the
 * tied rates, within 3x and a point of accuracy in 27 against 20, within a point in 44 either way.
 *
 * <p><b>Winner on the stable bracket of a fresh network</b> (its curve flat; {@link #chooseOnBracket}): the tied rate
 * nearest the geometric middle of the tied ones (the lower of two equally near), at most half the tied span from
 * whichever tied rate a full training prefers. With tolerance 0 every winner is the plain minimum (a tie goes to the
 * lower rate).
 */
final class ConfirmationRules {

    /**
     * The trials' default tolerance: a rate whose held-out loss is within 5% of the best is tied with it. Replayed on
     * the recorded trials of 13 tables (52 cells of data and updater, 3 seeds each, the curve's candidates and the
     * lowest tied rate winning), it lowered the mean regret of the trials against a grid from 1.00 to 0.76 points
     * (11 cells better, 3 worse) and its worst from 7.60 to 5.60; 0.02 and 0.2 did less.
     */
    static final double DEFAULT_TOLERANCE = 0.05;

    /** Suggestions closer than this factor are trained once. */
    static final double DEFAULT_MERGE_FACTOR = 1.5;

    private static final SuggestionMethod[] CANDIDATE_METHODS = {SuggestionMethod.VALLEY, SuggestionMethod.STEEPEST,
            SuggestionMethod.MINIMUM_DIV_10, SuggestionMethod.BLEND};

    private ConfirmationRules() {
    }

    /** The distinct candidates of a curve, by ascending learning rate; empty when the curve gives no suggestion. */
    static List<Candidate> candidates(double[] lrs, double[] smoothed, double valleyFraction, double mergeFactor) {
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
            out.add(Candidate.ofRules(first.learningRate(), methods, first.index()));
            i = j;
        }
        return out;
    }

    /** One half-decade, the spacing of the stable bracket. */
    static final double HALF_DECADE = Math.sqrt(10);
    /** How many half-decades above and below the initial bracket the trials may go. */
    static final int MAX_EXTENSIONS = 3;

    /**
     * The stable bracket's initial candidates, ascending: {@code top / 10^(k/2)} for k = 2..5, none below
     * {@code floor} (and at least one, at {@code max(floor, top / 10)}).
     *
     * @param top   the rate where the sweep diverged, or its last rate
     * @param floor the sweep's first rate
     */
    static List<Double> stableBracket(double top, double floor) {
        Args.positive("top", top);
        Args.positive("floor", floor);
        List<Double> out = new ArrayList<>();
        for (int k = 5; k >= 2; k--) {
            double lr = top / Math.pow(HALF_DECADE, k);
            if (lr >= floor * (1 - 1e-9)) {
                out.add(lr);
            }
        }
        if (out.isEmpty()) {
            out.add(Math.max(floor, top / 10));
        }
        return out;
    }

    /**
     * The next candidate after these trials ({@link #extension}): only when the trial with the lowest held-out loss is
     * the only one tied within {@code tolerance}, so the trials point past an end of what was tried. A tie says the
     * good rates lie inside, however the noise orders them (a smallest rate that led by 0.3% walked the bracket down
     * two half-decades).
     */
    static OptionalDouble extension(List<TrialOutcome> trials, double tolerance, double top, double floor) {
        List<Integer> tied = tied(trials, tolerance);
        if (tied.size() != 1) {                 // every trial diverged, or a tie
            return OptionalDouble.empty();
        }
        List<TrialOutcome> byRate = new ArrayList<>(trials);
        byRate.sort(Comparator.comparingDouble(t -> t.candidate().learningRate()));
        List<Double> tried = byRate.stream().map(t -> t.candidate().learningRate()).toList();
        return extension(tried, byRate.indexOf(trials.get(tied.get(0))), top, floor);
    }

    /**
     * The next candidate when the winner sits at an end of what was tried: a half-decade above the largest when it won
     * (if that stays at or below {@code top / 3.16}), a half-decade below the smallest when it won (if that stays at or
     * above {@code floor}); empty otherwise, or when every trial diverged.
     *
     * @param tried  the rates tried, ascending
     * @param winner index of the winner in {@code tried}, or -1
     */
    static OptionalDouble extension(List<Double> tried, int winner, double top, double floor) {
        if (winner < 0 || tried.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (winner == tried.size() - 1) {
            double up = tried.get(winner) * HALF_DECADE;
            if (up <= top / HALF_DECADE * (1 + 1e-9)) {
                return OptionalDouble.of(up);
            }
        }
        if (winner == 0) {
            double down = tried.get(0) / HALF_DECADE;
            if (down >= floor * (1 - 1e-9)) {
                return OptionalDouble.of(down);
            }
        }
        return OptionalDouble.empty();
    }

    /** The label of a bracket point, e.g. {@code "top/10"} or {@code "top/316"}. */
    static String bracketLabel(double lr, double top) {
        return "top/" + new java.math.BigDecimal(top / lr).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /** The default trial length for a sweep that ran {@code sweepIterations} steps. */
    static int trialIterations(int sweepIterations) {
        return Math.max(10, 3 * sweepIterations / 4);
    }

    /** Where a trial of {@code iterations} is measured: after 1/4, 1/2, 3/4 and all of it (distinct, at least 1). */
    static int[] checkpoints(int iterations) {
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
     * The winning trial among the curve's candidates (see the class comment): the lowest tied rate; an index into
     * {@code trials}, or empty when every trial diverged.
     *
     * @param tolerance relative slack in [0, 1): how much worse than the best a lower rate may be and still win
     */
    static OptionalInt choose(List<TrialOutcome> trials, double tolerance) {
        List<Integer> tied = tied(trials, tolerance);
        return tied.isEmpty() ? OptionalInt.empty() : OptionalInt.of(tied.get(0));
    }

    /**
     * The winning trial on the stable bracket of a fresh network (see the class comment): the tied rate nearest the
     * geometric middle of the tied ones, the lower of two equally near; an index into {@code trials}, or empty when
     * every trial diverged.
     *
     * @param tolerance relative slack in [0, 1): how much worse than the best a rate may be and still be tied
     */
    static OptionalInt chooseOnBracket(List<TrialOutcome> trials, double tolerance) {
        List<Integer> tied = tied(trials, tolerance);
        if (tied.isEmpty()) {
            return OptionalInt.empty();
        }
        double low = Math.log(rate(trials, tied.get(0)));
        double middle = (low + Math.log(rate(trials, tied.get(tied.size() - 1)))) / 2;
        int winner = tied.get(0);
        double nearest = Math.abs(low - middle);
        for (int i : tied) {
            double distance = Math.abs(Math.log(rate(trials, i)) - middle);
            if (distance < nearest - 1e-9) {   // two rates equally near, up to rounding, keep the lower one
                winner = i;
                nearest = distance;
            }
        }
        return OptionalInt.of(winner);
    }

    /**
     * The winning trial on the stable bracket of a network that has learned (see the class comment): the largest tied
     * rate (with tolerance 0, the lowest loss, the lower rate on an exact tie); an index into {@code trials}, or empty
     * when every trial diverged.
     *
     * @param tolerance relative slack in [0, 1): how much worse than the best a rate may be and still be tied
     */
    static OptionalInt largestTied(List<TrialOutcome> trials, double tolerance) {
        List<Integer> tied = tied(trials, tolerance);
        if (tied.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(tolerance == 0 ? tied.get(0) : tied.get(tied.size() - 1));
    }

    /** Which tied rate wins, and how the finder's line names it. */
    enum Winner {
        /** {@link #choose}: among the curve's candidates. */
        LOWEST("lowest rate"),
        /** {@link #chooseOnBracket}: on a fresh network's stable bracket. */
        MIDDLE("middle of the rates"),
        /** {@link #largestTied}: on the stable bracket of a network that has learned. */
        LARGEST("largest rate");

        private final String label;

        Winner(String label) {
            this.label = label;
        }

        /**
         * @param onBracket whether the candidates are the stable bracket (a curve that cannot be read)
         * @param trained   whether the network has learned ({@link LrFinderResult#trained()})
         */
        static Winner of(boolean onBracket, boolean trained) {
            return !onBracket ? LOWEST : trained ? LARGEST : MIDDLE;
        }

        /** The winning trial by this rule; an index into {@code trials}, or empty when every trial diverged. */
        OptionalInt pick(List<TrialOutcome> trials, double tolerance) {
            return switch (this) {
                case LOWEST -> choose(trials, tolerance);
                case MIDDLE -> chooseOnBracket(trials, tolerance);
                case LARGEST -> largestTied(trials, tolerance);
            };
        }

        /** How the finder's line names the rule, e.g. "largest rate". */
        String label() {
            return label;
        }
    }

    private static double rate(List<TrialOutcome> trials, int i) {
        return trials.get(i).candidate().learningRate();
    }

    /**
     * The trials tied with the best (see the class comment): indices into {@code trials}, by ascending rate; empty when
     * every trial diverged.
     */
    static List<Integer> tied(List<TrialOutcome> trials, double tolerance) {
        Args.notNull("trials", trials);
        Args.rightOpenInterval("tolerance", tolerance, 0, 1);
        double best = Double.POSITIVE_INFINITY;
        for (TrialOutcome t : trials) {
            if (Double.isFinite(t.finalLoss())) {
                best = Math.min(best, t.finalLoss());
            }
        }
        if (Double.isInfinite(best)) {
            return List.of();
        }
        double limit = best + tolerance * Math.abs(best);
        List<Integer> tied = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialOutcome t = trials.get(i);
            if (Double.isFinite(t.finalLoss()) && t.finalLoss() <= limit) {
                tied.add(i);
            }
        }
        // ascending rate; equal rates keep the order they were tried in
        tied.sort(Comparator.comparingDouble(i -> rate(trials, i)));
        return tied;
    }
}
