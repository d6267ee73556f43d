package io.github.dl4jlr.finder;

/**
 * Rules that read a learning rate off a range-test curve; see {@link SuggestionRules} for the exact definitions.
 */
public enum SuggestionMethod {
    /** fastai's valley: partway along the longest falling stretch of the loss. */
    VALLEY("valley"),
    /** The steepest descent of the loss against log-LR. */
    STEEPEST("steepest"),
    /** The LR at the lowest loss, divided by 10; the default (lowest regret in our benchmark). */
    MINIMUM_DIV_10("min/10");

    private final String label;

    SuggestionMethod(String label) {
        this.label = label;
    }

    /** Short name used in logs and plots. */
    public String label() {
        return label;
    }
}
