package io.github.dl4jlr.pbt;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What training a {@link MemberTask} produced: the new state and the evaluator's score (higher is better). */
public record MemberOutcome(int member, int round, INDArray params, INDArray updaterState, int iteration, int epoch,
                            double score) {
}
