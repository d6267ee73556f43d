package io.github.dl4jlr.monitor;

import java.util.List;
import java.util.Locale;

/**
 * The network is dead or saturated: its loss sits near the loss of a network that knows nothing, and its weight
 * gradients have vanished (see {@link StallCause#NETWORK_DEAD}). A higher learning rate cannot revive it; a lower one
 * from an earlier state can.
 *
 * @param iteration    iteration of the check that made it certain
 * @param epoch        its epoch
 * @param learningRate learning rate of the first trained layer at that step
 * @param level        the loss level (median of the recent minibatch losses)
 * @param chance       the loss of predicting the class frequencies or the mean target (or the first loss, when
 *                     that is unknown)
 * @param vanished     the weight arrays whose gradient vanished (at most 1e-3 of the largest seen at a check)
 * @param arrays       the weight arrays judged
 * @param since        iteration of the first check that showed it
 * @param firstMove    how far the first update moved the parameters, relative to their size; NaN when unknown
 */
public record DeadNetwork(int iteration, int epoch, double learningRate, double level, double chance,
                          List<String> vanished, int arrays, int since, double firstMove) implements Trouble {

    /**
     * Copies the list of vanished arrays.
     *
     * @param iteration iteration of the check that made it certain
     * @param epoch its epoch
     * @param learningRate learning rate of the first trained layer at that step
     * @param level the loss level (median of the recent minibatch losses)
     * @param chance the loss of predicting the class frequencies or the mean target (or the first loss,
     *               when that is unknown)
     * @param vanished the weight arrays whose gradient vanished (at most 1e-3 of the largest seen at a check)
     * @param arrays the weight arrays judged
     * @param since iteration of the first check that showed it
     * @param firstMove how far the first update moved the parameters, relative to their size; NaN when unknown
     */
    public DeadNetwork {
        vanished = List.copyOf(vanished);
    }

    @Override
    public Cause cause() {
        return Cause.NETWORK_DEAD;
    }

    @Override
    public String key() {
        return "network";
    }

    @Override
    public String message() {
        String early = firstMove > DeadNetworkRules.FIRST_MOVE_HIGH
                ? String.format(Locale.ROOT, " (the first update moved the weights by %.0f%% of their size)", 100 * firstMove)
                : "";
        return String.format(Locale.ROOT, "The network is dead at iter=%d epoch=%d lr=%.1e: the loss, %.3g, %s, "
                        + "%.3g, and the gradients of %d of its %d weight arrays (%s) have vanished since iter=%d. The "
                        + "learning rate was too high early%s: roll back or restart at a lower rate (try x0.1, or pick "
                        + "one with LearningRateFinder); raising it will not help.",
                iteration, epoch, learningRate, level, whereToChance(level / chance), chance, vanished.size(), arrays,
                String.join(", ", vanished), since, early);
    }

    /**
     * Where the loss stands against its chance level, in words: a saturated output can sit far above it (a sigmoid
     * stuck on the rare class of a lopsided table: 2.88 against 0.234), a dying network somewhat below it.
     */
    static String whereToChance(double share) {
        if (share > 1.25) {
            return String.format(Locale.ROOT, "is %.1fx its chance level", share);
        }
        return share >= 0.8 ? "sits at its chance level"
                : String.format(Locale.ROOT, "is %.0f%% of its chance level", 100 * share);
    }
}
