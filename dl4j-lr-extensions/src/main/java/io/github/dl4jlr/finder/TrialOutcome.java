package io.github.dl4jlr.finder;

import java.util.Arrays;

/**
 * What one candidate's short fixed-LR trial gave: the held-out loss at each checkpoint of the trial, or that it
 * diverged (a non-finite training or held-out loss; the candidate is then out).
 *
 * @param checkpoints    trial iterations after which the held-out loss was measured, ascending
 * @param heldOutLosses  the mean held-out loss at each checkpoint reached; NaN where not reached
 * @param diverged       whether the trial hit a non-finite loss
 * @param iterationsRun  trial iterations actually trained
 */
public record TrialOutcome(Candidate candidate, int[] checkpoints, double[] heldOutLosses, boolean diverged,
                           int iterationsRun) {

    /**
     * Validates and copies the arrays.
     *
     * @param candidate the candidate
     * @param checkpoints trial iterations after which the held-out loss was measured, ascending
     * @param heldOutLosses the mean held-out loss at each checkpoint reached; NaN where not reached
     * @param diverged whether the trial hit a non-finite loss
     * @param iterationsRun trial iterations actually trained
     */
    public TrialOutcome {
        checkpoints = checkpoints.clone();
        heldOutLosses = heldOutLosses.clone();
    }

    /** @return trial iterations after which the held-out loss was measured, ascending */
    @Override
    public int[] checkpoints() {
        return checkpoints.clone();
    }

    /** @return the mean held-out loss at each checkpoint reached; NaN where not reached */
    @Override
    public double[] heldOutLosses() {
        return heldOutLosses.clone();
    }

    /**
     * The held-out loss at the end of the trial; NaN if it diverged.
     *
     * @return the held-out loss at the end of the trial; NaN if it diverged
     */
    public double finalLoss() {
        return diverged || heldOutLosses.length == 0 ? Double.NaN : heldOutLosses[heldOutLosses.length - 1];
    }

    /**
     * The held-out loss after {@code iterations} trial iterations (a checkpoint), or NaN.
     *
     * @param iterations the iterations
     * @return the held-out loss after {@code iterations} trial iterations (a checkpoint), or NaN
     */
    public double lossAt(int iterations) {
        for (int i = 0; i < checkpoints.length; i++) {
            if (checkpoints[i] == iterations) {
                return heldOutLosses[i];
            }
        }
        return Double.NaN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialOutcome t && candidate.equals(t.candidate) && Arrays.equals(checkpoints, t.checkpoints)
                && Arrays.equals(heldOutLosses, t.heldOutLosses) && diverged == t.diverged
                && iterationsRun == t.iterationsRun;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * candidate.hashCode() + Arrays.hashCode(heldOutLosses)) + iterationsRun;
    }

    @Override
    public String toString() {
        return "TrialOutcome(" + candidate.label() + " " + candidate.learningRate() + ", losses "
                + Arrays.toString(heldOutLosses) + (diverged ? ", diverged" : "") + ")";
    }
}
