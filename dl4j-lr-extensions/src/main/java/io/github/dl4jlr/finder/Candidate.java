package io.github.dl4jlr.finder;

import java.util.List;

/**
 * A learning rate a confirmation trial trains at: either read off a falling curve by one or more rules (merged when
 * their suggestions were within the merge factor of each other), or, on a flat curve, a point of the stable bracket
 * below the rate where the sweep diverged.
 *
 * @param learningRate the rate a trial trains at: for rules, the lowest of the merged suggestions
 * @param methods      the concrete rules behind it, in the order of {@link SuggestionMethod#values()}; empty for a
 *                     bracket point
 * @param curveIndex   the curve point nearest to it (for plots)
 * @param label        e.g. {@code "valley+blend"}, or {@code "top/10"} for a bracket point
 */
public record Candidate(double learningRate, List<SuggestionMethod> methods, int curveIndex, String label) {

    /**
     * Validates the rate and copies the methods.
     *
     * @param learningRate the rate a trial trains at: for rules, the lowest of the merged suggestions
     * @param methods the concrete rules behind it, in the order of {@link SuggestionMethod#values()}; empty for a bracket point
     * @param curveIndex the curve point nearest to it (for plots)
     * @param label e.g. {@code "valley+blend"}, or {@code "top/10"} for a bracket point
     */
    public Candidate {
        methods = List.copyOf(methods);
    }

    /** A candidate read off the curve by {@code methods}. */
    static Candidate ofRules(double learningRate, List<SuggestionMethod> methods, int curveIndex) {
        StringBuilder b = new StringBuilder();
        for (SuggestionMethod m : methods) {
            b.append(b.length() == 0 ? "" : "+").append(m.label());
        }
        return new Candidate(learningRate, methods, curveIndex, b.toString());
    }

    /** A point of the stable bracket, labelled by its distance below the bracket's top. */
    static Candidate ofBracket(double learningRate, String label, int curveIndex) {
        return new Candidate(learningRate, List.of(), curveIndex, label);
    }

    /**
     * Whether it is a point of the stable bracket rather than a rule's suggestion.
     *
     * @return whether it is a point of the stable bracket rather than a rule's suggestion
     */
    public boolean fromBracket() {
        return methods.isEmpty();
    }
}
