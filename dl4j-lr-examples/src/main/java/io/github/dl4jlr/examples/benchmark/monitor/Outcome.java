package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.monitor.LossStall;
import io.github.dl4jlr.monitor.MonitorEvent;
import io.github.dl4jlr.monitor.RollbackRecord;

import java.util.List;

/**
 * What one run did.
 *
 * @param accuracy   test accuracy at the end, on a regression table the share of the test targets' variance explained
 *                   (R squared; NaN when the parameters are non-finite)
 * @param testLoss   mean test loss at the end
 * @param epochLoss  the mean training loss of each epoch (NaN where an epoch saw a non-finite loss only)
 * @param nanSeen    whether any minibatch loss was NaN/Inf
 * @param majority   the share of the test set's largest class (0 on a regression table: the R squared of predicting
 *                   the mean)
 * @param chance     the loss of predicting the training set's class frequencies (on a regression table its targets'
 *                   mean)
 * @param stopped    whether the monitor stopped training
 * @param ratios     the run's weight ratios: the largest at the first 3 checks, the 90th percentile over the later
 *                   checks of each check's largest, and the median over all checks of each check's median
 * @param validationLoss the validation loss at each epoch end (NaN throughout without validation data)
 * @param epochTestLoss  the test loss at each epoch end
 */
record Outcome(Scenario scenario, double accuracy, double testLoss, double[] epochLoss, boolean nanSeen,
               double majority, double chance, List<MonitorEvent> events, List<LossStall> stalls,
               List<RollbackRecord> rollbacks, boolean stopped, double[] ratios, double[] validationLoss,
               double[] epochTestLoss) {

    Outcome {
        epochLoss = epochLoss.clone();
        events = List.copyOf(events);
        stalls = List.copyOf(stalls);
        rollbacks = List.copyOf(rollbacks);
        ratios = ratios.clone();
        validationLoss = validationLoss.clone();
        epochTestLoss = epochTestLoss.clone();
    }

    @Override
    public double[] epochTestLoss() {
        return epochTestLoss.clone();
    }

    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    @Override
    public double[] epochLoss() {
        return epochLoss.clone();
    }

    double firstEpochLoss() {
        return epochLoss[0];
    }

    /** The last finite epoch loss. */
    double lastEpochLoss() {
        for (int i = epochLoss.length - 1; i >= 0; i--) {
            if (Double.isFinite(epochLoss[i])) {
                return epochLoss[i];
            }
        }
        return Double.NaN;
    }

    /** The advice lines (actionable, not recovery actions) with their directions, in order. */
    List<Advice> advice() {
        return events.stream().map(e -> new Advice(e, Direction.of(e, stalls))).filter(a -> a.direction() != null)
                .toList();
    }

    /** Trouble events: what would stop or roll back training under STOP or ROLLBACK. */
    long troubles() {
        return events.stream().filter(e -> e.kind() == MonitorEvent.Kind.DIVERGED
                || e.kind() == MonitorEvent.Kind.NON_FINITE || e.kind() == MonitorEvent.Kind.NETWORK_DEAD).count();
    }

    /** Loss-spike lines: a WARN that advises nothing until the spike lasts (then a DIVERGED line follows). */
    long spikes() {
        return events.stream().filter(e -> e.kind() == MonitorEvent.Kind.LOSS_SPIKE).count();
    }

    /** One advice line. */
    record Advice(MonitorEvent event, Direction direction) {
    }
}
