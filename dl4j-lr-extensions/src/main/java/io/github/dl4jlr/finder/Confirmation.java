package io.github.dl4jlr.finder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the confirmation stage: every candidate's trial, which one won, and on what held-out data. When the
 * stage could not run (no candidate, nothing to hold out), {@link #skippedBecause()} says why and there are no trials.
 *
 * @param trials                 one per candidate, in the order they were tried (the curve's candidates by ascending
 *                               rate; a stable bracket ascending, then its extensions)
 * @param chosen                 index of the winner in {@code trials}, or -1 (skipped, or every trial diverged)
 * @param bracket                where the candidates came from, and why, e.g. "the curve's rules" or "half-decades
 *                               below 4.2e-01, where the sweep diverged: 4.2e-02 ... 1.3e-03; extended up to
 *                               1.3e-01, since the largest rate had the lowest loss by more than 5%"
 * @param heldOut                what the held-out loss was measured on, e.g. "5 held-back training minibatches"
 * @param startLoss              the held-out loss of the network before any trial (the rate-0 baseline), or NaN when
 *                               no trial ran
 * @param iterationsPerCandidate trial length
 * @param tolerance              the winner rule's tolerance
 * @param skippedBecause         why no trial ran, or null
 * @param iterations             training iterations spent on trials
 * @param seconds                wall-clock time of the stage
 */
public record Confirmation(List<TrialOutcome> trials, int chosen, String bracket, String heldOut,
                           double startLoss, int iterationsPerCandidate, double tolerance, String skippedBecause,
                           int iterations, double seconds) {

    /**
     * Copies the trials.
     *
     * @param trials one per candidate, in the order they were tried (the curve's candidates by ascending rate; a stable bracket ascending, then its extensions)
     * @param chosen index of the winner in {@code trials}, or -1 (skipped, or every trial diverged)
     * @param bracket where the candidates came from, and why, e.g. "the curve's rules" or "half-decades below
     *                4.2e-01, where the sweep diverged: 4.2e-02 ... 1.3e-03; extended up to 1.3e-01, since the
     *                largest rate had the lowest loss by more than 5%"
     * @param heldOut what the held-out loss was measured on, e.g. "5 held-back training minibatches"
     * @param startLoss the held-out loss of the network before any trial (the rate-0 baseline), or NaN when no trial
     *                  ran
     * @param iterationsPerCandidate trial length
     * @param tolerance the winner rule's tolerance
     * @param skippedBecause why no trial ran, or null
     * @param iterations training iterations spent on trials
     * @param seconds wall-clock time of the stage
     */
    public Confirmation {
        trials = List.copyOf(trials);
    }

    static Confirmation skipped(String why) {
        return new Confirmation(List.of(), -1, "", "", Double.NaN, 0, 0, why, 0, 0);
    }

    /**
     * The winning trial, if any.
     *
     * @return the winning trial, if any
     */
    public Optional<TrialOutcome> winner() {
        return chosen < 0 ? Optional.empty() : Optional.of(trials.get(chosen));
    }

    /**
     * Whether the stage ran (see {@link #skippedBecause()}).
     *
     * @return whether the stage ran (see {@link #skippedBecause()})
     */
    public boolean ran() {
        return skippedBecause == null;
    }

    /**
     * One held-out measurement of one trial: what {@link LrFinderResult#writeTrialsCsv} writes per line.
     *
     * @param candidate      index of the trial in {@link #trials()}
     * @param learningRate   the candidate's rate
     * @param methods        where the candidate came from, e.g. "valley+blend" or "bracket"
     * @param trialIteration the trial's iteration at which the loss was measured
     * @param heldOutLoss    the held-out loss there
     * @param diverged       whether the trial diverged
     * @param won            whether the candidate won
     */
    public record Row(int candidate, double learningRate, String methods, int trialIteration, double heldOutLoss,
                      boolean diverged, boolean won) {
    }

    /**
     * Every trial's held-out measurements, trial by trial; empty when the stage did not run.
     *
     * @return every trial's held-out measurements, trial by trial; empty when the stage did not run
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialOutcome t = trials.get(i);
            int[] cp = t.checkpoints();
            double[] loss = t.heldOutLosses();
            for (int k = 0; k < cp.length; k++) {
                rows.add(new Row(i, t.candidate().learningRate(), t.candidate().label(), cp[k], loss[k], t.diverged(),
                        i == chosen));
            }
        }
        return rows;
    }
}
