package io.github.dl4jlr.internal.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory copy of everything training changes: parameters (batch-norm running statistics included),
 * updater state (e.g. Adam's moments), iteration and epoch counters, and the learning-rate setting of every
 * trained updater. Restoring it puts the same network back bit for bit; the next step is then identical to a
 * step from the original state (pinned by the finder's restore tests). Not restored: the global RNG (dropout) and
 * listener state.
 *
 * <p>Memory: one copy of the parameters plus one of the updater state (Adam: 2x the parameters).
 */
public final class TrainingSnapshot {

    private final INDArray params;
    private final INDArray updaterState;
    private final int iteration;
    private final int epoch;
    private final List<IUpdater> updaters;
    private final List<LearningRateConfig> learningRates;

    private TrainingSnapshot(INDArray params, INDArray updaterState, int iteration, int epoch,
                             List<IUpdater> updaters, List<LearningRateConfig> learningRates) {
        this.params = params;
        this.updaterState = updaterState;
        this.iteration = iteration;
        this.epoch = epoch;
        this.updaters = updaters;
        this.learningRates = learningRates;
    }

    /** Copies the network's state. Updaters without a learning rate keep none in the snapshot. */
    public static TrainingSnapshot capture(NetworkAdapter net) {
        List<IUpdater> updaters = new ArrayList<>();
        List<LearningRateConfig> lrs = new ArrayList<>();
        for (IUpdater u : net.trainedUpdaters()) {
            if (u.hasLearningRate()) {
                updaters.add(u);
                lrs.add(LearningRateConfig.read(u));
            }
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray state = net.updaterState();
            return new TrainingSnapshot(net.params().dup(), state == null ? null : state.dup(),
                    net.iterationCount(), net.epochCount(), updaters, lrs);
        }
    }

    /** Refreshes this snapshot's arrays from the network in place, without allocating; counters and LRs too. */
    public TrainingSnapshot refresh(NetworkAdapter net) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            params.assign(net.params());
            INDArray state = net.updaterState();
            if (state != null && updaterState != null) {
                updaterState.assign(state);
            }
        }
        List<LearningRateConfig> lrs = new ArrayList<>();
        for (IUpdater u : updaters) {
            lrs.add(LearningRateConfig.read(u));
        }
        return new TrainingSnapshot(params, updaterState, net.iterationCount(), net.epochCount(), updaters, lrs);
    }

    /** Writes parameters, updater state, counters and learning rates back into the network. */
    public void restoreInto(NetworkAdapter net) {
        restoreArrays(net);
        net.setCounters(iteration, epoch);
        restoreLearningRates();
    }

    /** Writes parameters and updater state back, leaving counters and learning rates as they are. */
    public void restoreArrays(NetworkAdapter net) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            net.params().assign(params);
            INDArray state = net.updaterState();
            if (state != null && updaterState != null) {
                state.assign(updaterState);
            }
        }
    }

    /** Puts every updater's learning-rate setting back. */
    public void restoreLearningRates() {
        for (int i = 0; i < updaters.size(); i++) {
            learningRates.get(i).applyTo(updaters.get(i));
        }
    }

    public int iteration() {
        return iteration;
    }

    public int epoch() {
        return epoch;
    }

}
