package io.github.dl4jlr.finder;

/**
 * Rules that read a learning rate off a range-test curve; see {@link SuggestionRules} for the exact definitions.
 */
public enum SuggestionMethod {
    /** fastai's valley: partway along the longest falling stretch of the loss. */
    VALLEY("valley"),
    /** The steepest descent of the loss against log-LR. */
    STEEPEST("steepest"),
    /** The LR at the lowest loss, divided by 10 (Smith; fastai's {@code lr_min}). */
    MINIMUM_DIV_10("min/10"),
    /** The geometric mean of the VALLEY and MINIMUM_DIV_10 suggestions. */
    BLEND("blend"),
    /**
     * The default: BLEND for {@link UpdaterFamily#ADAM} updaters, MINIMUM_DIV_10 for {@link UpdaterFamily#OTHER};
     * see {@link #resolve}.
     */
    AUTO("auto"),
    /**
     * The candidate that won the confirmation trials (see {@link ConfirmationRules}); AUTO when confirmation did not
     * run or every trial diverged. The finder's default.
     */
    CONFIRMED("confirmed");

    private final String label;

    SuggestionMethod(String label) {
        this.label = label;
    }

    /**
     * Short name used in logs and plots.
     *
     * @return short name used in logs and plots
     */
    public String label() {
        return label;
    }

    /**
     * True for the rules that read the curve directly, i.e. every method but AUTO and CONFIRMED.
     *
     * @return true for the rules that read the curve directly, i.e
     */
    public boolean isConcrete() {
        return this != AUTO && this != CONFIRMED;
    }

    /**
     * The concrete curve rule to apply for a network trained by {@code family}: AUTO (and CONFIRMED, whose fallback
     * AUTO is) becomes BLEND for ADAM and MINIMUM_DIV_10 for OTHER (also for an unknown family, {@code null}); every
     * other method is itself.
     *
     * <p>Why per family: a range test is short, and Adam's step is about the LR whatever the gradient, so its
     * loss keeps falling up to LRs that are too high for a longer run. min/10 there suggested 5-25x the best LR
     * of a half-decade grid (Adam on Iris, a Gaussian mixture and the demo's images), while for Nesterov momentum
     * SGD, RmsProp and AdaGrad min/10 was within about a point of the best and BLEND was too low.
     *
     * @param family the family
     * @return the concrete curve rule to apply for a network trained by {@code family}
     */
    public SuggestionMethod resolve(UpdaterFamily family) {
        if (isConcrete()) {
            return this;
        }
        return family == UpdaterFamily.ADAM ? BLEND : MINIMUM_DIV_10;
    }
}
