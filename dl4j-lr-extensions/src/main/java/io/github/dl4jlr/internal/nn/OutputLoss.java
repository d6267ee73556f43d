package io.github.dl4jlr.internal.nn;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * How an output layer scores, as far as a chance level is concerned: the loss of a network that only knows the class
 * frequencies can be computed for the two cross-entropies, and that of one that only knows the targets' mean for the
 * two unweighted squared errors; not for other losses.
 */
public enum OutputLoss {
    /** Multi-class cross-entropy ({@code MCXENT}, {@code NEGATIVELOGLIKELIHOOD}), normally after a softmax. */
    SOFTMAX_CROSS_ENTROPY,
    /** Binary cross-entropy ({@code XENT}) over independent sigmoid units. */
    SIGMOID_CROSS_ENTROPY,
    /** Mean squared error ({@code MSE}, {@code SQUARED_LOSS}), without weights: averaged over the output units. */
    MEAN_SQUARED_ERROR,
    /** Squared error ({@code L2}), without weights: summed over the output units. */
    SQUARED_ERROR,
    /** Any other loss, or not an output layer. */
    OTHER;

    /** The kind of one layer configuration. */
    static OutputLoss of(org.deeplearning4j.nn.conf.layers.Layer conf) {
        ILossFunction loss = conf instanceof BaseOutputLayer ? ((BaseOutputLayer) conf).getLossFn()
                : conf instanceof LossLayer ? ((LossLayer) conf).getLossFn() : null;
        if (loss instanceof LossMCXENT) {
            return SOFTMAX_CROSS_ENTROPY;
        }
        if (loss instanceof LossL2 l2) {
            if (l2.getWeights() != null) {
                return OTHER;
            }
            return loss instanceof LossMSE ? MEAN_SQUARED_ERROR : SQUARED_ERROR;
        }
        return loss instanceof LossBinaryXENT ? SIGMOID_CROSS_ENTROPY : OTHER;
    }
}
