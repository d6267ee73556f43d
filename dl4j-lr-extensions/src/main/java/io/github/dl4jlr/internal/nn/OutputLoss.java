package io.github.dl4jlr.internal.nn;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * How an output layer scores, as far as a chance level is concerned: the loss of a network that only knows the class
 * frequencies can be computed for the two cross-entropies, not for other losses.
 */
public enum OutputLoss {
    /** Multi-class cross-entropy ({@code MCXENT}, {@code NEGATIVELOGLIKELIHOOD}), normally after a softmax. */
    SOFTMAX_CROSS_ENTROPY,
    /** Binary cross-entropy ({@code XENT}) over independent sigmoid units. */
    SIGMOID_CROSS_ENTROPY,
    /** Any other loss, or not an output layer. */
    OTHER;

    /** The kind of one layer configuration. */
    static OutputLoss of(org.deeplearning4j.nn.conf.layers.Layer conf) {
        ILossFunction loss = conf instanceof BaseOutputLayer ? ((BaseOutputLayer) conf).getLossFn()
                : conf instanceof LossLayer ? ((LossLayer) conf).getLossFn() : null;
        if (loss instanceof LossMCXENT) {
            return SOFTMAX_CROSS_ENTROPY;
        }
        return loss instanceof LossBinaryXENT ? SIGMOID_CROSS_ENTROPY : OTHER;
    }
}
