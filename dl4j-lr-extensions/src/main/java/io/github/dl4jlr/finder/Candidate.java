package io.github.dl4jlr.finder;

import java.util.List;

/**
 * A learning rate the curve suggests, and the rules that suggested it (several when their suggestions were within
 * the merge factor of each other).
 *
 * @param learningRate the rate a trial trains at: the lowest of the merged suggestions
 * @param methods      the concrete rules behind it, in the order of {@link SuggestionMethod#values()}
 * @param curveIndex   the curve point of the first method's suggestion (for plots)
 */
public record Candidate(double learningRate, List<SuggestionMethod> methods, int curveIndex) {

    public Candidate {
        methods = List.copyOf(methods);
    }

    /** e.g. {@code "valley+blend"}. */
    public String label() {
        StringBuilder b = new StringBuilder();
        for (SuggestionMethod m : methods) {
            b.append(b.length() == 0 ? "" : "+").append(m.label());
        }
        return b.toString();
    }
}
