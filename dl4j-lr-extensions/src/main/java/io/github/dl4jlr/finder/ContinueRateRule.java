package io.github.dl4jlr.finder;

/**
 * The pure rule behind the finder's line on a network that has trained at a fixed rate: when to point to a search
 * between that rate and the suggestion, instead of letting the suggestion stand alone.
 * <pre>
 *   say it = the network has taken steps (its iteration counter is past 0)
 *            and has learned ({@link LrFinderResult#trained()})
 *            and the suggestion lies more than {@value #FAR}x above or below the rate it trained at
 * </pre>
 * On 60 trained networks (30 tables, Adam and momentum SGD, 3 seeds, continued for 2 to 10 epochs) neither rate was
 * the better one to go on with every time: the suggestion did better in 35 cells and worse in 19, and how far apart
 * the two lay did not tell those cells apart. Within {@value #FAR}x the two are neighbours on a half-decade grid and a
 * search between them would say little. A network rebuilt by {@code TransferLearning} starts its counter at 0: its
 * rate is the one chosen for fine-tuning, not one it trained at.
 *
 * <p>Worked values: trained at 1e-3, a suggestion of 2.9e-3 or 3.5e-4 says nothing; 3.1e-3, 3.0e-2 or 1e-5 says it.
 */
final class ContinueRateRule {

    /** Further apart than this factor, the line points to a search between the two rates. */
    static final double FAR = 3;

    private ContinueRateRule() {
    }

    /**
     * @param trained         whether the network has learned ({@link LrFinderResult#trained()})
     * @param priorIterations its iteration counter before the sweep
     * @param trainedAt       the fixed rate of every trained updater before the sweep
     * @param suggestion      the finder's suggestion
     * @return whether to point to a search between {@code trainedAt} and {@code suggestion}
     */
    static boolean pointToSearch(boolean trained, int priorIterations, double trainedAt, double suggestion) {
        if (!trained || priorIterations <= 0 || !(trainedAt > 0) || !(suggestion > 0)) {
            return false;
        }
        return Math.max(suggestion / trainedAt, trainedAt / suggestion) > FAR;
    }
}
