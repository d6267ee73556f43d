package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaBelief;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;

import java.util.Collection;

/**
 * Which kind of updater trained the network, which decides what {@link SuggestionMethod#AUTO} reads off the curve
 * (why: see {@link SuggestionMethod#resolve}).
 */
public enum UpdaterFamily {
    /**
     * Adam and its variants (AdaMax, Nadam, AMSGrad, AdaBelief): momentum plus bias-corrected per-parameter
     * scaling, so from the first step on each step is about the LR whatever the gradient. Measured: Adam; the
     * variants are grouped with it because they share that step rule.
     */
    ADAM,
    /** Every other updater with a learning rate: Sgd, Nesterovs, RmsProp, AdaGrad, and custom ones. */
    OTHER;

    /**
     * The family of one updater.
     *
     * @param updater a layer's updater
     * @return the family of one updater
     */
    public static UpdaterFamily of(IUpdater updater) {
        Args.notNull("updater", updater);
        boolean adam = updater instanceof Adam || updater instanceof AdaMax || updater instanceof Nadam
                || updater instanceof AMSGrad || updater instanceof AdaBelief;
        return adam ? ADAM : OTHER;
    }

    /**
     * ADAM when any updater is Adam-type (the lower of the two suggestions), otherwise OTHER.
     *
     * @param updaters the updaters
     * @return {@code ADAM} when any updater is Adam-type (the lower of the two suggestions), otherwise OTHER
     */
    public static UpdaterFamily of(Collection<? extends IUpdater> updaters) {
        Args.check(updaters != null && !updaters.isEmpty(), "at least one updater",
                updaters == null ? "null" : "none");
        for (IUpdater u : updaters) {
            if (of(u) == ADAM) {
                return ADAM;
            }
        }
        return OTHER;
    }
}
