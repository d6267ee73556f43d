package io.github.dl4jlr.control;

import io.github.dl4jlr.internal.util.EpochMean;
import io.github.dl4jlr.internal.nn.ValidationData;
import io.github.dl4jlr.internal.rules.PlateauRules;
import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.updater.LearningRateFree;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.earlystopping.termination.EpochTerminationCondition;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts the learning rate when the loss stops improving, evaluated at each epoch end (see {@link PlateauRules}).
 *
 * <pre>{@code
 *   ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().validation(valIterator).build();
 *   plateau.attachTo(net);      // validates the updaters now, then adds the listener
 * }</pre>
 *
 * <p><b>It composes with schedules.</b> A cut never replaces a layer's schedule with a constant: it multiplies the
 * whole schedule through {@code ScaledSchedule}, so warm-up + cosine keeps its shape at the lower scale, and the
 * result survives JSON and {@code ModelSerializer} (PyTorch's ReduceLROnPlateau cannot be combined with other
 * schedulers, pytorch#68978). A fixed LR is multiplied directly. The cut is clamped so that the LR of the next
 * step does not fall below {@code minLr}.
 *
 * <p>The watched loss is the mean validation loss (with {@link Builder#validation}) or else the mean training
 * score of the epoch. Each cut is logged, e.g. {@code epoch 12: validation loss 0.812 has not improved by 1e-4 for
 * 10 epochs; learning rate x0.1 (1.0e-03 -> 1.0e-04) on 5 layers}. {@link #terminationCondition()} ends an
 * {@code EarlyStoppingTrainer} run once the LR is at {@code minLr} and patience has run out again.
 *
 * <p>Use with {@code fit(DataSetIterator)}, {@code EarlyStoppingTrainer} or anything else that fires epoch events
 * (a loop over {@code fit(DataSet)} fires none). One instance per network; not thread-safe.
 */
public final class ReduceLROnPlateau extends BaseTrainingListener {

    private static final Logger log = LoggerFactory.getLogger(ReduceLROnPlateau.class);

    private final double factor;
    private final PlateauRules policy;
    private final double minLr;
    private final ValidationData validation;

    private final List<PlateauRecord> history = new ArrayList<>();
    private PlateauRules.State state = PlateauRules.State.INITIAL;
    private boolean exhausted;
    private boolean checked;
    private final EpochMean epochLoss = new EpochMean();

    private ReduceLROnPlateau(Builder b) {
        this.factor = Args.openInterval("factor", b.factor, 0, 1);
        this.policy = new PlateauRules(b.patience, b.threshold, b.thresholdMode, b.cooldown);
        this.minLr = Args.nonNegative("minLr", b.minLr);
        this.validation = b.validation;
    }

    /** @return a builder with the defaults: factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, minLr 0 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that every trained layer has a learning rate (AdaDelta and NoOp do not, and would make this a silent
     * no-op), then adds this listener to the model.
     *
     * @param model a {@code MultiLayerNetwork} or {@code ComputationGraph}
     * @return this listener
     * @throws IllegalArgumentException when a trained layer has no learning rate
     */
    public ReduceLROnPlateau attachTo(Model model) {
        requireLearningRates(NetworkAdapter.of(model));
        checked = true;
        model.addListeners(this);
        return this;
    }

    /**
     * Every epoch seen, in order.
     *
     * @return every epoch seen, in order
     */
    public List<PlateauRecord> history() {
        return List.copyOf(history);
    }

    /**
     * Number of cuts so far.
     *
     * @return number of cuts so far
     */
    public long reductions() {
        return history.stream().filter(r -> r.decision() == PlateauDecision.REDUCE).count();
    }

    /**
     * True once the LR is at {@code minLr} and patience has run out again.
     *
     * @return true once the LR is at {@code minLr} and patience has run out again
     */
    public boolean isExhausted() {
        return exhausted;
    }

    /**
     * An {@link EpochTerminationCondition} for DL4J's EarlyStoppingTrainer that fires once {@link #isExhausted()}.
     *
     * @return an {@link EpochTerminationCondition} for DL4J's EarlyStoppingTrainer that fires once {@link
     *     #isExhausted()}
     */
    public EpochTerminationCondition terminationCondition() {
        return new PlateauTerminationCondition(this);
    }

    @Override
    public void onEpochStart(Model model) {
        if (!checked) {
            requireLearningRates(NetworkAdapter.of(model));
            checked = true;
        }
        epochLoss.clear();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        epochLoss.add(model.score());
    }

    @Override
    public void onEpochEnd(Model model) {
        NetworkAdapter net = NetworkAdapter.of(model);
        List<IUpdater> updaters = requireLearningRates(net);
        boolean useValidation = validation != null;
        double loss = useValidation ? validation.meanLoss(net) : epochLoss.takeMean();
        int epoch = net.epochCount();
        // At epoch end the iteration counter already points at the next step; the epoch moves on right after.
        int nextIteration = net.iterationCount();
        int nextEpoch = epoch + 1;
        double lrBefore = updaters.get(0).getLearningRate(nextIteration, nextEpoch);
        boolean canReduce = lrBefore > minLr * (1 + 1e-9);
        PlateauRules.Step step = policy.next(state, loss, canReduce);
        int bad = state.badEpochs() + 1;
        state = step.state();
        double lrAfter = lrBefore;
        if (step.decision() == PlateauDecision.REDUCE) {
            LearningRateConfig.cut(updaters, factor, minLr, nextIteration, nextEpoch);
            lrAfter = updaters.get(0).getLearningRate(nextIteration, nextEpoch);
            log.info(String.format(Locale.ROOT, "epoch %d: %s loss %.3f has not improved by %s for %d epochs; "
                            + "learning rate x%s (%.1e -> %.1e) on %d layers", epoch, useValidation ? "validation" : "training",
                    loss, thresholdText(), bad, factorText(lrBefore, lrAfter), lrBefore, lrAfter, updaters.size()));
        } else if (step.decision() == PlateauDecision.EXHAUSTED) {
            exhausted = true;
            log.info(String.format(Locale.ROOT, "epoch %d: %s loss %.3f has not improved by %s for %d epochs and the "
                            + "learning rate is at its minimum %.1e", epoch, useValidation ? "validation" : "training", loss,
                    thresholdText(), bad, minLr));
        }
        history.add(new PlateauRecord(epoch, loss, state.best(), state.badEpochs(), step.decision(), lrBefore, lrAfter));
    }

    private String thresholdText() {
        String t = String.format(Locale.ROOT, "%.0e", policy.threshold());
        return policy.mode() == ThresholdMode.ABSOLUTE ? t + " (absolute)" : t;
    }

    private String factorText(double before, double after) {
        double f = before > 0 ? after / before : factor;
        return Math.abs(f - factor) < 1e-12 ? String.valueOf(factor) : String.format(Locale.ROOT, "%.3g (clamped at minLr)", f);
    }

    private static List<IUpdater> requireLearningRates(NetworkAdapter net) {
        List<IUpdater> updaters = net.updatersWithLearningRate("ReduceLROnPlateau");
        LearningRateFree.refuseSchedules(updaters, "ReduceLROnPlateau");
        return updaters;
    }

    /** Settings; defaults: factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, minLr 0. */
    public static final class Builder {
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private ThresholdMode thresholdMode = ThresholdMode.RELATIVE;
        private int cooldown = 0;
        private double minLr = 0;
        private ValidationData validation;

        private Builder() {
        }

        /**
         * Multiplier applied at each cut, in (0, 1).
         *
         * @param factor the multiple of each cut, in (0, 1); default 0.1
         * @return this builder
         */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /**
         * Epochs without improvement before a cut, {@code >= 1}.
         *
         * @param epochs epochs without improvement before a cut, {@code >= 1}; default 10
         * @return this builder
         */
        public Builder patience(int epochs) {
            this.patience = epochs;
            return this;
        }

        /**
         * Minimum improvement that counts, {@code >= 0}, read per {@link ThresholdMode}.
         *
         * @param threshold how much better than the best a loss must be to count as an improvement, {@code >= 0}
         * @param mode whether {@code threshold} is relative to the best loss or absolute
         * @return this builder
         */
        public Builder threshold(double threshold, ThresholdMode mode) {
            this.threshold = threshold;
            this.thresholdMode = mode;
            return this;
        }

        /**
         * Epochs after a cut during which bad epochs are not counted.
         *
         * @param epochs epochs after a cut during which nothing is counted, {@code >= 0}; default 0
         * @return this builder
         */
        public Builder cooldown(int epochs) {
            this.cooldown = epochs;
            return this;
        }

        /**
         * Floor for the learning rate of the next step.
         *
         * @param minLr the lowest learning rate a cut may reach, {@code >= 0}; default 0
         * @return this builder
         */
        public Builder minLr(double minLr) {
            this.minLr = minLr;
            return this;
        }

        /**
         * Watch the mean loss over this iterator instead of the training score.
         *
         * @param validation held-out data whose mean loss is watched instead of the training loss, reset before each
         *     pass
         * @return this builder
         */
        public Builder validation(DataSetIterator validation) {
            this.validation = ValidationData.of(validation);
            return this;
        }

        /**
         * Watch the mean loss over this multi-input iterator (ComputationGraph).
         *
         * @param validation held-out multi-input data whose mean loss is watched, reset before each pass
         * @return this builder
         */
        public Builder validation(MultiDataSetIterator validation) {
            this.validation = ValidationData.of(validation);
            return this;
        }

        /** @return the listener; attach it with {@link ReduceLROnPlateau#attachTo} */
        public ReduceLROnPlateau build() {
            return new ReduceLROnPlateau(this);
        }
    }
}
