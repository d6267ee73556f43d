package io.github.dl4jlr.updater;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The listener that {@link Prodigy}, {@link ScheduleFreeAdamW} and {@link ScheduleFreeSgd} need, and the switch between
 * Schedule-Free's training and evaluation points.
 *
 * <pre>{@code
 *   net.init();
 *   LearningRateFree.attach(net);             // once; it goes first among the listeners
 *   net.fit(train, epochs);                   // Schedule-Free: ends holding x, the model to evaluate and save
 *
 *   while (train.hasNext()) net.fit(train.next());       // a loop of your own fires no epoch events:
 *   try (LearningRateFree.Evaluation x = LearningRateFree.evaluating(net)) {
 *       net.evaluate(test);                                 // x here, y again afterwards
 *   }
 * }</pre>
 *
 * <p><b>Why a listener.</b> DL4J hands an updater one block of parameters' gradient and nothing else. Prodigy's step
 * size is a sum over every parameter it trains, and Schedule-Free's step reads the parameters themselves. At
 * {@code onGradientCalculation}, before DL4J runs the updater blocks, this listener hands each such block its
 * parameters and the step it shares with the others; the last Prodigy block then runs the global step. Without it the
 * updaters fail at their first step, naming what to add.
 *
 * <p><b>Schedule-Free's two points.</b> The gradient is taken at {@code y}, the model to use is {@code x}; the
 * parameters hold one of them, and the mode lives in the updater state (so it is saved with the model). This listener
 * switches to {@code y} at every {@code onEpochStart} and to {@code x} at every {@code onEpochEnd}: after
 * {@code fit(iterator)} (and in other listeners' {@code onEpochEnd}, since it goes first) the network holds {@code x}.
 * Where DL4J fires no epoch events (a loop over {@code fit(DataSet)}, ParallelWrapper) switch yourself with
 * {@link #evalMode}/{@link #trainMode} or {@link #evaluating}. Training in evaluation mode fails loudly. A model saved
 * in either mode is complete: {@code evalMode} on the restored network gives {@code x}.
 *
 * <p>Checked at the first step of each network: DL4J's {@code WeightDecay} regularization on a layer of these updaters
 * is refused (it acts outside their step; use their own {@code weightDecay}).
 *
 * <p>Serializable and thread-safe (one instance may serve ParallelWrapper's replicas).
 */
public final class LearningRateFree extends BaseTrainingListener implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final String EVAL_MODE_TRAINING = "Expected the Schedule-Free network in training mode (parameters at y), "
            + "but it holds x (evaluation mode): call LearningRateFree.trainMode(net) before fit(DataSet), or train with "
            + "fit(iterator), which switches by itself";

    /** Networks already checked, by identity; rebuilt after deserialization. */
    private transient Map<Model, Boolean> checked;

    private LearningRateFree() {
    }

    /**
     * Adds the listener as the first one of {@code model} (keeping the others), unless it is there already.
     *
     * @param model a MultiLayerNetwork or ComputationGraph, initialised
     * @return the listener, new or the one already attached
     * @throws IllegalArgumentException for a model that is not an initialised network
     */
    public static LearningRateFree attach(Model model) {
        NetworkAdapter net = NetworkAdapter.of(model);
        for (TrainingListener l : net.listeners()) {
            if (l instanceof LearningRateFree) {
                return (LearningRateFree) l;
            }
        }
        LearningRateFree listener = new LearningRateFree();
        List<TrainingListener> all = new ArrayList<>();
        all.add(listener);
        all.addAll(net.listeners());
        net.setListeners(all);
        return listener;
    }

    /**
     * A new listener, for ParallelWrapper's {@code setListeners} or PBT's listener factory.
     *
     * @return a new listener, for ParallelWrapper's {@code setListeners} or PBT's listener factory
     */
    public static LearningRateFree create() {
        return new LearningRateFree();
    }

    /**
     * Puts Schedule-Free's evaluation point x into the parameters of every Schedule-Free block; nothing for other
     * updaters, or before the first step.
     *
     * @param model the network
     */
    public static void evalMode(Model model) {
        mode(model, true);
    }

    /**
     * Puts the training point y back.
     *
     * @param model the network
     */
    public static void trainMode(Model model) {
        mode(model, false);
    }

    /**
     * @param model the network
     * @return whether its Schedule-Free blocks hold x (false when it has none, or before the first step)
     */
    public static boolean inEvalMode(Model model) {
        for (ScheduleFreeUpdater u : scheduleFree(NetworkAdapter.of(model))) {
            if (u.evalMode()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Switches to x until {@link Evaluation#close()}, which restores the mode found.
     *
     * @param model the network
     * @return the open evaluation
     */
    public static Evaluation evaluating(Model model) {
        boolean before = inEvalMode(model);
        evalMode(model);
        return () -> mode(model, before);
    }

    /** A scope in evaluation mode; closing it restores the previous mode. */
    @FunctionalInterface
    public interface Evaluation extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Prodigy's current step size d (the same in every Prodigy block).
     *
     * @param model the network
     * @return d, or NaN when the network has no Prodigy block or has not trained yet
     */
    public static double prodigyStepSize(Model model) {
        NetworkAdapter net = NetworkAdapter.of(model);
        for (UpdaterBlock b : net.updaterBlocks()) {
            if (b.getGradientUpdater() instanceof ProdigyUpdater) {
                ProdigyUpdater u = (ProdigyUpdater) b.getGradientUpdater();
                u.join(null, 0, net.params(b));
                return u.d();
            }
        }
        return Double.NaN;
    }

    private static void mode(Model model, boolean eval) {
        NetworkAdapter net = NetworkAdapter.of(model);
        for (UpdaterBlock b : net.updaterBlocks()) {
            if (b.getGradientUpdater() instanceof ScheduleFreeUpdater) {
                ScheduleFreeUpdater u = (ScheduleFreeUpdater) b.getGradientUpdater();
                u.bind(net.params(b));
                u.mode(eval);
            }
        }
    }

    private static List<ScheduleFreeUpdater> scheduleFree(NetworkAdapter net) {
        List<ScheduleFreeUpdater> out = new ArrayList<>();
        for (UpdaterBlock b : net.updaterBlocks()) {
            GradientUpdater<?> u = b.getGradientUpdater();
            if (u instanceof ScheduleFreeUpdater) {
                ((ScheduleFreeUpdater) u).bind(net.params(b));
                out.add((ScheduleFreeUpdater) u);
            }
        }
        return out;
    }

    @Override
    public void onEpochStart(Model model) {
        trainMode(model);
    }

    @Override
    public void onEpochEnd(Model model) {
        evalMode(model);
    }

    @Override
    public void onGradientCalculation(Model model) {
        NetworkAdapter net = NetworkAdapter.of(model);
        check(net);
        List<UpdaterBlock> coordinated = new ArrayList<>();
        int prodigy = 0;
        for (UpdaterBlock b : net.updaterBlocks()) {
            GradientUpdater<?> u = b.getGradientUpdater();
            if (u instanceof CoordinatedUpdater && runs(b)) {
                coordinated.add(b);
                prodigy += u instanceof ProdigyUpdater ? 1 : 0;
            }
        }
        CoordinatedStep step = new CoordinatedStep(net.iterationCount(), prodigy);
        for (int i = 0; i < coordinated.size(); i++) {
            UpdaterBlock b = coordinated.get(i);
            CoordinatedUpdater u = (CoordinatedUpdater) b.getGradientUpdater();
            u.join(step, i, net.params(b));
            if (u instanceof ScheduleFreeUpdater && ((ScheduleFreeUpdater) u).evalMode()) {
                throw new IllegalStateException(EVAL_MODE_TRAINING);
            }
        }
    }

    /** Every coordinated block must have taken its step: one that did not would leave a raw gradient behind. */
    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        for (UpdaterBlock b : NetworkAdapter.of(model).updaterBlocks()) {
            if (b.getGradientUpdater() instanceof CoordinatedUpdater
                    && ((CoordinatedUpdater) b.getGradientUpdater()).pending()) {
                throw new IllegalStateException("Expected every " + b.getGradientUpdater().getConfig().getClass()
                        .getSimpleName() + " block to take its step at iteration " + iteration + ", but one did not run: "
                        + "DL4J skipped it (layerwise pretraining?), which these updaters do not support");
            }
        }
    }

    /** Whether DL4J will run this block's updater in an ordinary training step. */
    private static boolean runs(UpdaterBlock b) {
        return !b.skipDueToPretrainConfig(false) && b.getLayersAndVariablesInBlock().get(0).getLayer().numParams() > 0;
    }

    /** Once per network: no DL4J weight decay on a layer of these updaters. */
    private void check(NetworkAdapter net) {
        synchronized (this) {
            if (checked == null) {
                checked = new WeakHashMap<>();
            }
            if (checked.put(net.model(), Boolean.TRUE) != null) {
                return;
            }
        }
        for (UpdaterBlock b : net.updaterBlocks()) {
            if (!(b.getGradientUpdater() instanceof CoordinatedUpdater)) {
                continue;
            }
            for (UpdaterBlock.ParamState p : b.getLayersAndVariablesInBlock()) {
                Trainable layer = p.getLayer();
                if (layer.getConfig() instanceof BaseLayer) {
                    List<Regularization> regs = ((BaseLayer) layer.getConfig()).getRegularization();
                    if (regs != null && regs.stream().anyMatch(r -> r instanceof WeightDecay)) {
                        throw new IllegalArgumentException("Expected no DL4J WeightDecay on layer '"
                                + layer.getConfig().getLayerName() + "', which " + b.getGradientUpdater().getConfig()
                                .getClass().getSimpleName() + " trains: it would act outside the step; set the "
                                + "updater's own weightDecay instead");
                    }
                }
            }
        }
    }

    /**
     * Refuses Prodigy and Schedule-Free in a learning-rate range test, saying why none is needed.
     *
     * @param updaters the network's trained updaters
     * @throws IllegalArgumentException naming the updater and what to do instead
     */
    public static void refuseRangeTest(List<IUpdater> updaters) {
        for (IUpdater u : updaters) {
            if (u instanceof Prodigy) {
                throw new IllegalArgumentException("Expected an updater whose learning rate a range test can choose, but "
                        + "got Prodigy: it estimates its own step size while training, so it needs no range test (leave "
                        + "its learning rate, a multiplier, at 1; dCoef 0.5 or 2 if it must be smaller or larger)");
            }
            if (u instanceof ScheduleFreeAdamW || u instanceof ScheduleFreeSgd) {
                throw new IllegalArgumentException("Expected an updater whose learning rate a range test can choose, but "
                        + "got " + u.getClass().getSimpleName() + ": it takes no schedule, and a sweep is one; start from "
                        + "the authors' default rate, or compare a few fixed rates with LearningRateSearch");
            }
        }
    }

    /**
     * Refuses Schedule-Free updaters where something would put a schedule on their rate.
     *
     * @param updaters the network's trained updaters
     * @param who      what would, e.g. "ReduceLROnPlateau"
     * @throws IllegalArgumentException naming the updater
     */
    public static void refuseSchedules(List<IUpdater> updaters, String who) {
        for (IUpdater u : updaters) {
            if (u instanceof ScheduleFreeAdamW || u instanceof ScheduleFreeSgd) {
                throw new IllegalArgumentException("Expected updaters that take a learning-rate schedule for " + who
                        + ", but got " + u.getClass().getSimpleName() + ": Schedule-Free's averaging replaces the "
                        + "decay; train it without " + who);
            }
        }
    }

    /** The message of a coordinated updater that ran without this listener. */
    static String missing(String updater, String why) {
        Args.notNull("updater", updater);
        return updater + " needs the LearningRateFree listener (" + why + "): call LearningRateFree.attach(net) after "
                + "net.init(), or add LearningRateFree.create() to the listeners you set (ParallelWrapper: "
                + "wrapper.setListeners(...); PBT: your MemberListeners)";
    }
}
