package io.github.dl4jlr.tuning;

import org.deeplearning4j.nn.api.Model;

import java.io.Serializable;

/**
 * Scores a member after a round; higher is better (e.g. validation accuracy, or minus the validation loss). It runs on
 * the JVM that trained the member, so it is serializable; a lambda is, when what it captures is.
 */
@FunctionalInterface
public interface Evaluator extends Serializable {

    /**
     * @param model the member after its round
     * @return its score, higher is better
     */
    double score(Model model);
}
