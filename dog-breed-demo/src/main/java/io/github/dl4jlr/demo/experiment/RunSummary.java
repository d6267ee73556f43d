package io.github.dl4jlr.demo.experiment;

import java.io.Serializable;

/**
 * The outcome of one run (experiment and seed).
 *
 * @param seconds     the run's wall time in the invocation that finished it: training, evaluation, and a finder's
 *                    sweep or a PBT population included
 * @param medianRatio median update:parameter ratio of the weight arrays over the monitor's checks (target 1e-3)
 * @param note        e.g. the finder's suggestion or PBT's final learning rate
 * @param status      whether it ran, was skipped, or failed
 * @param reason      why it was skipped, or the error it failed with; empty when it ran
 */
public record RunSummary(String experiment, String group, int seed, int epochs, double bestTestAccuracy,
                         double finalTestAccuracy, double finalTestLoss, double minTestLoss, double secondsPerEpoch,
                         double seconds,
                         double dataWaitFraction, double medianRatio, boolean diverged, String note, Status status,
                         String reason) implements Serializable {

    /** What happened to a run. */
    public enum Status {
        DONE, SKIPPED, FAILED
    }

    /** A run that could not run at this data size. */
    public static RunSummary skipped(Experiment e, int seed, String reason) {
        return new RunSummary(e.id(), e.group().id(), seed, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "", Status.SKIPPED, reason);
    }

    /** A run that threw. */
    public static RunSummary failed(Experiment e, int seed, Throwable error) {
        String msg = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new RunSummary(e.id(), e.group().id(), seed, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "", Status.FAILED, error.getClass().getSimpleName() + msg);
    }

    public boolean ran() {
        return status == Status.DONE;
    }
}
