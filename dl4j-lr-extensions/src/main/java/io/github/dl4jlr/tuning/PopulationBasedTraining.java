package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Population based training (Jaderberg et al., 2017) for DL4J networks, on this JVM or, through a
 * {@link MemberTrainer}, on a cluster.
 *
 * <pre>{@code
 *   PbtResult r = PopulationBasedTraining.builder()
 *           .populationSize(8)
 *           .network(conf)                                      // a MultiLayer- or ComputationGraphConfiguration
 *           .searchSpace(SearchSpace.learningRate(1e-5, 1e-1).build())
 *           .trainData(TrainingData.of(() -> trainIterator()))  // serializable: it runs where the member trains
 *           .evaluator(m -> accuracy(m, validation()))            // serializable too
 *           .readyEvery(1, ScheduleType.EPOCH).rounds(10).seed(42)
 *           .build().run();
 * }</pre>
 *
 * <p>Each round every member trains {@code readyEvery} epochs (or iterations) as a {@link MemberTask} and is scored.
 * A task is data that travels (hyperparameters, parameters and updater state as bytes, counters), and
 * {@link MemberWork#run} rebuilds the member from the configuration JSON wherever it runs, so the default
 * {@link LocalMemberTrainer} and a distributed trainer give the same history. Every member starts from the
 * configuration's own initial weights, or with {@code network(net)} from that network's weights. Between rounds, on
 * the driver, the weak members <b>exploit</b> a strictly
 * better donor (copy its parameters, updater state and counters) and <b>explore</b> (perturb or resample the donor's
 * hyperparameters, clamped to the bounds); the new hyperparameters are applied after the copied state is loaded, so
 * the explored learning rate is the one the next step uses.
 *
 * <p>Deterministic: decisions use one RNG per round derived from the seed, and members never share state while
 * training, so two runs give the same history whatever the trainer (as far as DL4J's own training is deterministic).
 * With a checkpoint directory the population is saved after each round and committed atomically (see
 * {@link PbtCheckpoint}), and {@link #run()} resumes from the last committed round.
 */
public final class PopulationBasedTraining {

    private static final Logger log = LoggerFactory.getLogger(PopulationBasedTraining.class);

    private final int populationSize;
    private final MemberSpec spec;
    private final NetworkStart network;
    private final SearchSpace space;
    private final List<Map<String, Double>> initial;
    private final int rounds;
    private final Exploit exploit;
    private final Explore explore;
    private final double resampleProbability;
    private final int parallelism;
    private final long seed;
    private final Path checkpointDir;
    private final PbtCheckpoint.Io checkpointIo;
    private final RoundListener afterRound;
    private final MemberTrainer trainer;

    /** Called after each round with the round's best record and that member's trained network. */
    @FunctionalInterface
    public interface RoundListener {
        /**
         * @param round     the round that finished, from 0
         * @param best      the best member's record of that round
         * @param bestModel that member's network
         */
        void roundFinished(int round, PbtRecord best, Model bestModel);
    }

    private PopulationBasedTraining(Builder b) {
        this.populationSize = Args.atLeast("populationSize", b.populationSize, 2);
        Args.check(b.network != null, "a network (network(conf), or network(net) to start from its weights)",
                "none");
        this.network = b.network;
        this.space = Args.notNull("searchSpace", b.space);
        // MemberSpec checks the data, the evaluator and the round length.
        this.spec = new MemberSpec(network.json(), network.graph(), b.trainData, b.evaluator, b.listeners, b.readyEvery,
                b.readyUnit, 0);
        this.rounds = Args.positive("rounds", b.rounds);
        this.exploit = Args.notNull("exploit", b.exploit);
        this.explore = Args.notNull("explore", b.explore);
        Args.check(b.resampleProbability >= 0 && b.resampleProbability <= 1, "resampleProbability in [0, 1]",
                b.resampleProbability);
        this.resampleProbability = b.resampleProbability;
        this.parallelism = Args.positive("parallelism", b.parallelism);
        this.seed = b.seed;
        this.checkpointDir = b.checkpointDir;
        this.checkpointIo = b.checkpointIo;
        this.afterRound = b.afterRound;
        this.trainer = b.trainer;
        Args.check(b.initial.size() <= b.populationSize, "at most populationSize initial hyperparameter sets",
                b.initial.size());
        List<Map<String, Double>> init = new ArrayList<>();
        for (Map<String, Double> m : b.initial) {
            init.add(space.validate(m));
        }
        this.initial = init;
    }

    /** @return a builder; network, search space, training data, evaluator and rounds are required */
    public static Builder builder() {
        return new Builder();
    }

    /** What every member task shares (the network JSON, data, evaluator, round length). */
    MemberSpec spec() {
        return spec;
    }

    /** A member between rounds: hyperparameters for the next round, its state as bytes, and whose weights it holds. */
    private static final class Member {
        Map<String, Double> hyperparameters;
        byte[] params;
        byte[] updaterState;
        int iteration;
        int epoch;
        int parent;

        MemberTask task(int member, int round) {
            return new MemberTask(member, round, hyperparameters, params, updaterState, iteration, epoch);
        }
    }

    /**
     * Runs all rounds (or the remaining ones, when a checkpoint exists) and returns the result.
     *
     * @return the best member, its lineage's learning-rate schedule and every round's records
     */
    public PbtResult run() {
        List<PbtRecord> history = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        PbtCheckpoint checkpoint = checkpointDir == null ? null : new PbtCheckpoint(checkpointDir, checkpointIo);
        Optional<PbtCheckpoint.Saved> saved = checkpoint == null ? Optional.empty() : checkpoint.load();
        int firstRound = saved.isPresent() ? resume(saved.get(), members, history) : start(members);
        MemberTrainer used = trainer != null ? trainer : new LocalMemberTrainer(parallelism);
        try {
            for (int round = firstRound; round < rounds; round++) {
                List<MemberTask> tasks = new ArrayList<>();
                for (int m = 0; m < populationSize; m++) {
                    tasks.add(members.get(m).task(m, round));
                }
                List<MemberOutcome> outcomes = used.train(spec, tasks);
                double[] scores = new double[populationSize];
                for (int m = 0; m < populationSize; m++) {
                    MemberOutcome o = outcomes.get(m);
                    Args.check(o.member() == m && o.round() == round, "the outcome of member " + m + " in round " + round,
                            "member " + o.member() + " round " + o.round());
                    Member mem = members.get(m);
                    scores[m] = o.score();
                    history.add(new PbtRecord(m, round, o.score(), mem.hyperparameters, mem.parent));
                    mem.params = o.params();
                    mem.updaterState = o.updaterState();
                    mem.iteration = o.iteration();
                    mem.epoch = o.epoch();
                    mem.parent = m;
                }
                int best = PbtRules.ranking(scores).get(0);
                log.info(String.format(Locale.ROOT, "PBT round %d/%d: best member %d score %.4f, scores %s", round + 1,
                        rounds, best, scores[best], format(scores)));
                if (afterRound != null) {
                    afterRound.roundFinished(round, history.get(round * populationSize + best), model(members.get(best)));
                }
                // Checkpoint before exploiting: a resume redoes the (seeded, so identical) exploit step.
                if (checkpoint != null) {
                    checkpoint.save(state(round + 1, members, history), bytes(members, true), bytes(members, false));
                }
                if (round < rounds - 1) {
                    exploitAndExplore(round, scores, members);
                }
            }
        } finally {
            if (trainer == null) {
                used.close();
            }
        }
        double[] last = new double[populationSize];
        for (int m = 0; m < populationSize; m++) {
            last[m] = history.get((rounds - 1) * populationSize + m).score();
        }
        int best = PbtRules.ranking(last).get(0);
        PbtResult result = new PbtResult(model(members.get(best)), best, history, populationSize, rounds,
                spec.readyEvery(), spec.readyUnit());
        log.info("PBT finished: {}", result);
        return result;
    }

    private Model model(Member m) {
        return MemberWork.materialize(spec, m.hyperparameters, m.params, m.updaterState, m.iteration, m.epoch);
    }

    private int start(List<Member> members) {
        Random rng = new Random(seed);
        MemberState first = network.initial(spec);
        for (int m = 0; m < populationSize; m++) {
            Member mem = new Member();
            Map<String, Double> sampled = space.sample(rng);
            mem.hyperparameters = m < initial.size() ? initial.get(m) : sampled;
            mem.params = first.params();
            mem.updaterState = first.updaterState();
            mem.iteration = first.iteration();
            mem.epoch = first.epoch();
            mem.parent = m;
            members.add(mem);
        }
        return 0;
    }

    private void exploitAndExplore(int round, double[] scores, List<Member> members) {
        Random rng = new Random(seed * 1_000_003L + round + 1);
        int[] donors = PbtRules.exploit(scores, exploit, rng);
        List<Member> before = new ArrayList<>();
        for (Member m : members) {
            Member copy = new Member();
            copy.hyperparameters = m.hyperparameters;
            copy.params = m.params;
            copy.updaterState = m.updaterState;
            copy.iteration = m.iteration;
            copy.epoch = m.epoch;
            before.add(copy);
        }
        for (int m = 0; m < populationSize; m++) {
            int d = donors[m];
            if (d < 0) {
                continue;
            }
            Member donor = before.get(d);
            Member mem = members.get(m);
            mem.params = donor.params;                          // byte arrays are never modified: sharing is safe
            mem.updaterState = donor.updaterState;
            mem.iteration = donor.iteration;
            mem.epoch = donor.epoch;
            mem.parent = d;
            mem.hyperparameters = PbtRules.explore(donor.hyperparameters, space, explore, resampleProbability, rng);
            log.info(String.format(Locale.ROOT, "PBT exploit after round %d: member %d (%.4f) copies member %d (%.4f), "
                    + "explores %s", round + 1, m, scores[m], d, scores[d], mem.hyperparameters));
        }
    }

    private PbtCheckpoint.State state(int nextRound, List<Member> members, List<PbtRecord> history) {
        List<PbtCheckpoint.MemberState> ms = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            Member mem = members.get(m);
            ms.add(new PbtCheckpoint.MemberState(m, mem.hyperparameters, mem.parent, mem.iteration, mem.epoch,
                    mem.updaterState != null));
        }
        return new PbtCheckpoint.State(PbtCheckpoint.FORMAT, seed, populationSize, nextRound, ms, history, List.of());
    }

    private static List<byte[]> bytes(List<Member> members, boolean params) {
        List<byte[]> out = new ArrayList<>();
        members.forEach(m -> out.add(params ? m.params : m.updaterState));
        return out;
    }

    private int resume(PbtCheckpoint.Saved saved, List<Member> members, List<PbtRecord> history) {
        PbtCheckpoint.State state = saved.state();
        if (state.populationSize() != populationSize || state.seed() != seed) {
            throw new IllegalArgumentException("Expected a checkpoint with populationSize " + populationSize + " and seed "
                    + seed + " in " + checkpointDir + ", but it has populationSize " + state.populationSize() + " and seed "
                    + state.seed() + "; use another folder or the same settings");
        }
        history.addAll(state.history());
        for (PbtCheckpoint.MemberState ms : state.members()) {
            Member mem = new Member();
            mem.hyperparameters = space.validate(ms.hyperparameters());
            mem.parent = ms.parent();
            mem.iteration = ms.iteration();
            mem.epoch = ms.epoch();
            mem.params = saved.params().get(ms.member());
            mem.updaterState = saved.updaterStates().get(ms.member());
            members.add(mem);
        }
        int next = state.nextRound();
        if (next < rounds) {
            double[] scores = new double[populationSize];
            for (int m = 0; m < populationSize; m++) {
                scores[m] = history.get((next - 1) * populationSize + m).score();
            }
            exploitAndExplore(next - 1, scores, members);
        }
        log.info("PBT resumed from {} at round {}/{}", checkpointDir, next + 1, rounds);
        return next;
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v[i]));
        }
        return b.append(']').toString();
    }

    /** Settings; defaults: 8 members, truncation, perturb, resample probability 0.25, the local trainer, seed 0. */
    public static final class Builder {
        private int populationSize = 8;
        private NetworkStart network;
        private SearchSpace space;
        private TrainingData trainData;
        private Evaluator evaluator;
        private MemberListeners listeners;
        private int readyEvery = 1;
        private ScheduleType readyUnit = ScheduleType.EPOCH;
        private int rounds = 10;
        private Exploit exploit = Exploit.TRUNCATION;
        private Explore explore = Explore.PERTURB;
        private double resampleProbability = 0.25;
        private int parallelism = 1;
        private long seed;
        private Path checkpointDir;
        private PbtCheckpoint.Io checkpointIo = PbtCheckpoint.Io.FILES;
        private RoundListener afterRound;
        private MemberTrainer trainer;
        private final List<Map<String, Double>> initial = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param n members, {@code >= 2}; default 8
         * @return this builder
         */
        public Builder populationSize(int n) {
            this.populationSize = n;
            return this;
        }

        /**
         * The members' network, as a configuration (it travels as JSON). Each member is built from it and initialised
         * with its weights; the hyperparameters of {@link SearchSpace} are applied on top.
         *
         * @param conf the network's configuration; every member starts from its initial weights
         * @return this builder
         */
        public Builder network(MultiLayerConfiguration conf) {
            this.network = NetworkStart.of(conf);
            return this;
        }

        /**
         * As {@link #network(MultiLayerConfiguration)}, for a ComputationGraph.
         *
         * @param conf the graph's configuration; every member starts from its initial weights
         * @return this builder
         */
        public Builder network(ComputationGraphConfiguration conf) {
            this.network = NetworkStart.of(conf);
            return this;
        }

        /**
         * Every member starts from this network's weights, as the search's candidates do
         * ({@link LearningRateSearch.Builder#network(MultiLayerNetwork)}).
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
         * The configuration of an initialised network (its weights are not used): handy when a factory already
         * builds the model.
         *
         * @param template an initialised network whose configuration the members use
         * @return this builder
         */
        public Builder networkLike(Model template) {
            this.network = NetworkStart.configurationOf(template);
            return this;
        }

        /**
         * @param space the hyperparameters to explore and their bounds
         * @return this builder
         */
        public Builder searchSpace(SearchSpace space) {
            this.space = space;
            return this;
        }

        /**
         * Where members get their training data, on the JVM that trains them.
         *
         * @param data where a member's minibatches come from, on the JVM that trains it
         * @return this builder
         */
        public Builder trainData(TrainingData data) {
            this.trainData = data;
            return this;
        }

        /**
         * Higher is better; runs where the member trained.
         *
         * @param evaluator scores a member after its round, higher is better
         * @return this builder
         */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /**
         * Listeners created for each member's round on the JVM that trains it.
         *
         * @param listeners creates each member's listeners for a round, where it trains
         * @return this builder
         */
        public Builder listeners(MemberListeners listeners) {
            this.listeners = listeners;
            return this;
        }

        /**
         * Members are ready (scored, exploited) every {@code n} epochs or iterations.
         *
         * @param n the round length, {@code >= 1}
         * @param unit {@code EPOCH} or {@code ITERATION}
         * @return this builder
         */
        public Builder readyEvery(int n, ScheduleType unit) {
            this.readyEvery = n;
            this.readyUnit = unit;
            return this;
        }

        /**
         * The budget: number of rounds; each member trains {@code rounds * readyEvery} epochs or iterations.
         *
         * @param rounds rounds to train, {@code >= 1}
         * @return this builder
         */
        public Builder rounds(int rounds) {
            this.rounds = rounds;
            return this;
        }

        /**
         * @param strategy how weak members pick a donor; default {@link Exploit#TRUNCATION}
         * @return this builder
         */
        public Builder exploit(Exploit strategy) {
            this.exploit = strategy;
            return this;
        }

        /**
         * @param strategy            how a copied member's hyperparameters change; default {@link Explore#PERTURB}
         * @param resampleProbability with {@link Explore#RESAMPLE}, the chance to draw from the prior; in [0, 1]
         * @return this builder
         */
        public Builder explore(Explore strategy, double resampleProbability) {
            this.explore = strategy;
            this.resampleProbability = resampleProbability;
            return this;
        }

        /**
         * Worker threads of the default local trainer (default 1); ignored with {@link #trainer}.
         *
         * @param threads members trained at once by the default local trainer, {@code >= 1}; default 1
         * @return this builder
         */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        /**
         * Who trains the members: by default a {@link LocalMemberTrainer} with {@link #parallelism} threads, e.g.
         * {@code new SparkMemberTrainer(sparkContext)} to run each member as a Spark task. A trainer passed here is
         * not closed by PBT.
         *
         * @param trainer who trains the members, e.g. a {@code SparkMemberTrainer}
         * @return this builder
         */
        public Builder trainer(MemberTrainer trainer) {
            this.trainer = trainer;
            return this;
        }

        /**
         * @param seed seeds sampling, exploit and explore; the same seed gives the same history with any trainer
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Save the population after each round here, and resume from it when {@link #build()}'s run starts.
         *
         * @param dir a folder for one committed generation per round; a run resumes from it
         * @return this builder
         */
        public Builder checkpointDir(Path dir) {
            this.checkpointDir = dir;
            return this;
        }

        /** The file operations of checkpoints; tests replace them to crash in the middle of a save. */
        Builder checkpointIo(PbtCheckpoint.Io io) {
            this.checkpointIo = io;
            return this;
        }

        /**
         * A callback after each round (before the checkpoint is written), e.g. to evaluate the best member.
         *
         * @param listener called on this JVM after every round
         * @return this builder
         */
        public Builder afterRound(RoundListener listener) {
            this.afterRound = listener;
            return this;
        }

        /**
         * Fixes the starting hyperparameters of the first members (the rest are sampled).
         *
         * @param sets hyperparameters of the first members; the others are drawn from the search space
         * @return this builder
         */
        public Builder initialHyperparameters(List<Map<String, Double>> sets) {
            this.initial.clear();
            this.initial.addAll(sets);
            return this;
        }

        /** @return the run, validated; start it with {@link PopulationBasedTraining#run()} */
        public PopulationBasedTraining build() {
            return new PopulationBasedTraining(this);
        }
    }
}
