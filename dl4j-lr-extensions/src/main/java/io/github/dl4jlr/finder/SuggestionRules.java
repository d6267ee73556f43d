package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.util.Args;
import io.github.dl4jlr.internal.util.LossTracker;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pure rules that read a learning rate off a range-test curve {@code (lrs[i], losses[i])}. They take the
 * smoothed losses, need no network and are unit-tested on synthetic curves.
 *
 * <p><b>Window.</b> Only the finite prefix of the curve is used (a run stops at its first NaN/Inf). Of that
 * prefix of {@code n} points the first {@code n/10} (warm-up noise, the EMA's start) and the last
 * {@code min(5, n/5)} (the blow-up) are skipped, as in fastai's {@code lr_find}. With fewer than 3 points
 * left there is no suggestion.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>{@link SuggestionMethod#VALLEY}: the longest strictly falling subsequence of the loss (O(n^2), as in
 *       fastai; ties go to the latest start); the suggestion lies {@code valleyFraction} of the way from its
 *       first to its last point.</li>
 *   <li>{@link SuggestionMethod#STEEPEST}: the most negative slope {@code (loss[i+k] - loss[i]) / (ln lr[i+k]
 *       - ln lr[i])} over a span of {@code k = max(1, n/20)} points, which uses the actual LR spacing (so it also
 *       reads a linear ramp correctly); the suggestion is the middle of that span. Spans end at or before the
 *       lowest loss. fastai's {@code steep} uses single steps ({@code k = 1}), which on small data sets latched on
 *       to step-to-step noise in the flat start (Iris, SuggestionRegretBenchmark); a span averages it out.</li>
 *   <li>{@link SuggestionMethod#MINIMUM_DIV_10}: the LR at the lowest loss, divided by 10 (Smith; fastai's
 *       {@code lr_min}).</li>
 *   <li>{@link SuggestionMethod#BLEND}: {@code sqrt(valley * min/10)}, the middle of the two on the log axis;
 *       its index is the curve point whose LR is nearest to that on the log axis. Valley reads the start of the
 *       fall and suggests low, min/10 reads its end; for Adam the best LR lay between them.</li>
 * </ul>
 * {@link SuggestionMethod#AUTO} depends on the updater and is not a curve rule: resolve it with
 * {@link SuggestionMethod#resolve(UpdaterFamily)} first ({@link LrFinderResult} does).
 *
 * <p>Worked value: a valley at 1e-3 and a minimum at 1e-1 give min/10 = 1e-2 and blend = sqrt(1e-3 * 1e-2)
 * = 3.16e-3.
 */
final class SuggestionRules {

    /** Default position along the valley; fastai uses about 1/2 (one third plus one sixth). */
    public static final double DEFAULT_VALLEY_FRACTION = 0.5;

    /**
     * Whether the curve has nothing for the rules to read: its lowest point lies in the first half of the window,
     * far below the rate where the loss turned up, so that low point is an easy minibatch or noise on a level curve,
     * not the effect of the LR, and every rule would suggest a uselessly small rate. This is what a network that is
     * already trained gives (its loss stays level until it blows up). The loss of a fresh network falls until shortly
     * before the rate gets too large: on 30 fresh networks (Iris, a Gaussian mixture and the UCI digits MLP; four
     * optimizers, three seeds) the lowest point lay at 72-99% of the window (0.4-2.3 decades below its end), while a
     * trained momentum MLP had its lowest point 4.6 decades below where its sweep diverged. How far the loss fell
     * ({@link #fall}) does not tell the two apart: fresh networks on digits fell by 6-12%, trained ones by 3-19%. A
     * curve too short to judge is not flat.
     *
     * @param lrs    the rates of the sweep
     * @param losses the (smoothed) losses at those rates
     * @return whether the lowest point lies in the first half of the window
     */
    public static boolean flat(double[] lrs, double[] losses) {
        Window w = window(lrs, losses);
        return w.readable() && argMin(losses, w.from(), w.to()) < w.from() + (w.to() - w.from()) / 2;
    }

    /** Index of the lowest loss in the window (see the class comment); empty when fewer than 3 points are left. */
    public static OptionalInt lowest(double[] lrs, double[] losses) {
        Window w = window(lrs, losses);
        return w.readable() ? OptionalInt.of(argMin(losses, w.from(), w.to())) : OptionalInt.empty();
    }

    private SuggestionRules() {
    }

    /** A suggested learning rate and the curve point it was read from. */
    public record Suggestion(SuggestionMethod method, int index, double learningRate) {
    }

    /** Applies {@code method} with the default valley fraction. */
    public static Optional<Suggestion> suggest(SuggestionMethod method, double[] lrs, double[] losses) {
        return suggest(method, lrs, losses, DEFAULT_VALLEY_FRACTION);
    }

    /**
     * Applies {@code method}.
     *
     * @param valleyFraction where along the valley to suggest, in [0, 1] (VALLEY and BLEND)
     */
    public static Optional<Suggestion> suggest(SuggestionMethod method, double[] lrs, double[] losses,
                                               double valleyFraction) {
        Args.notNull("method", method);
        Args.check(method.isConcrete(), "a concrete method (AUTO depends on the updater: resolve it with "
                + "SuggestionMethod.resolve(UpdaterFamily) first)", method);
        Window w = window(lrs, losses);
        Args.check(valleyFraction >= 0 && valleyFraction <= 1, "valleyFraction in [0, 1]", valleyFraction);
        if (!w.readable()) {
            return Optional.empty();
        }
        int n = w.n();
        int from = w.from();
        int to = w.to();
        switch (method) {
            case VALLEY: {
                int i = valley(losses, from, to, valleyFraction);
                return Optional.of(new Suggestion(method, i, lrs[i]));
            }
            case STEEPEST: {
                int i = steepest(lrs, losses, from, argMin(losses, from, to), Math.max(1, n / 20));
                return i < 0 ? Optional.empty() : Optional.of(new Suggestion(method, i, lrs[i]));
            }
            case MINIMUM_DIV_10: {
                int i = argMin(losses, from, to);
                return Optional.of(new Suggestion(method, i, lrs[i] / 10));
            }
            case BLEND: {
                double low = lrs[valley(losses, from, to, valleyFraction)];
                double high = lrs[argMin(losses, from, to)] / 10;
                double lr = Math.sqrt(low * high);
                return Optional.of(new Suggestion(method, nearestOnLogAxis(lrs, n, lr), lr));
            }
            default:
                throw new IllegalArgumentException("Unknown method " + method);
        }
    }

    /**
     * How far the loss fell during the sweep, as a fraction of where it started: {@code 1 - lowest / start}, with
     * {@code start} the median loss over the first quarter of the window (see the class comment) and
     * {@code lowest} the window's minimum. Worked values: a curve from 2.30 down to 1.20 gives 0.48; one that
     * wanders between 0.050 and 0.047 gives 0.06.
     *
     * @return the fall, or NaN when the window has fewer than 3 points or the starting loss is not positive
     */
    public static double fall(double[] lrs, double[] losses) {
        Window w = window(lrs, losses);
        if (!w.readable()) {
            return Double.NaN;
        }
        double start = LossTracker.median(Arrays.copyOfRange(losses, w.from(), w.from() + w.headLength()));
        if (!(start > 0)) {
            return Double.NaN;
        }
        return 1 - losses[argMin(losses, w.from(), w.to())] / start;
    }

    /** The points every rule reads, {@code [from, to)} of a finite prefix of {@code n}: see the class comment. */
    private record Window(int from, int to, int n) {
        boolean readable() {
            return to - from >= 3;
        }

        /** The first quarter of the window, where the LR is still far too small to train. */
        int headLength() {
            return Math.max(1, (to - from) / 4);
        }
    }

    private static Window window(double[] lrs, double[] losses) {
        Args.check(lrs != null && losses != null && lrs.length == losses.length, "lrs and losses of equal length",
                (lrs == null ? "null" : lrs.length) + " and " + (losses == null ? "null" : losses.length));
        int n = finitePrefix(lrs, losses);
        return new Window(n / 10, n - Math.min(5, n / 5), n);
    }

    /** Length of the prefix in which both arrays are finite and LRs are positive. */
    static int finitePrefix(double[] lrs, double[] losses) {
        int n = 0;
        while (n < lrs.length && Double.isFinite(losses[n]) && Double.isFinite(lrs[n]) && lrs[n] > 0) {
            n++;
        }
        return n;
    }

    private static int valley(double[] losses, int from, int to, double fraction) {
        int m = to - from;
        int[] length = new int[m];
        int[] first = new int[m];
        int bestEnd = 0;
        for (int i = 0; i < m; i++) {
            length[i] = 1;
            first[i] = i;
            for (int j = 0; j < i; j++) {
                // ">=": among equally long falls prefer the latest predecessor, so a flat stretch before the
                // fall does not pull the valley's start back into it.
                if (losses[from + i] < losses[from + j] && length[j] + 1 >= length[i]) {
                    length[i] = length[j] + 1;
                    first[i] = first[j];
                }
            }
            if (length[i] > length[bestEnd]) {
                bestEnd = i;
            }
        }
        int start = first[bestEnd];
        return from + start + (int) Math.round((bestEnd - start) * fraction);
    }

    /** Middle index of the span [i, i+k] with the most negative slope, spans inside [from, last]; -1 if none. */
    private static int steepest(double[] lrs, double[] losses, int from, int last, int span) {
        int k = Math.min(span, last - from);
        int best = -1;
        double bestSlope = Double.POSITIVE_INFINITY;
        for (int i = from; k > 0 && i + k <= last; i++) {
            double dx = Math.log(lrs[i + k]) - Math.log(lrs[i]);
            if (dx <= 0) {
                continue;
            }
            double slope = (losses[i + k] - losses[i]) / dx;
            if (slope < bestSlope) {
                bestSlope = slope;
                best = i + k / 2;
            }
        }
        return best;
    }

    /** Index among the first {@code n} points whose LR is nearest to {@code lr} in log distance. */
    private static int nearestOnLogAxis(double[] lrs, int n, double lr) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(Math.log(lrs[i] / lr)) < Math.abs(Math.log(lrs[best] / lr))) {
                best = i;
            }
        }
        return best;
    }

    private static int argMin(double[] values, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }
}
