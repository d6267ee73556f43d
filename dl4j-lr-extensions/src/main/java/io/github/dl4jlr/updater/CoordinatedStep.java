package io.github.dl4jlr.updater;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * One training step of a network's coordinated updater blocks: which iteration it is, how many blocks take part, and
 * the gradients handed in so far. Prodigy's last block runs the global step over all of them.
 */
final class CoordinatedStep {

    private final int iteration;
    private final int prodigyBlocks;
    private final List<ProdigyUpdater> joined = new ArrayList<>();
    private final List<INDArray> gradients = new ArrayList<>();

    /**
     * @param iteration     the iteration DL4J is about to update
     * @param prodigyBlocks the Prodigy blocks DL4J will run in this step
     */
    CoordinatedStep(int iteration, int prodigyBlocks) {
        this.iteration = iteration;
        this.prodigyBlocks = prodigyBlocks;
    }

    int iteration() {
        return iteration;
    }

    /** Hands in one Prodigy block's gradient; true when it was the last, so the caller runs the global step. */
    boolean submit(ProdigyUpdater block, INDArray gradient) {
        joined.add(block);
        gradients.add(gradient);
        return joined.size() == prodigyBlocks;
    }

    List<ProdigyUpdater> blocks() {
        return joined;
    }

    List<INDArray> gradients() {
        return gradients;
    }
}
