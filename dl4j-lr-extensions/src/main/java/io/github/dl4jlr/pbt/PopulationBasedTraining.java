package io.github.dl4jlr.pbt;

import io.github.dl4jlr.nn.NetworkAdapter;
import io.github.dl4jlr.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Population based training (Jaderberg et al., 2017) for DL4J networks.
 *
 * <pre>
 *   PbtResult r = PopulationBasedTraining.builder()
 *           .populationSize(8)
 *           .modelFactory(hp -&gt; buildNet(new Adam(hp.get("learningRate"))))
 *           .searchSpace(SearchSpace.learningRate(1e-5, 1e-1).build())
 *           .trainData(() -&gt; trainIterator)
 *           .evaluator(net -&gt; ((MultiLayerNetwork) net).evaluate(validation).accuracy())
 *           .readyEvery(1, ScheduleType.EPOCH).rounds(10).seed(42)
 *           .build().run();
 * </pre>
 *
 * <p>Each round every member trains {@code readyEvery} epochs (or iterations) as a {@link MemberTask} and is scored.
 * Between rounds the weak members <b>exploit</b> a donor (copy its parameters, updater state and counters) and
 * <b>explore</b> (perturb or resample the donor's hyperparameters, clamped to the bounds); the new hyperparameters
 * are applied after the copied state is loaded, so the explored learning rate is the one the next step uses.
 *
 * <p>Deterministic: decisions use one RNG per round derived from the seed, and with parallelism 1 the training
 * order is fixed, so two runs give the same history (as far as DL4J's own training is deterministic). With a
 * checkpoint directory the population is saved atomically after each round, and {@link #run()} resumes from it.
 */
public final class PopulationBasedTraining {

    private static final Logger log = LoggerFactory.getLogger(PopulationBasedTraining.class);
    private static final String STATE_FILE = "pbt-state.json";

    private final int populationSize;
    private final Function<Map<String, Double>, Model> factory;
    private final SearchSpace space;
    private final List<Map<String, Double>> initial;
    private final int readyEvery;
    private final ScheduleType readyUnit;
    private final int rounds;
    private final PbtPolicy.Exploit exploit;
    private final PbtPolicy.Explore explore;
    private final double resampleProbability;
    private final int parallelism;
    private final long seed;
    private final Path checkpointDir;
    private final RoundListener afterRound;
    private final LocalMemberTrainer trainer;

    /** Called after each round with the round's best record and that member's trained network. */
    @FunctionalInterface
    public interface RoundListener {
        void roundFinished(int round, PbtRecord best, Model bestModel);
    }

    private PopulationBasedTraining(Builder b) {
        this.populationSize = Args.atLeast("populationSize", b.populationSize, 2);
        this.factory = Args.notNull("modelFactory", b.factory);
        this.space = Args.notNull("searchSpace", b.space);
        Args.notNull("trainData", b.trainData);
        Args.notNull("evaluator", b.evaluator);
        this.readyEvery = Args.positive("readyEvery", b.readyEvery);
        this.readyUnit = Args.notNull("readyUnit", b.readyUnit);
        this.rounds = Args.positive("rounds", b.rounds);
        this.exploit = Args.notNull("exploit", b.exploit);
        this.explore = Args.notNull("explore", b.explore);
        Args.check(b.resampleProbability >= 0 && b.resampleProbability <= 1, "resampleProbability in [0, 1]",
                b.resampleProbability);
        this.resampleProbability = b.resampleProbability;
        this.parallelism = Args.positive("parallelism", b.parallelism);
        this.seed = b.seed;
        this.checkpointDir = b.checkpointDir;
        this.afterRound = b.afterRound;
        Args.check(b.initial.size() <= b.populationSize, "at most populationSize initial hyperparameter sets",
                b.initial.size());
        List<Map<String, Double>> init = new ArrayList<>();
        for (Map<String, Double> m : b.initial) {
            init.add(space.validate(m));
        }
        this.initial = init;
        this.trainer = new LocalMemberTrainer(factory, b.trainData, b.evaluator, readyEvery, readyUnit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A member between rounds: hyperparameters for the next round, its state, and whose weights it holds. */
    private static final class Member {
        Map<String, Double> hyperparameters;
        INDArray params;
        INDArray updaterState;
        int iteration;
        int epoch;
        int parent;
    }

    /** Runs all rounds (or the remaining ones, when a checkpoint exists) and returns the result. */
    public PbtResult run() {
        List<PbtRecord> history = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        int firstRound = checkpointDir != null && Files.exists(checkpointDir.resolve(STATE_FILE))
                ? resume(members, history) : start(members);
        ExecutorService pool = parallelism > 1 ? Executors.newFixedThreadPool(parallelism) : null;
        try {
            for (int round = firstRound; round < rounds; round++) {
                List<MemberOutcome> outcomes = trainRound(round, members, pool);
                double[] scores = new double[populationSize];
                for (int m = 0; m < populationSize; m++) {
                    MemberOutcome o = outcomes.get(m);
                    scores[m] = o.score();
                    history.add(new PbtRecord(m, round, o.score(), members.get(m).hyperparameters, members.get(m).parent));
                    Member mem = members.get(m);
                    mem.params = o.params();
                    mem.updaterState = o.updaterState();
                    mem.iteration = o.iteration();
                    mem.epoch = o.epoch();
                    mem.parent = m;
                }
                int best = PbtPolicy.ranking(scores).get(0);
                log.info(String.format(Locale.ROOT, "PBT round %d/%d: best member %d score %.4f, scores %s", round + 1,
                        rounds, best, max(scores), format(scores)));
                if (afterRound != null) {
                    afterRound.roundFinished(round, history.get(round * populationSize + best),
                            trainer.model(best, members.get(best).hyperparameters));
                }
                // Checkpoint before exploiting: resume() redoes the (seeded, so identical) exploit step.
                if (checkpointDir != null) {
                    save(round + 1, members, history);
                }
                if (round < rounds - 1) {
                    exploitAndExplore(round, scores, members);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        double[] last = new double[populationSize];
        for (int m = 0; m < populationSize; m++) {
            last[m] = history.get((rounds - 1) * populationSize + m).score();
        }
        int best = PbtPolicy.ranking(last).get(0);
        Model bestModel = trainer.model(best, history.get((rounds - 1) * populationSize + best).hyperparameters());
        PbtResult result = new PbtResult(bestModel, best, history, populationSize, rounds, readyEvery, readyUnit);
        log.info("PBT finished: {}", result);
        return result;
    }

    private int start(List<Member> members) {
        Random rng = new Random(seed);
        for (int m = 0; m < populationSize; m++) {
            Member mem = new Member();
            Map<String, Double> sampled = space.sample(rng);
            mem.hyperparameters = m < initial.size() ? initial.get(m) : sampled;
            NetworkAdapter net = NetworkAdapter.of(trainer.model(m, mem.hyperparameters));
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                mem.params = net.params().dup();
                INDArray state = net.updaterState();
                mem.updaterState = state == null ? null : state.dup();
            }
            mem.iteration = net.iterationCount();
            mem.epoch = net.epochCount();
            mem.parent = m;
            members.add(mem);
        }
        return 0;
    }

    private List<MemberOutcome> trainRound(int round, List<Member> members, ExecutorService pool) {
        List<MemberTask> tasks = new ArrayList<>();
        for (int m = 0; m < populationSize; m++) {
            Member mem = members.get(m);
            tasks.add(new MemberTask(m, round, mem.hyperparameters, mem.params, mem.updaterState, mem.iteration, mem.epoch));
        }
        List<MemberOutcome> outcomes = new ArrayList<>();
        if (pool == null) {
            for (MemberTask t : tasks) {
                outcomes.add(trainer.train(t));
            }
            return outcomes;
        }
        List<Future<MemberOutcome>> futures = new ArrayList<>();
        for (MemberTask t : tasks) {
            futures.add(pool.submit(() -> trainer.train(t)));
        }
        for (Future<MemberOutcome> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("PBT interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("A PBT member failed: " + e.getCause(), e.getCause());
            }
        }
        return outcomes;
    }

    private void exploitAndExplore(int round, double[] scores, List<Member> members) {
        Random rng = new Random(seed * 1_000_003L + round + 1);
        int[] donors = PbtPolicy.exploit(scores, exploit, rng);
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
            mem.params = donor.params.dup();
            mem.updaterState = donor.updaterState == null ? null : donor.updaterState.dup();
            mem.iteration = donor.iteration;
            mem.epoch = donor.epoch;
            mem.parent = d;
            mem.hyperparameters = PbtPolicy.explore(donor.hyperparameters, space, explore, resampleProbability, rng);
            log.info(String.format(Locale.ROOT, "PBT exploit after round %d: member %d (%.4f) copies member %d (%.4f), "
                    + "explores %s", round + 1, m, scores[m], d, scores[d], mem.hyperparameters));
        }
    }

    private void save(int nextRound, List<Member> members, List<PbtRecord> history) {
        try {
            Files.createDirectories(checkpointDir);
            for (int m = 0; m < populationSize; m++) {
                Member mem = members.get(m);
                Model model = trainer.model(m, mem.hyperparameters);
                NetworkAdapter net = NetworkAdapter.of(model);
                LocalMemberTrainer.load(net, mem.params, mem.updaterState, mem.iteration, mem.epoch);
                Path tmp = checkpointDir.resolve("member-" + m + ".zip.tmp");
                ModelSerializer.writeModel(model, tmp.toFile(), true);
                Files.move(tmp, checkpointDir.resolve("member-" + m + ".zip"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("nextRound", nextRound);
            state.put("seed", seed);
            state.put("populationSize", populationSize);
            List<Map<String, Object>> mems = new ArrayList<>();
            for (Member mem : members) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("hyperparameters", mem.hyperparameters);
                m.put("parent", mem.parent);
                mems.add(m);
            }
            state.put("members", mems);
            List<Map<String, Object>> hist = new ArrayList<>();
            for (PbtRecord r : history) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("member", r.member());
                h.put("round", r.round());
                h.put("score", r.score());
                h.put("hyperparameters", r.hyperparameters());
                h.put("parent", r.parent());
                hist.add(h);
            }
            state.put("history", hist);
            Path tmp = checkpointDir.resolve(STATE_FILE + ".tmp");
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(tmp, checkpointDir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the PBT population to " + checkpointDir, e);
        }
    }

    @SuppressWarnings("unchecked")
    private int resume(List<Member> members, List<PbtRecord> history) {
        try {
            Map<String, Object> state = new ObjectMapper().readValue(checkpointDir.resolve(STATE_FILE).toFile(), Map.class);
            Args.check(((Number) state.get("populationSize")).intValue() == populationSize,
                    "a checkpoint with populationSize " + populationSize, state.get("populationSize"));
            Args.check(((Number) state.get("seed")).longValue() == seed, "a checkpoint with seed " + seed, state.get("seed"));
            for (Map<String, Object> h : (List<Map<String, Object>>) state.get("history")) {
                history.add(new PbtRecord(((Number) h.get("member")).intValue(), ((Number) h.get("round")).intValue(),
                        ((Number) h.get("score")).doubleValue(), doubles((Map<String, Object>) h.get("hyperparameters")),
                        ((Number) h.get("parent")).intValue()));
            }
            List<Map<String, Object>> mems = (List<Map<String, Object>>) state.get("members");
            for (int m = 0; m < populationSize; m++) {
                Member mem = new Member();
                mem.hyperparameters = doubles((Map<String, Object>) mems.get(m).get("hyperparameters"));
                mem.parent = ((Number) mems.get(m).get("parent")).intValue();
                java.io.File zip = checkpointDir.resolve("member-" + m + ".zip").toFile();
                Model saved = trainer.model(m, mem.hyperparameters) instanceof ComputationGraph
                        ? ModelSerializer.restoreComputationGraph(zip, true)
                        : ModelSerializer.restoreMultiLayerNetwork(zip, true);
                NetworkAdapter net = NetworkAdapter.of(saved);
                mem.params = net.params().dup();
                INDArray s = net.updaterState();
                mem.updaterState = s == null ? null : s.dup();
                mem.iteration = net.iterationCount();
                mem.epoch = net.epochCount();
                LocalMemberTrainer.load(NetworkAdapter.of(trainer.model(m, mem.hyperparameters)), mem.params,
                        mem.updaterState, mem.iteration, mem.epoch);
                members.add(mem);
            }
            int next = ((Number) state.get("nextRound")).intValue();
            if (next < rounds) {
                double[] scores = new double[populationSize];
                for (int m = 0; m < populationSize; m++) {
                    scores[m] = history.get((next - 1) * populationSize + m).score();
                }
                exploitAndExplore(next - 1, scores, members);
            }
            log.info("PBT resumed from {} at round {}/{}", checkpointDir, next + 1, rounds);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PBT checkpoint in " + checkpointDir, e);
        }
    }

    private static Map<String, Double> doubles(Map<String, Object> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v[i]));
        }
        return b.append(']').toString();
    }

    /** Settings; defaults: 8 members, truncation, perturb, resample probability 0.25, parallelism 1, seed 0. */
    public static final class Builder {
        private int populationSize = 8;
        private Function<Map<String, Double>, Model> factory;
        private SearchSpace space;
        private Supplier<DataSetIterator> trainData;
        private Evaluator evaluator;
        private int readyEvery = 1;
        private ScheduleType readyUnit = ScheduleType.EPOCH;
        private int rounds = 10;
        private PbtPolicy.Exploit exploit = PbtPolicy.Exploit.TRUNCATION;
        private PbtPolicy.Explore explore = PbtPolicy.Explore.PERTURB;
        private double resampleProbability = 0.25;
        private int parallelism = 1;
        private long seed;
        private Path checkpointDir;
        private RoundListener afterRound;
        private final List<Map<String, Double>> initial = new ArrayList<>();

        private Builder() {
        }

        public Builder populationSize(int n) {
            this.populationSize = n;
            return this;
        }

        /**
         * Builds a MultiLayerNetwork or ComputationGraph from hyperparameters (keys of {@link SearchSpace}). Called
         * once per member; the network is reused across rounds. Attach listeners here if you need them.
         */
        public Builder modelFactory(Function<Map<String, Double>, Model> factory) {
            this.factory = factory;
            return this;
        }

        public Builder searchSpace(SearchSpace space) {
            this.space = space;
            return this;
        }

        /** A fresh (or reset-able) training iterator per call; called once per member and round. */
        public Builder trainData(Supplier<DataSetIterator> data) {
            this.trainData = data;
            return this;
        }

        /** Higher is better. */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /** Members are ready (scored, exploited) every {@code n} epochs or iterations. */
        public Builder readyEvery(int n, ScheduleType unit) {
            this.readyEvery = n;
            this.readyUnit = unit;
            return this;
        }

        /** The budget: number of rounds; each member trains {@code rounds * readyEvery} epochs or iterations. */
        public Builder rounds(int rounds) {
            this.rounds = rounds;
            return this;
        }

        public Builder exploit(PbtPolicy.Exploit strategy) {
            this.exploit = strategy;
            return this;
        }

        public Builder explore(PbtPolicy.Explore strategy, double resampleProbability) {
            this.explore = strategy;
            this.resampleProbability = resampleProbability;
            return this;
        }

        /** Worker threads training members of a round concurrently (default 1). */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Save the population after each round here, and resume from it when {@link #build()}'s run starts. */
        public Builder checkpointDir(Path dir) {
            this.checkpointDir = dir;
            return this;
        }

        /** A callback after each round (before the checkpoint is written), e.g. to evaluate the best member. */
        public Builder afterRound(RoundListener listener) {
            this.afterRound = listener;
            return this;
        }

        /** Fixes the starting hyperparameters of the first members (the rest are sampled). */
        public Builder initialHyperparameters(List<Map<String, Double>> sets) {
            this.initial.clear();
            this.initial.addAll(sets);
            return this;
        }

        public PopulationBasedTraining build() {
            return new PopulationBasedTraining(this);
        }
    }
}
