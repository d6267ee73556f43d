package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * How good is the finder's suggestion on <em>your</em> problem? The audit trains your network for its full budget
 * at every learning rate of a grid and at each rule's suggestion, averaged over seeds, and reports the <b>regret</b>
 * of each rule: the best grid score minus the score at the suggestion.
 *
 * <pre>{@code
 *   FinderAudit.Result r = FinderAudit.builder()
 *           .problem(problem)                         // your Problem: builds, trains and scores your network
 *           .updater(lr -> new Adam(lr))
 *           .grid(FinderAudit.halfDecades(1e-5, 10)).seeds(3)
 *           .finder(LearningRateFinder.builder().confirm(ConfirmMode.ALWAYS).build())   // the audit's default
 *           .build().run();
 *   r.regret(SuggestionMethod.AUTO);                 // in score units, e.g. accuracy; every rule has one
 *   r.regretOfDefault();                             // what LearningRateFinder.builder().build() would answer
 * }</pre>
 *
 * <p>For each seed the finder runs once on a fresh network (seeded like the trained ones) and the first epoch's
 * data; each rule's suggestion is then trained from scratch. A run that diverges scores what {@link Problem#score}
 * says (NaN counts as 0). The cost is {@code (grid size + rules) x seeds} full trainings: minutes on small
 * problems, hours on large ones. Training is assumed deterministic per seed, so a learning rate two rules share is
 * trained once.
 */
public final class FinderAudit {

    private static final Logger log = LoggerFactory.getLogger(FinderAudit.class);

    /** What the audit trains, from scratch, many times. */
    public interface Problem {

        /**
         * A fresh, initialised network trained by {@code updater}, its weights drawn from {@code seed}.
         *
         * @param updater the updater every layer trains with
         * @param seed the seed of the weights and the data order
         * @return a fresh, initialised network trained by {@code updater}, its weights drawn from {@code seed}
         */
        Model model(IUpdater updater, int seed);

        /**
         * The training minibatches of one epoch.
         *
         * @param seed the seed of the data order
         * @param epoch the network's epoch counter (0-based)
         * @return the training minibatches of one epoch
         */
        DataSetIterator train(int seed, int epoch);

        /**
         * The score of a network trained with {@code seed}, higher is better (e.g. accuracy on that seed's test split);
         * NaN for a diverged one.
         *
         * @param trained the network after its budget
         * @param seed the seed it was trained with
         * @return its score, higher is better (e.g. test accuracy)
         */
        double score(Model trained, int seed);

        /**
         * Epochs of the training budget.
         *
         * @return epochs of the training budget
         */
        int epochs();
    }

    private final Problem problem;
    private final java.util.function.DoubleFunction<IUpdater> updater;
    private final double[] grid;
    private final int seeds;
    private final LearningRateFinder finder;
    private final Map<String, Double> trained = new HashMap<>();

    private FinderAudit(Builder b) {
        this.problem = Args.notNull("problem", b.problem);
        this.updater = Args.notNull("updater", b.updater);
        Args.check(b.grid != null && b.grid.length > 0, "a non-empty grid", b.grid == null ? "null" : "[]");
        for (double lr : b.grid) {
            Args.positive("grid learning rate", lr);
        }
        this.grid = b.grid.clone();
        this.seeds = Args.positive("seeds", b.seeds);
        this.finder = Args.notNull("finder", b.finder);
    }

    /** @return a builder; the problem is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code from, from*sqrt(10), from*10, ...} up to {@code to} (both inclusive when on the grid).
     *
     * @param from the lowest rate, {@code > 0}
     * @param to the highest rate, {@code >= from}
     * @return {@code from, from*sqrt(10), from*10, ...} up to {@code to} (both inclusive when on the grid)
     */
    public static double[] halfDecades(double from, double to) {
        Args.positive("from", from);
        Args.check(to >= from && Double.isFinite(to), "to >= from (" + from + ") and finite", to);
        List<Double> out = new ArrayList<>();
        double lo = Math.log10(from);
        for (int k = 0; lo + k / 2.0 <= Math.log10(to) + 1e-9; k++) {
            out.add(Math.pow(10, lo + k / 2.0));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * One rule's outcome, averaged over seeds.
     *
     * @param method the rule; {@code CONFIRMED} for {@link Result#finderDefault()}
     * @param meanLearningRate the geometric mean of the seeds' suggestions
     * @param meanScore the mean score of training at each seed's suggestion
     * @param perSeedLr each seed's suggestion (NaN where the rule had none)
     * @param perSeedFinderIterations each seed's finder iterations, sweep and trials (for
     *                                {@link Result#finderDefault()}, the trials only where the default runs them)
     */
    public record RuleOutcome(SuggestionMethod method, double meanLearningRate, double meanScore, double[] perSeedLr,
                              int[] perSeedFinderIterations) {
    }

    /** Header of {@link Result#regretRows}. */
    public static final String REGRET_HEADER = "problem,rule,suggested_lr,score,best_grid_lr,best_grid_score,regret";
    /** Header of {@link Result#trialRows}. */
    public static final String TRIALS_HEADER = "problem,seed,candidate_lr,methods,checkpoint,heldout_loss,diverged,won,"
            + "full_budget_score,best_grid_score";
    /** Header of {@link Result#costRows}. */
    public static final String COST_HEADER = "problem,seed,sweep_iterations,sweep_seconds,confirmation_iterations,"
            + "confirmation_seconds";

    /**
     * Everything the audit measured.
     *
     * @param grid the grid's learning rates
     * @param gridScores the mean score at each grid rate
     * @param bestLearningRate the grid rate with the best mean score
     * @param bestScore that best mean score
     * @param rules every rule's outcome; CONFIRMED is the trials' winner wherever the audited finder ran them
     * @param finderDefault what the finder's default ({@code ConfirmMode.WHEN_FLAT}) answers on each seed: the
     *                      trials' winner where the curve cannot be read (AUTO when every trial diverged), AUTO
     *                      where it can; with trials on every curve the rules' table does not show this, and it
     *                      costs no training of its own, since both answers are trained already
     * @param finderRuns the finder's result per seed
     * @param candidateScores per seed, the full-budget score of every confirmation candidate's learning rate
     */
    public record Result(double[] grid, double[] gridScores, double bestLearningRate, double bestScore,
                         Map<SuggestionMethod, RuleOutcome> rules, RuleOutcome finderDefault,
                         List<LrFinderResult> finderRuns, Map<Integer, Map<Double, Double>> candidateScores) {

        /** The label of {@link #finderDefault()} in {@link #regretRows}. */
        public static final String DEFAULT_LABEL = "default";

        /**
         * Best grid score minus the rule's mean score (positive: worse than the best grid learning rate).
         *
         * @param method a rule
         * @return best grid score minus the rule's mean score (positive: worse than the best grid rate)
         */
        public double regret(SuggestionMethod method) {
            return bestScore - rules.get(method).meanScore();
        }

        /**
         * One CSV row per rule ({@link #REGRET_HEADER}); {@code problem} labels the rows.
         *
         * @param problem a label for the rows
         * @return one CSV row per rule ({@link #REGRET_HEADER}); {@code problem} labels the rows
         */
        public List<String> regretRows(String problem) {
            List<String> rows = new ArrayList<>();
            rules.forEach((m, r) -> rows.add(regretRow(problem, m.label(), r)));
            rows.add(regretRow(problem, DEFAULT_LABEL, finderDefault));
            return rows;
        }

        /**
         * Best grid score minus the mean score of {@link #finderDefault()}.
         *
         * @return best grid score minus the mean score of what the finder's default answers
         */
        public double regretOfDefault() {
            return bestScore - finderDefault.meanScore();
        }

        /**
         * Every rule's and the default's mean suggestion and regret in points, for a log line:
         * {@code " valley 7.6e-04 -> regret 0.80; ...; default 6.6e-03 -> regret 1.33"}.
         *
         * @return every rule's and the default's mean suggestion and regret in points, for a log line
         */
        public String regretSummary() {
            StringBuilder b = new StringBuilder();
            rules.forEach((m, r) -> b.append(String.format(Locale.ROOT, " %s %.1e -> regret %.2f;", m.label(),
                    r.meanLearningRate(), 100 * regret(m))));
            return b.append(String.format(Locale.ROOT, " %s %.1e -> regret %.2f", DEFAULT_LABEL,
                    finderDefault.meanLearningRate(), 100 * regretOfDefault())).toString();
        }

        private String regretRow(String problem, String label, RuleOutcome r) {
            return String.format(Locale.ROOT, "%s,%s,%.3e,%.4f,%.3e,%.4f,%.4f", problem, label, r.meanLearningRate(),
                    r.meanScore(), bestLearningRate, bestScore, bestScore - r.meanScore());
        }

        /**
         * One CSV row per seed, candidate and checkpoint of the confirmation trials ({@link #TRIALS_HEADER}).
         *
         * @param problem a label for the rows
         * @return one CSV row per seed, candidate and checkpoint of the confirmation trials ({@link #TRIALS_HEADER})
         */
        public List<String> trialRows(String problem) {
            List<String> rows = new ArrayList<>();
            for (int s = 0; s < finderRuns.size(); s++) {
                Map<Double, Double> scores = candidateScores.getOrDefault(s, Map.of());
                int seed = s;
                finderRuns.get(s).confirmation().ifPresent(c -> {
                    for (Confirmation.Row r : c.rows()) {
                        rows.add(String.format(Locale.ROOT, "%s,%d,%.4e,%s,%d,%.6g,%b,%b,%.4f,%.4f", problem, seed,
                                r.learningRate(), r.methods(), r.trialIteration(), r.heldOutLoss(), r.diverged(), r.won(),
                                scores.getOrDefault(r.learningRate(), Double.NaN), bestScore));
                    }
                });
            }
            return rows;
        }

        /**
         * The finder's cost per seed ({@link #COST_HEADER}).
         *
         * @param problem a label for the rows
         * @return the finder's cost per seed ({@link #COST_HEADER})
         */
        public List<String> costRows(String problem) {
            List<String> rows = new ArrayList<>();
            for (int s = 0; s < finderRuns.size(); s++) {
                LrFinderResult r = finderRuns.get(s);
                int ci = r.confirmation().map(Confirmation::iterations).orElse(0);
                double cs = r.confirmation().map(Confirmation::seconds).orElse(0.0);
                rows.add(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%d,%.2f", problem, s, r.iterations(),
                        r.sweepSeconds(), ci, cs));
            }
            return rows;
        }
    }

    /**
     * Trains the grid, runs the finder per seed and trains every rule's suggestion.
     *
     * @return the grid's scores, every rule's suggestions and scores, and the finder runs
     */
    public Result run() {
        double[] gridScores = new double[grid.length];
        int best = 0;
        for (int i = 0; i < grid.length; i++) {
            double sum = 0;
            for (int s = 0; s < seeds; s++) {
                sum += score(s, grid[i]);
            }
            gridScores[i] = sum / seeds;
            log.info(String.format(Locale.ROOT, "grid lr=%.1e score=%.4f", grid[i], gridScores[i]));
            if (gridScores[i] > gridScores[best]) {
                best = i;
            }
        }
        List<LrFinderResult> runs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            runs.add(finder.find(problem.model(updater.apply(1e-3), s), problem.train(s, 0)));
        }
        Map<SuggestionMethod, RuleOutcome> rules = new EnumMap<>(SuggestionMethod.class);
        for (SuggestionMethod m : SuggestionMethod.values()) {
            rules.put(m, outcome(m, runs, run -> m, LrFinderResult::totalIterations));
        }
        // the default runs no trials on a readable curve, so it costs that seed the sweep alone
        RuleOutcome finderDefault = outcome(SuggestionMethod.CONFIRMED, runs,
                run -> run.needsTrials() ? SuggestionMethod.CONFIRMED : SuggestionMethod.AUTO,
                run -> run.needsTrials() ? run.totalIterations() : run.iterations());
        Map<Integer, Map<Double, Double>> candidates = new LinkedHashMap<>();
        for (int s = 0; s < seeds; s++) {
            Map<Double, Double> scores = new LinkedHashMap<>();
            int seed = s;
            runs.get(s).confirmation().ifPresent(c -> c.trials().forEach(
                    t -> scores.put(t.candidate().learningRate(), score(seed, t.candidate().learningRate()))));
            candidates.put(s, scores);
        }
        return new Result(grid.clone(), gridScores, grid[best], gridScores[best], rules, finderDefault, runs,
                candidates);
    }

    /** Each seed's answer of the rule that {@code ruleOf} picks for its finder run, trained and averaged. */
    private RuleOutcome outcome(SuggestionMethod method, List<LrFinderResult> runs,
                                Function<LrFinderResult, SuggestionMethod> ruleOf,
                                ToIntFunction<LrFinderResult> iterationsOf) {
        double[] lrs = new double[seeds];
        int[] its = new int[seeds];
        double sum = 0;
        double logSum = 0;
        for (int s = 0; s < seeds; s++) {
            OptionalDouble lr = runs.get(s).suggestion(ruleOf.apply(runs.get(s)));
            lrs[s] = lr.orElse(Double.NaN);
            its[s] = iterationsOf.applyAsInt(runs.get(s));
            sum += lr.isPresent() ? score(s, lr.getAsDouble()) : 0;
            logSum += Math.log(lrs[s]);
        }
        return new RuleOutcome(method, Math.exp(logSum / seeds), sum / seeds, lrs, its);
    }

    /**
     * The problem's score after training from scratch at a fixed {@code lr} with {@code seed} (cached).
     *
     * @param seed the seed
     * @param lr the fixed learning rate
     * @return the problem's score after training from scratch at a fixed {@code lr} with {@code seed} (cached)
     */
    public double score(int seed, double lr) {
        return trained.computeIfAbsent(seed + "@" + lr, k -> {
            double[] perEpoch = curve(seed, e -> updater.apply(lr), problem.epochs(), false);
            return perEpoch[perEpoch.length - 1];
        });
    }

    private double[] curve(int seed, IntFunction<IUpdater> updaterForSeed, int epochs, boolean everyEpoch) {
        Model net = problem.model(updaterForSeed.apply(seed), seed);
        NetworkAdapter adapter = NetworkAdapter.of(net);
        double[] scores = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            adapter.fit(problem.train(seed, e));
            if (everyEpoch || e == epochs - 1) {
                boolean finite = NetworkAdapter.finite(adapter.params());
                double score = finite ? problem.score(net, seed) : Double.NaN;
                scores[e] = Double.isNaN(score) ? 0 : score;
            }
        }
        return scores;
    }

    /** Settings; defaults: half-decade grid 1e-5..10, 3 seeds, a finder with trials after every sweep. */
    public static final class Builder {
        private Problem problem;
        private java.util.function.DoubleFunction<IUpdater> updater;
        private double[] grid = halfDecades(1e-5, 10);
        private int seeds = 3;
        private LearningRateFinder finder = LearningRateFinder.builder().confirm(ConfirmMode.ALWAYS).build();

        private Builder() {
        }

        /**
         * @param problem how to build, train and score a network
         * @return this builder
         */
        public Builder problem(Problem problem) {
            this.problem = problem;
            return this;
        }

        /**
         * The updater at a given fixed learning rate, e.g. {@code lr -> new Nesterovs(lr, 0.9)}.
         *
         * @param updater from a fixed rate to the updater at that rate
         * @return this builder
         */
        public Builder updater(java.util.function.DoubleFunction<IUpdater> updater) {
            this.updater = updater;
            return this;
        }

        /**
         * @param learningRates the grid the suggestions are compared with; default half-decades 1e-5 ... 10
         * @return this builder
         */
        public Builder grid(double... learningRates) {
            this.grid = learningRates;
            return this;
        }

        /**
         * @param seeds seeds per learning rate, {@code >= 1}; default 3
         * @return this builder
         */
        public Builder seeds(int seeds) {
            this.seeds = seeds;
            return this;
        }

        /**
         * @param finder the finder whose suggestions are audited; default one with trials after every sweep
         *               ({@code confirm(ConfirmMode.ALWAYS)}), so that every curve's trials are scored
         * @return this builder
         */
        public Builder finder(LearningRateFinder finder) {
            this.finder = finder;
            return this;
        }

        /** @return the audit; run it with {@link FinderAudit#run()} */
        public FinderAudit build() {
            return new FinderAudit(this);
        }
    }
}
