package io.github.dl4jlr.updater;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gradient updater that needs more than DL4J gives it: its block's parameters, and (Prodigy) the other blocks of the
 * same step. {@link LearningRateFree} hands both over at {@code onGradientCalculation}, before DL4J runs the blocks.
 */
interface CoordinatedUpdater {

    /**
     * Joins the step about to run.
     *
     * @param step   the step shared by the network's coordinated blocks
     * @param index  this block's position among them, in DL4J's update order
     * @param params this block's parameters (a view)
     */
    void join(CoordinatedStep step, int index, INDArray params);

    /** Whether it joined a step and has not taken it yet. */
    boolean pending();

    /** The parameter count of this block, once known; -1 before the first step. */
    long size();
}
