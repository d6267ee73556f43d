package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.internal.util.LossTracker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lines about the rate's direction, seen as a user with early stopping would.
 *
 * <p>The suite judges a run by where it ends after its fixed budget. A user who stops at the best epoch judges it by
 * that epoch instead: there a higher rate that overfits before the budget ends can still be the better choice. Two
 * comparisons, each run and the other stopped at the epoch of its lowest validation loss (without validation data, at
 * the epoch of its lowest test loss: an upper bound, since no user can choose on the test rows), by the test loss
 * there:
 * <ul>
 *   <li>each healthy, converged or plateau run that heard a line advising a higher rate (which the suite counts
 *       wrong) against its {@code x10} build of the same seed: did the higher rate do at least as well?</li>
 *   <li>each run built too high ({@link Kind#TOO_HIGH}) that heard a line advising a lower rate (which the suite counts
 *       right) against the {@code good} build of its seed: did the lower rate do at least as well?</li>
 * </ul>
 */
final class EarlyStopping {

    /** The build that raising the rate ten times gives. */
    static final String HIGHER = "x10";
    /** The build at the grid's best rate. */
    static final String GOOD = "good";

    private EarlyStopping() {
    }

    /**
     * One run that heard a line about the rate's direction, and the build of its seed that follows the line, each
     * stopped early.
     *
     * @param run          the run
     * @param advised      the direction the line pointed: {@link Direction#RAISE} or {@link Direction#LOWER}
     * @param ownLoss      its test loss at its chosen epoch
     * @param ownEpoch     that epoch, from 1; 0 when none
     * @param otherLoss    the other build's test loss at its chosen epoch; infinite when no epoch ended finite
     * @param otherEpoch   that epoch, from 1; 0 when none
     * @param onValidation whether the epochs were chosen on validation data (else on the test rows)
     */
    record Row(Scenario run, Direction advised, double ownLoss, int ownEpoch, double otherLoss, int otherEpoch,
               boolean onValidation) {

        /** Whether the build that follows the line, stopped early, did at least as well on the test rows. */
        boolean advisedAsGood() {
            return otherLoss <= ownLoss;
        }
    }

    /**
     * The rows, in the order of the judged runs: raise lines the suite counts wrong, lower lines on runs built too
     * high; a run without the other build of its seed is left out.
     */
    static List<Row> rows(List<Scores.Judged> judged) {
        List<Row> rows = new ArrayList<>();
        for (Scores.Judged j : judged) {
            boolean wrongRaise = (j.truth().healthy() || j.truth() == Kind.PLATEAU) && heard(j, Direction.RAISE);
            boolean highLowered = j.truth() == Kind.TOO_HIGH && heard(j, Direction.LOWER);
            if (wrongRaise) {
                add(rows, j.outcome(), Direction.RAISE, HIGHER, judged);
            } else if (highLowered) {
                add(rows, j.outcome(), Direction.LOWER, GOOD, judged);
            }
        }
        return rows;
    }

    private static boolean heard(Scores.Judged j, Direction d) {
        return j.outcome().advice().stream().anyMatch(a -> a.direction() == d);
    }

    private static void add(List<Row> rows, Outcome run, Direction advised, String build, List<Scores.Judged> judged) {
        Scenario s = run.scenario();
        Scores.Judged found = Report.find(judged, new Scenario(s.problem(), s.optimizer(), build, 0, 0, 0, s.seed(),
                null));
        if (found == null) {
            return;
        }
        Outcome other = found.outcome();
        int own = chosenEpoch(run);
        int alt = chosenEpoch(other);
        rows.add(new Row(s, advised, own < 0 ? Double.POSITIVE_INFINITY : run.epochTestLoss()[own], own + 1,
                alt < 0 ? Double.POSITIVE_INFINITY : other.epochTestLoss()[alt], alt + 1,
                onValidation(run) && onValidation(other)));
    }

    /**
     * The epoch (from 0) an early-stopping user keeps: the lowest finite validation loss, or without validation data
     * the lowest finite test loss; the first of equal ones; -1 when no epoch ended finite.
     */
    static int chosenEpoch(Outcome o) {
        double[] by = onValidation(o) ? o.validationLoss() : o.epochTestLoss();
        double[] test = o.epochTestLoss();
        int best = -1;
        for (int e = 0; e < by.length; e++) {
            if (Double.isFinite(by[e]) && Double.isFinite(test[e]) && (best < 0 || by[e] < by[best])) {
                best = e;
            }
        }
        return best;
    }

    private static boolean onValidation(Outcome o) {
        return Arrays.stream(o.validationLoss()).anyMatch(Double::isFinite);
    }

    /**
     * The report's lines: how often the build that follows the line, stopped early, did at least as well, and at
     * which epochs; one line per direction heard. Empty when no run heard such a line.
     */
    static String summary(List<Row> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        boolean validation = rows.stream().allMatch(Row::onValidation);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "With early stopping (each run kept at the "
                + "epoch of its lowest %s):", validation ? "validation loss"
                : "test loss, chosen on the test rows: an upper bound"));
        append(b, rows, Direction.RAISE, "lines advising a higher rate that the suite counts wrong", HIGHER);
        append(b, rows, Direction.LOWER, "lines advising a lower rate on runs built too high", GOOD);
        return b.append('\n').toString();
    }

    private static void append(StringBuilder b, List<Row> all, Direction d, String lines, String build) {
        List<Row> rows = all.stream().filter(r -> r.advised() == d).toList();
        if (rows.isEmpty()) {
            return;
        }
        b.append(String.format(Locale.ROOT, " %s: the %s build of the seed reached a test loss at least as low in %d of %d "
                        + "runs (median epoch kept %s, against %s for the run);", lines, build,
                rows.stream().filter(Row::advisedAsGood).count(), rows.size(),
                median(rows.stream().mapToInt(Row::otherEpoch).toArray()),
                median(rows.stream().mapToInt(Row::ownEpoch).toArray())));
    }

    /** The median of the epochs kept, from 1 (0, no epoch kept, left out); "-" when there is none. */
    private static String median(int[] epochs) {
        double m = LossTracker.median(Arrays.stream(epochs).filter(x -> x > 0).asDoubleStream().toArray());
        if (Double.isNaN(m)) {
            return "-";
        }
        return m == Math.rint(m) ? String.valueOf((int) m) : String.format(Locale.ROOT, "%.1f", m);
    }
}
