package io.github.dl4jlr.pbt;

import org.deeplearning4j.nn.api.Model;

/** Scores a member after a round; higher is better (e.g. validation accuracy, or minus the validation loss). */
@FunctionalInterface
public interface Evaluator {

    double score(Model model);
}
