package io.github.dl4jlr.tuning;

import org.deeplearning4j.nn.api.Model;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link LearningRateSearch} found: the winning peak rate, the network trained with it for the whole budget, and
 * every candidate's held-out score at every rung.
 */
public final class SearchResult {

    private final double bestRate;
    private final double bestScale;
    private final double bestScore;
    private final double configuredPeak;
    private final List<PbtRecord> history;
    private final double[] rates;
    private final int[] rungEnds;
    private final double cost;
    private final Model model;

    SearchResult(double bestRate, double bestScale, double bestScore, double configuredPeak, List<PbtRecord> history, double[] rates,
                 int[] rungEnds, double cost, Model model) {
        this.bestRate = bestRate;
        this.bestScale = bestScale;
        this.bestScore = bestScore;
        this.configuredPeak = configuredPeak;
        this.history = List.copyOf(history);
        this.rates = rates.clone();
        this.rungEnds = rungEnds.clone();
        this.cost = cost;
        this.model = model;
    }

    /** @return the winner's peak rate: the largest rate its (scaled) schedule reaches */
    public double bestRate() {
        return bestRate;
    }

    /** @return the winner's multiple of the configured rate: set {@code configured x this} to train with it */
    public double bestScale() {
        return bestScale;
    }

    /** @return the peak of the rate as configured */
    public double configuredPeak() {
        return configuredPeak;
    }

    /** @return the winner's held-out score after the whole budget */
    public double bestScore() {
        return bestScore;
    }

    /** @return every candidate after every rung it trained in, in order ({@code round} is the rung) */
    public List<PbtRecord> history() {
        return history;
    }

    /** @return the candidates' peak rates, ascending ({@code member} in the history indexes them) */
    public double[] rates() {
        return rates.clone();
    }

    /** @return the iteration at which each rung ended */
    public int[] rungEnds() {
        return rungEnds.clone();
    }

    /** @return the search's cost in trainings of the budget */
    public double cost() {
        return cost;
    }

    /** @return the winner's network, trained for the whole budget */
    public Model model() {
        return model;
    }

    /** @return e.g. "best peak rate 3.2e-03 (x3.16 of the configured rate): score 0.9612 after the whole budget; cost 3 trainings of the budget" */
    public String summary() {
        return String.format(Locale.ROOT, "best peak rate %.2e (x%.3g of the configured rate): score %.4f after the whole "
                + "budget; cost %.2g trainings of the budget", bestRate, bestScale, bestScore(), cost);
    }

    /**
     * One CSV row per candidate and rung: {@code candidate,rate,rung,rung_end,score}.
     *
     * @return one CSV row per candidate and rung
     */
    public List<String> csvRows() {
        return history.stream().map(r -> String.format(Locale.ROOT, "%d,%s,%d,%d,%s", r.member(), rates[r.member()],
                r.round(), rungEnds[r.round()], r.score())).toList();
    }

    @Override
    public String toString() {
        return summary();
    }
}
