package io.github.dl4jlr.demo.experiment;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an experiment can run on data of a given size, and if not, why (pure; tested without data). A small folder
 * still gives a report: what cannot run is skipped with its reason instead of crashing the demo.
 */
public final class Feasibility {

    /** The fewest iterations a 1cycle run is given. */
    public static final int MIN_ONECYCLE_ITERATIONS = 10;

    /** How much data there is. */
    public record Sizes(int train, int validation, int test, int iterationsPerEpoch) {
    }

    private Feasibility() {
    }

    /** Why {@code e} cannot run, or empty when it can. */
    public static Optional<String> skipReason(Experiment e, Sizes sizes, DemoConfig config) {
        if (sizes.test() == 0) {
            return Optional.of("no test images: every class has a single readable image, so there is nothing to "
                    + "measure (a class needs 2 images for one to go to the test split)");
        }
        if (e.strategy().kind() == Strategy.Kind.PBT && sizes.validation() == 0) {
            return Optional.of("PBT scores its members on the validation split, which is empty (a class needs 3 "
                    + "readable images for one to go to it)");
        }
        int total = config.epochs() * sizes.iterationsPerEpoch();
        if (e.strategy().kind() == Strategy.Kind.FINDER && total < MIN_ONECYCLE_ITERATIONS) {
            return Optional.of(String.format(Locale.ROOT, "1cycle over %d iteration(s) is too short: it needs at least "
                    + "%d (more images, a smaller batch or more epochs)", total, MIN_ONECYCLE_ITERATIONS));
        }
        return Optional.empty();
    }
}
