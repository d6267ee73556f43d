package io.github.dl4jlr.monitor;

import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.internal.nn.ChanceLevel;
import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.OutputLoss;
import io.github.dl4jlr.internal.nn.ParamRef;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run state of one monitored model, or of one ParallelWrapper worker across the replicas the wrapper rebuilds at
 * every {@code fit}: the model-bound part is re-bound when the model changes, the rest (loss watch, streaks, the dead
 * check, the learning-rate history) carries on. Only the monitor touches it, under its lock.
 */
final class ModelTrack {

    /** The replica number: the ParallelWrapper worker, or the order in which plain models were first seen. */
    final int replica;
    /** The epoch-level state; shared by all of a ParallelWrapper's workers. */
    final EpochTrack epoch;

    Model model;
    NetworkAdapter net;
    List<ParamRef> params;
    List<IUpdater> updaters;
    List<OutputLoss> outputs;
    SnapshotRing ring;
    boolean started;
    Diagnosis pending;
    boolean troubleLogged;
    RecoveryRules.State policy = RecoveryRules.State.INITIAL;

    DivergenceRules.State loss = DivergenceRules.State.INITIAL;
    final Map<String, RatioRules.Streak> streaks = new HashMap<>();
    /** The most extreme ratio of the run's last advice line in each direction (see {@link RatioRules#news}). */
    final Map<RatioVerdict, Double> ratioSaid = new EnumMap<>(RatioVerdict.class);
    /** The loss level at the last few checks, oldest first: the trend a ratio warning waits on. */
    final ArrayDeque<Double> levels = new ArrayDeque<>();
    /** The lowest loss level at the checks that have left {@link #levels}; +Infinity before the first. */
    double levelFloor = Double.POSITIVE_INFINITY;

    DeadNetworkRules.State dead = DeadNetworkRules.State.INITIAL;
    /** Mean |gradient| per example and element of each trained weight array at this iteration's check; null if none. */
    double[] gradients;
    /** The keys of {@link #gradients}. */
    List<String> gradientKeys = List.of();
    /** The label frequencies seen at checks. */
    final ChanceLevel chance = new ChanceLevel();

    LrOwnerRules.State lr = LrOwnerRules.State.INITIAL;
    SlowStartRules.State slowStart = SlowStartRules.State.INITIAL;
    HighStartRules.State highStart = HighStartRules.State.INITIAL;
    /** Whether a line has advised raising the learning rate (then the slow-start line would repeat it). */
    boolean raiseAdvised;
    /** Whether a line has advised lowering the learning rate (then a stall's "raise it" would contradict it). */
    boolean lowerAdvised;
    /** Epoch of the run's WARN line about a plateau at a workable rate; -1 before it (the advice is said once). */
    int plateauSaidAt = -1;
    boolean rolledBack;
    /** Iteration of this track's first non-finite state; -1 while there was none. */
    int nonFiniteAt = -1;

    final Map<String, StepSizeTracker.Track> steps = new HashMap<>();

    ModelTrack(int replica, EpochTrack epoch) {
        this.replica = replica;
        this.epoch = epoch;
    }

    /** Binds to {@code m}; on a new replica, the snapshots of the old one are dropped (its restores still count). */
    void bind(Model m, int ringSize) {
        if (m == model) {
            return;
        }
        model = m;
        net = NetworkAdapter.of(m);
        params = net.parameters();
        updaters = net.trainedUpdaters();
        outputs = net.outputLosses();
        ring = new SnapshotRing(ringSize);
        started = false;
        pending = null;
        policy = new RecoveryRules.State(0, policy.restores(), policy.healthySinceStart(), false);
        steps.clear();
    }

    /** Whether a {@link ReduceLROnPlateau} listens to the model. */
    boolean plateauAttached() {
        return net.listeners().stream().anyMatch(l -> l instanceof ReduceLROnPlateau);
    }

    /** Who lowered the learning rate (see {@link LrOwnerRules#owner}). */
    LrOwnerRules.Owner lrOwner() {
        boolean plateauCut = net.listeners().stream()
                .anyMatch(l -> l instanceof ReduceLROnPlateau && ((ReduceLROnPlateau) l).reductions() > 0);
        IUpdater first = updaters.isEmpty() ? null : updaters.get(0);
        boolean scheduled = first != null && first.hasLearningRate() && LearningRateConfig.read(first).schedule() != null;
        return LrOwnerRules.owner(rolledBack, plateauCut, scheduled);
    }

    /** The learning rate of the first trained layer at the given counters; NaN when it has none. */
    double learningRate(int iteration, int epochCount) {
        return NetworkAdapter.learningRate(updaters, iteration, epochCount);
    }

    /**
     * The loss of a network that knows nothing: of predicting the class frequencies, or the targets' mean, seen so far
     * when every output is a cross-entropy or an unweighted squared error, else the first loss of the run.
     */
    double chanceLoss() {
        double c = chance.loss(outputs);
        return Double.isNaN(c) ? loss.start() : c;
    }

    /** Remembers the loss level at a check, keeping the last {@code keep}. */
    void level(double level, int keep) {
        levels.addLast(level);
        while (levels.size() > keep) {
            levelFloor = Math.min(levelFloor, levels.pollFirst());
        }
    }

    /**
     * The lowest loss level at the checks before the last {@code recent} ones (NaN when there are none): the best the
     * run did before its current trend window.
     */
    double bestLevelBefore(int recent) {
        double best = levels.stream().limit(Math.max(0, levels.size() - recent)).reduce(levelFloor, Math::min);
        return best == Double.POSITIVE_INFINITY ? Double.NaN : best;
    }

    /** Whether this network was found dead and has not learned since (low ratios are then no advice to raise). */
    boolean deadReported() {
        return dead.warned();
    }

    /**
     * After a restore: the trend and the dead check start over from the restored state. The gradient peaks go too:
     * those of a blow-up would make every healthy gradient after the restore look collapsed.
     */
    void restored(DivergenceRules.State restoredLoss) {
        loss = restoredLoss;
        levels.clear();
        levelFloor = Double.POSITIVE_INFINITY;
        dead = DeadNetworkRules.State.INITIAL;
        steps.clear();
        pending = null;
        troubleLogged = false;
    }
}
