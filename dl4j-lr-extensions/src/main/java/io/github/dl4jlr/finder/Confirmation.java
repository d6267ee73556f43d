package io.github.dl4jlr.finder;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of the confirmation stage: every candidate's trial, which one won, and on what held-out data. When the
 * stage could not run (no candidate, nothing to hold out), {@link #skippedBecause()} says why and there are no trials.
 *
 * @param trials                 one per candidate, by ascending learning rate
 * @param chosen                 index of the winner in {@code trials}, or -1 (skipped, or every trial diverged)
 * @param heldOut                what the held-out loss was measured on, e.g. "5 held-back training minibatches"
 * @param iterationsPerCandidate trial length
 * @param tolerance              the winner rule's tolerance
 * @param skippedBecause         why no trial ran, or null
 * @param iterations             training iterations spent on trials
 * @param seconds                wall-clock time of the stage
 */
public record Confirmation(List<TrialOutcome> trials, int chosen, String heldOut, int iterationsPerCandidate,
                           double tolerance, String skippedBecause, int iterations, double seconds) {

    public Confirmation {
        trials = List.copyOf(trials);
    }

    static Confirmation skipped(String why) {
        return new Confirmation(List.of(), -1, "", 0, 0, why, 0, 0);
    }

    /** The winning trial, if any. */
    public Optional<TrialOutcome> winner() {
        return chosen < 0 ? Optional.empty() : Optional.of(trials.get(chosen));
    }

    public boolean ran() {
        return skippedBecause == null;
    }
}
