package io.github.dl4jlr.finder;

/**
 * The pure rule behind the finder's line on a network that has trained at a fixed rate: when to point to a search
 * between that rate and the suggestion, instead of letting the suggestion stand alone.
 * <pre>
 *   say it = the network has taken steps (its iteration counter is past 0)
 *            and has learned ({@link LrFinderResult#trained()})
 *            and no updater is Adam-type ({@link UpdaterFamily#OTHER})
 *            and the suggestion lies more than {@value #FAR}x above or below the rate it trained at
 * </pre>
 * On 60 trained networks (30 tables, Adam and momentum SGD, 3 seeds, continued for 2 to 10 epochs) neither rate was
 * the better one to go on with every time, and how far apart they lay did not tell which. With momentum SGD the
 * suggestion was no better than the rate it trained at (mean regret 0.75 points against 0.73), and a search between
 * the two, where they lay more than {@value #FAR}x apart, lowered it to 0.51. With Adam the suggestion was the better
 * one (0.96 against 1.60) and the search between them did no better (0.94, its candidates going on with the network's
 * moments) at about three continuations' cost, so an Adam-type network hears nothing.
 * On 8 held-out momentum cells the search kept every cell within a point of the grid's best (the suggestion 6), at a
 * mean regret of 0.37 against 0.31: it guards against the suggestion's bad cells, not the average.
 * Within {@value #FAR}x the two are neighbours on a half-decade grid. A network rebuilt by {@code TransferLearning}
 * starts its counter at 0: its rate is the one chosen for fine-tuning, not one it trained at.
 *
 * <p>Worked values: momentum SGD trained at 1e-2, a suggestion of 2.9e-2 or 3.5e-3 says nothing; 3.1e-2, 0.3 or 1e-4
 * says it; Adam at any distance says nothing.
 */
final class ContinueRateRule {

    /** Further apart than this factor, the line points to a search between the two rates. */
    static final double FAR = 3;

    private ContinueRateRule() {
    }

    /**
     * @param trained         whether the network has learned ({@link LrFinderResult#trained()})
     * @param priorIterations its iteration counter before the sweep
     * @param family          its updaters' family
     * @param trainedAt       the fixed rate of every trained updater before the sweep
     * @param suggestion      the finder's suggestion
     * @return whether to point to a search between {@code trainedAt} and {@code suggestion}
     */
    static boolean pointToSearch(boolean trained, int priorIterations, UpdaterFamily family, double trainedAt,
                                 double suggestion) {
        if (!trained || priorIterations <= 0 || family != UpdaterFamily.OTHER || !(trainedAt > 0)
                || !(suggestion > 0)) {
            return false;
        }
        return Math.max(suggestion / trainedAt, trainedAt / suggestion) > FAR;
    }
}
