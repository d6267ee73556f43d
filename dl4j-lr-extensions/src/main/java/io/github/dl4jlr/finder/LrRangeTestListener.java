package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The LR range test as a {@code TrainingListener}: it ramps the learning rate of every trained layer from
 * {@code startLr} to {@code endLr}, records the loss of each step, smooths it and detects divergence.
 *
 * <p>Use it through {@link LearningRateFinder#find}, which also restores the model afterwards. To run it in
 * your own loop, get one from {@link LearningRateFinder#listener()}, add it to the network, fit until
 * {@link #isDone()}, then read {@link #result()}:
 * <pre>{@code
 *   LrRangeTestListener test = LearningRateFinder.builder().build().listener();
 *   net.addListeners(test);
 *   while (!test.isDone()) { if (!train.hasNext()) train.reset(); net.fit(train.next()); }
 *   LrFinderResult result = test.result();
 * }</pre>
 * On its own the listener changes only learning rates: it installs a {@link RangeTestSchedule} in place
 * (no updater rebuild) before the first step it sees and puts every layer's original LR or schedule back when
 * the test ends. The parameters it trained are kept; {@link LearningRateFinder#find} restores those too.
 *
 * <p>Per step it records the LR the updater actually used (and, when every layer has {@code Nesterovs}, its momentum,
 * which {@link LrFinderResult#nesterovMomenta()} explains), the loss (the minibatch score DL4J reports at
 * {@code iterationDone}, i.e. before the step, or in validation mode the mean validation loss after it) and the
 * bias-corrected EMA {@code avg = beta*avg + (1-beta)*loss; smoothed = avg / (1 - beta^(i+1))}. It stops when the
 * loss is not finite, when it has diverged by {@link SweepStopRules}'s rule (the median of the recent losses above
 * {@code divergenceFactor} times the loss of the unchanged network or the best recent median since, once the
 * parameters have moved), or after {@code numIterations} steps. Each step costs two extra L1 reductions (update and
 * parameters) for that rule. One instance runs one test on one network; it is not thread-safe.
 */
public final class LrRangeTestListener extends BaseTrainingListener {

    private final LearningRateFinder config;
    private final double[] lrs;
    private final double[] losses;
    private final double[] smoothed;
    private final List<IUpdater> updaters = new ArrayList<>();
    private final List<LearningRateConfig> originalLrs = new ArrayList<>();
    private NetworkAdapter net;
    private UpdaterFamily family;
    private boolean nesterovs;
    private final double[] momenta;
    private final SweepStopRules stop;
    private SweepStopRules.State stopState;
    private int startIteration;
    private int count;
    private StopReason stopReason = StopReason.RUNNING;

    LrRangeTestListener(LearningRateFinder config) {
        this.config = config;
        this.stop = new SweepStopRules(config.smoothing(), config.divergenceFactor(), config.numIterations());
        this.stopState = stop.initial();
        this.lrs = new double[config.numIterations()];
        this.losses = new double[config.numIterations()];
        this.smoothed = new double[config.numIterations()];
        this.momenta = new double[config.numIterations()];
    }

    /**
     * True once the test has stopped (completed, diverged or non-finite); further iterations are ignored.
     *
     * @return true once the test has stopped (completed, diverged or non-finite); further iterations are ignored
     */
    public boolean isDone() {
        return stopReason != StopReason.RUNNING;
    }

    /**
     * A snapshot of what has been recorded; final once {@link #isDone()}.
     *
     * @return a snapshot of what has been recorded; final once {@link #isDone()}
     */
    public LrFinderResult result() {
        return new LrFinderResult(Arrays.copyOf(lrs, count), Arrays.copyOf(losses, count), Arrays.copyOf(smoothed, count),
                stopReason, config.suggestionMethod(), config.valleyFraction(), family, startIteration,
                nesterovs ? Arrays.copyOf(momenta, count) : null);
    }

    /**
     * The smallest momentum of the layers' {@code Nesterovs} updaters at one step (its schedule's value, as the updater
     * reads it), clamped to [0, 1).
     */
    static double nesterovMomentum(List<IUpdater> updaters, int iteration, int epoch) {
        double m = Double.POSITIVE_INFINITY;
        for (IUpdater u : updaters) {
            m = Math.min(m, ((Nesterovs) u).currentMomentum(iteration, epoch));
        }
        return Math.max(0, Math.min(m, Math.nextDown(1.0)));
    }

    @Override
    public void onEpochStart(Model model) {
        install(model);
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        install(model);
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        install(model);
    }

    @Override
    public void onGradientCalculation(Model model) {
        install(model);
    }

    /** Installs the ramp before the first update; every hook before the updater step calls this. */
    private void install(Model model) {
        if (net != null || isDone()) {
            return;
        }
        NetworkAdapter adapter = NetworkAdapter.of(model);
        List<IUpdater> trained = LearningRateFinder.requireLearningRates(adapter);
        family = UpdaterFamily.of(trained);
        startIteration = adapter.iterationCount();
        nesterovs = trained.stream().allMatch(u -> u instanceof Nesterovs);
        RangeTestSchedule ramp = new RangeTestSchedule(startIteration, config.startLr(), config.endLr(),
                config.numIterations(), config.mode());
        for (IUpdater u : trained) {
            updaters.add(u);
            originalLrs.add(LearningRateConfig.read(u));
            u.setLrAndSchedule(config.startLr(), ramp);
        }
        net = adapter;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (isDone()) {
            return;
        }
        if (net == null) {
            // No hook ran before this step's update, so its LR was not the ramp's: start from the next one.
            install(model);
            return;
        }
        int i = count;
        lrs[i] = updaters.get(0).getLearningRate(iteration, epoch);
        if (nesterovs) {
            momenta[i] = nesterovMomentum(updaters, iteration, epoch);
        }
        double move = net.relativeUpdate();        // before a validation pass can touch the network's views
        double loss = config.hasValidation() ? config.validationLoss(net) : model.score();
        losses[i] = loss;
        count++;
        if (!Double.isFinite(loss)) {
            smoothed[i] = Double.NaN;
            finish(StopReason.NON_FINITE);
            return;
        }
        stopState = stop.next(stopState, loss, move, config.hasValidation());
        smoothed[i] = stopState.loss().smoothed();
        if (stop.diverged(stopState)) {
            finish(StopReason.DIVERGED);
        } else if (count >= lrs.length) {
            finish(StopReason.COMPLETED);
        }
    }

    private void finish(StopReason reason) {
        stopReason = reason;
        for (int k = 0; k < updaters.size(); k++) {
            originalLrs.get(k).applyTo(updaters.get(k));
        }
    }
}
