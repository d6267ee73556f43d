package io.github.dl4jlr.tuning;

import io.github.dl4jlr.finder.LrFinderResult;
import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The learning rate that is best for <em>your</em> training, at a stated price: successive halving (Li et al.,
 * 2018-2020) over a bracket of rates, each candidate training with your own configuration, schedule, updater and epochs
 * for a growing part of the budget and judged on held-out data; the better part goes on, and the best of the
 * finalists after the whole budget wins (see {@link SearchPlan}).
 *
 * <pre>{@code
 *   LrFinderResult sweep = LearningRateFinder.builder().build().find(net, train);
 *   SearchResult r = LearningRateSearch.builder()
 *           .network(conf)                                  // your configuration, schedule included
 *           .trainData(TrainingData.of(() -> trainIterator()))
 *           .evaluator(m -> accuracy(m, validation()))       // held-out, higher is better
 *           .epochs(10)                                     // your budget
 *           .bracket(sweep)                                 // half-decades below where the sweep diverged
 *           .build().run();                                 // logs "about 3.0 trainings of your budget" first
 *   double peak = r.bestRate();
 * }</pre>
 *
 * <p><b>Your schedule stays yours.</b> A candidate is a multiple of the configured learning rate (fixed or a schedule,
 * which keeps its shape); its <em>rate</em> is the peak the configured rate reaches over the budget times that multiple.
 * A rung trains each remaining candidate for its share of the budget, continuing exactly where the candidate's
 * previous rung stopped (the schedule sees the same iteration and epoch counters as in one uninterrupted run), so
 * every finalist, the winner included, has trained its whole budget.
 *
 * <p><b>From a trained network</b>: {@code network(net)} instead of {@code network(conf)} starts every candidate
 * from that network as it is (fine-tuning a pretrained network, frozen layers included, or continuing a trained one):
 * its weights, its updater state and its counters, so each candidate goes on as {@code net.fit(...)} would at its own
 * rate.
 *
 * <p><b>Where it runs</b>: candidates are {@link MemberTask}s for a {@link MemberTrainer}, as PBT's members are:
 * threads here ({@link LocalMemberTrainer}, the default, one thread) or a Spark cluster ({@code SparkMemberTrainer}),
 * with the same result. With a checkpoint folder every rung is committed atomically and {@link #run()} resumes from the
 * last committed rung after a kill.
 *
 * <p><b>Cost</b> (logged before it starts, {@link #plan()}): 8 candidates halving over 4 rungs to 2 finalists cost 3
 * trainings of the budget, 16 over 5 rungs 3.5, 9 with reduction 3 over 3 rungs 3; with 1 finalist (classic successive
 * halving) 2.5, 3 and about 2.3.
 */
public final class LearningRateSearch {

    private static final Logger log = LoggerFactory.getLogger(LearningRateSearch.class);

    private final NetworkStart network;
    private final TrainingData trainData;
    private final Evaluator evaluator;
    private final MemberListeners listeners;
    private final int epochs;
    private final int iterationsPerEpoch;
    private final double peak;
    private final SearchPlan plan;
    private final String bracketSource;
    private final MemberTrainer trainer;
    private final Path checkpointDir;

    private LearningRateSearch(Builder b) {
        Args.check(b.network != null, "a network (network(conf), or network(net) to start from its weights)",
                "none");
        this.network = b.network;
        this.trainData = Args.notNull("trainData", b.trainData);
        this.evaluator = Args.notNull("evaluator", b.evaluator);
        this.listeners = b.listeners;
        this.epochs = Args.positive("epochs", b.epochs);
        this.iterationsPerEpoch = b.iterationsPerEpoch > 0 ? b.iterationsPerEpoch : countMinibatches(trainData);
        this.peak = peakRate(network.json(), network.graph(), network.startIteration(), network.startEpoch(), epochs,
                iterationsPerEpoch);
        double low;
        double high;
        if (b.finderResult != null) {
            double[] lrs = b.finderResult.learningRates();
            Args.check(lrs.length > 0, "a range test that ran", "an empty one");
            double top = b.finderResult.divergedAt().orElse(lrs[lrs.length - 1]);
            high = top / Math.sqrt(10);
            low = high / Math.pow(10, (b.candidates - 1) / 2.0);
            this.bracketSource = String.format(Locale.ROOT, "half-decades below %.1e, where the range test %s", top,
                    b.finderResult.divergedAt().isPresent() ? "diverged" : "ended");
        } else {
            Args.check(b.low > 0, "a bracket (bracket(low, high) or bracket(rangeTest))", "none");
            low = b.low;
            high = b.high;
            this.bracketSource = "the given bracket";
        }
        int finalists = b.finalists > 0 ? b.finalists : Math.max(1, Math.min(2, b.candidates / Math.max(2, b.reduction)));
        this.plan = SearchPlan.of(low, high, b.candidates, b.reduction, finalists, epochs * iterationsPerEpoch);
        this.trainer = b.trainer;
        this.checkpointDir = b.checkpointDir;
    }

    /**
     * A builder; see {@link Builder} for the defaults.
     *
     * @return a builder; see {@link Builder} for the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What the search will do and cost, before it runs.
     *
     * @return e.g. "8 candidates 1.3e-04 ... 1.3e-01 (...), halving over 4 rungs ending at 12%, 25%, 50% and 100% of
     *         10 epochs, 2 finalists: about 3.0 trainings of your budget"
     */
    public String plan() {
        int[] ends = plan.rungEnds();
        StringBuilder parts = new StringBuilder();
        for (int k = 0; k < ends.length; k++) {
            parts.append(k == 0 ? "" : k == ends.length - 1 ? " and " : ", ")
                    .append(Math.round(100.0 * ends[k] / ends[ends.length - 1])).append('%');
        }
        double[] rates = plan.rates();
        return String.format(Locale.ROOT, "%d candidates %.1e ... %.1e (%s)%s, %s over %d rungs ending at %s of %d "
                        + "epoch%s, %s: about %.2g trainings of your budget", rates.length, rates[0],
                rates[rates.length - 1], bracketSource,
                network.fromNetwork() ? ", each going on from your network as it is" : "",
                plan.reduction() == 2 ? "halving" : "keeping 1/" + plan.reduction(),
                plan.rungs(), parts, epochs, epochs == 1 ? "" : "s",
                plan.finalists() == 1 ? "1 finalist" : plan.finalists() + " finalists", plan.cost());
    }

    /** @return the search's cost in trainings of the budget */
    public double cost() {
        return plan.cost();
    }

    /** @return the candidates' rates, ascending */
    public double[] rates() {
        return plan.rates();
    }

    /**
     * Runs (or resumes) the search.
     *
     * @return the winner, its network trained for the whole budget, and every rung's scores
     * @throws MemberFailedException when a candidate's training throws
     */
    public SearchResult run() {
        log.info("LR search: {}", plan());
        double[] rates = plan.rates();
        MemberState[] states = new MemberState[rates.length];
        List<PbtRecord> history = new ArrayList<>();
        List<Integer> alive = new ArrayList<>();
        PbtCheckpoint checkpoint = checkpointDir == null ? null : new PbtCheckpoint(checkpointDir, PbtCheckpoint.Io.FILES);
        Optional<PbtCheckpoint.Saved> saved = checkpoint == null ? Optional.empty() : checkpoint.load();
        int firstRung = saved.isPresent() ? resume(saved.get(), states, history, alive) : start(states, alive);
        MemberTrainer used = trainer != null ? trainer : new LocalMemberTrainer(1);
        try {
            for (int k = firstRung; k < plan.rungs(); k++) {
                MemberSpec spec = spec(plan.length(k));
                List<MemberTask> tasks = new ArrayList<>();
                for (int i : alive) {
                    tasks.add(states[i].task(i, k, hyperparameters(rates[i])));
                }
                List<MemberOutcome> outcomes = used.train(spec, tasks);
                double[] scores = new double[alive.size()];
                for (int j = 0; j < alive.size(); j++) {
                    int i = alive.get(j);
                    MemberOutcome o = outcomes.get(j);
                    Args.check(o.member() == i && o.round() == k, "the outcome of candidate " + i + " in rung " + k,
                            "candidate " + o.member() + " rung " + o.round());
                    states[i] = MemberState.of(o);
                    scores[j] = o.score();
                    history.add(new PbtRecord(i, k, o.score(), hyperparameters(rates[i]), i));
                }
                log.info(rungLine(k, alive, scores, rates));
                alive = plan.promote(k, alive, scores);
                if (checkpoint != null) {
                    checkpoint.save(checkpointState(k + 1, alive, states, history), bytes(alive, states, true),
                            bytes(alive, states, false));
                }
            }
        } finally {
            if (trainer == null) {
                used.close();
            }
        }
        int best = alive.get(0);
        MemberState s = states[best];
        double bestScore = history.stream().filter(h -> h.member() == best && h.round() == plan.rungs() - 1)
                .mapToDouble(PbtRecord::score).findFirst().orElseThrow();
        SearchResult result = new SearchResult(rates[best], rates[best] / peak, bestScore, peak, history, plan.rates(),
                plan.rungEnds(), plan.cost(), MemberWork.materialize(spec(), hyperparameters(rates[best]), s.params(),
                s.updaterState(), s.iteration(), s.epoch()));
        log.info("LR search finished: {}", result.summary());
        return result;
    }

    private MemberSpec spec() {
        return spec(1);
    }

    /** The spec of a rung whose candidates train {@code length} iterations. */
    private MemberSpec spec(int length) {
        return new MemberSpec(network.json(), network.graph(), trainData, evaluator, listeners, length,
                ScheduleType.ITERATION, iterationsPerEpoch);
    }

    private Map<String, Double> hyperparameters(double rate) {
        return Map.of(SearchSpace.LEARNING_RATE_SCALE, rate / peak);
    }

    private int start(MemberState[] states, List<Integer> alive) {
        MemberState initial = network.initial(spec());
        Arrays.fill(states, initial);
        for (int i = 0; i < states.length; i++) {
            alive.add(i);
        }
        return 0;
    }

    private String rungLine(int k, List<Integer> alive, double[] scores, double[] rates) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "LR search rung %d/%d (%d of %d iterations):",
                k + 1, plan.rungs(), plan.rungEnds()[k], plan.rungEnds()[plan.rungs() - 1]));
        for (int j = 0; j < alive.size(); j++) {
            b.append(String.format(Locale.ROOT, " %.1e=%.4f", rates[alive.get(j)], scores[j]));
        }
        return b.toString();
    }

    /** A fingerprint of the plan, so a checkpoint is resumed only by the same search. */
    private long fingerprint() {
        return 31L * Arrays.hashCode(plan.rates()) + Arrays.hashCode(plan.rungEnds()) + network.fingerprint();
    }

    private PbtCheckpoint.State checkpointState(int nextRung, List<Integer> alive, MemberState[] states,
                                                List<PbtRecord> history) {
        List<PbtCheckpoint.MemberState> ms = new ArrayList<>();
        for (int i : alive) {
            MemberState s = states[i];
            ms.add(new PbtCheckpoint.MemberState(i, hyperparameters(plan.rates()[i]), i, s.iteration(), s.epoch(),
                    s.updaterState() != null));
        }
        return new PbtCheckpoint.State(PbtCheckpoint.FORMAT, fingerprint(), plan.rates().length, nextRung, ms, history,
                List.of());
    }

    private static List<byte[]> bytes(List<Integer> alive, MemberState[] states, boolean params) {
        List<byte[]> out = new ArrayList<>();
        for (int i : alive) {
            out.add(params ? states[i].params() : states[i].updaterState());
        }
        return out;
    }

    private int resume(PbtCheckpoint.Saved saved, MemberState[] states, List<PbtRecord> history, List<Integer> alive) {
        PbtCheckpoint.State state = saved.state();
        if (state.seed() != fingerprint() || state.populationSize() != plan.rates().length) {
            throw new IllegalArgumentException("Expected a checkpoint of this search in " + checkpointDir + ", but it "
                    + "holds another one (other candidates, budget or network); use another folder");
        }
        history.addAll(state.history());
        for (int j = 0; j < state.members().size(); j++) {
            PbtCheckpoint.MemberState m = state.members().get(j);
            states[m.member()] = new MemberState(saved.params().get(j), saved.updaterStates().get(j), m.iteration(),
                    m.epoch());
            alive.add(m.member());
        }
        log.info("LR search resumed from {} at rung {}/{}", checkpointDir, state.nextRound() + 1, plan.rungs());
        return state.nextRound();
    }

    /** Minibatches in one pass over the data, counted on a fresh iterator. */
    private static int countMinibatches(TrainingData data) {
        DataSetIterator it = data.iterator(0, 0);
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        Args.check(n > 0, "training data with at least one minibatch", n);
        return n;
    }

    /** The largest rate the configured rate (fixed or scheduled) reaches over the budget. */
    static double peakRate(String json, boolean graph, int startIteration, int startEpoch, int epochs, int perEpoch) {
        NetworkAdapter net = NetworkAdapter.fromConfiguration(json, graph);
        List<IUpdater> updaters = net.updatersWithLearningRate("the learning-rate search");
        LearningRateConfig lr = LearningRateConfig.read(updaters.get(0));
        double peak = 0;
        for (int t = 0; t < epochs * perEpoch; t++) {
            peak = Math.max(peak, lr.valueAt(startIteration + t, startEpoch + t / perEpoch));
            if (lr.schedule() == null) {
                break;
            }
        }
        Args.check(peak > 0 && Double.isFinite(peak), "a configured learning rate > 0 to scale", peak);
        return peak;
    }

    /** Settings; defaults: 8 candidates, halving (reduction 2) down to 2 finalists, the local trainer, no checkpoint. */
    public static final class Builder {
        private NetworkStart network;
        private TrainingData trainData;
        private Evaluator evaluator;
        private MemberListeners listeners;
        private int epochs;
        private int iterationsPerEpoch;
        private double low;
        private double high;
        private LrFinderResult finderResult;
        private int candidates = 8;
        private int reduction = 2;
        private int finalists;
        private MemberTrainer trainer;
        private Path checkpointDir;

        private Builder() {
        }

        /**
         * @param conf your network's configuration: its updater, rate or schedule are what candidates train with
         * @return this builder
         */
        public Builder network(MultiLayerConfiguration conf) {
            this.network = NetworkStart.of(conf);
            return this;
        }

        /**
         * @param conf your graph's configuration
         * @return this builder
         */
        public Builder network(ComputationGraphConfiguration conf) {
            this.network = NetworkStart.of(conf);
            return this;
        }

        /**
         * Every candidate starts from this network's weights: a pretrained network with a new head, a network rebuilt
         * by {@code TransferLearning} with frozen layers, or one trained for a while. Its configuration (updater,
         * rate or schedule, frozen layers) is what candidates train with, and its parameters are copied now; the
         * network itself is not changed. Each candidate goes on as {@code net.fit(...)} would, at its own rate: with
         * the network's updater state (momentum, Adam's moments) and its iteration and epoch counters, so Adam's bias
         * correction and a schedule carry on where the network left them (a candidate's rate is then the peak the
         * schedule reaches over the budget from there). A network {@code TransferLearning} just built has counters at
         * 0 and an empty updater state, so its candidates start as a new phase of training.
         *
         * @param net your network, initialized
         * @return this builder
         */
        public Builder network(MultiLayerNetwork net) {
            this.network = NetworkStart.stateOf(net);
            return this;
        }

        /**
         * {@link #network(MultiLayerNetwork)} for a graph.
         *
         * @param net your graph, initialized
         * @return this builder
         */
        public Builder network(ComputationGraph net) {
            this.network = NetworkStart.stateOf(net);
            return this;
        }

        /**
         * @param data the training data, serializable: it is read where each candidate trains
         * @return this builder
         */
        public Builder trainData(TrainingData data) {
            this.trainData = data;
            return this;
        }

        /**
         * @param evaluator the held-out score, higher is better (accuracy, or minus the loss)
         * @return this builder
         */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /**
         * @param listeners listeners created for each candidate's rung on the worker (e.g. {@code LearningRateFree})
         * @return this builder
         */
        public Builder listeners(MemberListeners listeners) {
            this.listeners = listeners;
            return this;
        }

        /**
         * @param epochs the training budget, in epochs of the training data, {@code >= 1}
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * @param n minibatches per epoch; 0 (default) counts them once on a fresh iterator
         * @return this builder
         */
        public Builder iterationsPerEpoch(int n) {
            this.iterationsPerEpoch = Args.nonNegative("iterationsPerEpoch", n);
            return this;
        }

        /**
         * @param low  the smallest peak rate, {@code > 0}
         * @param high the largest, {@code > low}
         * @return this builder
         */
        public Builder bracket(double low, double high) {
            this.low = Args.positive("bracket low", low);
            this.high = high;
            this.finderResult = null;
            return this;
        }

        /**
         * @param rangeTest a range test of the network: the candidates are half-decades below {@code top / 3.16},
         *                  where {@code top} is the rate at which it diverged (or its last rate)
         * @return this builder
         */
        public Builder bracket(LrFinderResult rangeTest) {
            this.finderResult = Args.notNull("rangeTest", rangeTest);
            return this;
        }

        /**
         * @param n candidates, a power of the reduction (default 8)
         * @return this builder
         */
        public Builder candidates(int n) {
            this.candidates = n;
            return this;
        }

        /**
         * @param eta how many candidates of a rung make one of the next, {@code >= 2} (default 2: the better half)
         * @return this builder
         */
        public Builder reduction(int eta) {
            this.reduction = eta;
            return this;
        }

        /**
         * @param n how many candidates train the whole budget, from 1 to {@code candidates / reduction} (default 2, or 1
         *          where {@code candidates / reduction} is 1):
         *          the winner is the best of them after the whole budget. 1 is classic successive halving, 0.5
         *          trainings cheaper, whose winner was last judged at half the budget: a rate that leads there can
         *          still become unstable later, and nothing would see it
         * @return this builder
         */
        public Builder finalists(int n) {
            this.finalists = Args.positive("finalists", n);
            return this;
        }

        /**
         * @param trainer where candidates train (default: one local thread); not closed by the search
         * @return this builder
         */
        public Builder trainer(MemberTrainer trainer) {
            this.trainer = Args.notNull("trainer", trainer);
            return this;
        }

        /**
         * @param dir a folder to commit every rung to, and to resume from
         * @return this builder
         */
        public Builder checkpointDir(Path dir) {
            this.checkpointDir = Args.notNull("checkpointDir", dir);
            return this;
        }

        /**
         * @return the validated search (it counts the minibatches and reads the configured rate now)
         * @throws IllegalArgumentException naming the first bad or missing setting
         */
        public LearningRateSearch build() {
            return new LearningRateSearch(this);
        }
    }
}
