package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.ValidationData;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.TrainingSnapshot;
import io.github.dl4jlr.updater.LearningRateFree;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LR range test (Smith 2017; fastai's {@code lr_find}) for any MultiLayerNetwork or ComputationGraph.
 *
 * <pre>{@code
 *   LrFinderResult r = LearningRateFinder.builder().build().find(net, trainIterator);
 *   double lr = r.suggestion().orElse(1e-3);
 * }</pre>
 *
 * <p>{@link #find} trains for up to {@code numIterations} minibatches while the learning rate rises from
 * {@code startLr} to {@code endLr} (see {@link LrRangeTestListener}), then <b>puts the model back exactly as it
 * was</b>: parameters, updater state, iteration and epoch counters, every layer's LR or schedule, and its
 * listeners (which do not see the test's iterations). Not restored: the global RNG (dropout masks). On a network that
 * has trained with momentum ({@code Nesterovs}), the sweep and every trial start with the velocity at zero: it holds the
 * rate it was built at, and inherited it would carry the network on at that rate for about {@code 1 / (1 - momentum)}
 * steps, whatever rate is being tested (it sent a trained CNN's loss from 0.45 to 3.9 at 1e-6). Adam-type moments and
 * squared gradients hold no rate and are kept. An iterator that
 * can be reset is reset and reused when it is shorter than the test, and reset again at the end; one that cannot is
 * read once and left where the finder stopped.
 *
 * <p><b>Confirmation</b> ({@link ConfirmMode}, default {@code WHEN_FLAT}): after the sweep the finder can train a few
 * candidate rates for a short fixed-rate trial each, from the same starting state, and suggest one of the rates whose
 * loss on held-out data is within 5% of the best ({@link ConfirmationTrials}; the rules are {@link ConfirmationRules}).
 * On a curve that falls, the candidates are the curve rules' suggestions, and the lowest of those rates wins. On a flat
 * curve, as a network that is already trained gives, no rule can be read, so the candidates are half-decades below the
 * rate where the sweep diverged (the range it proved stable), extended a half-decade at a time when an end of that
 * bracket has the lowest loss by more than 5%; the largest rate within 5% of the best wins on a network that has
 * learned (the middle of those rates on a fresh network's flat curve). Held-out data is the validation iterator when
 * one is set; otherwise the first fifth of the training minibatches (at most
 * {@value ConfirmationTrials#HELD_OUT_BATCHES}), which needs an iterator that can be reset.
 *
 * <p><b>The suggestion</b> ({@link LrFinderResult#suggestion()}) is the trials' winner when they ran, and otherwise
 * {@link SuggestionMethod#AUTO}'s reading of the curve: one default, {@link SuggestionMethod#CONFIRMED}, whatever the
 * mode. Every rule's value stays available through {@link LrFinderResult#suggestion(SuggestionMethod)}.
 *
 * <p>Validation mode ({@link Builder#validation}) records the mean loss over a validation iterator after each
 * step, as in Smith's procedure: smoother curves, but each step costs a full validation pass; the trials then measure
 * on it too.
 *
 * <p>Prodigy and Schedule-Free are refused: they need no range test (their error says why). Immutable and
 * thread-safe; each {@code find} call creates its own listener.
 */
public final class LearningRateFinder {

    private static final Logger log = LoggerFactory.getLogger(LearningRateFinder.class);

    /** Why trials on a trained network want a validation iterator. */
    static final String SEEN_HELD_OUT = "LR finder: the network has already been trained and no validation iterator is "
            + "set, so the trials are judged on held-back minibatches of the training iterator, which it has likely "
            + "trained on: they then measure how little a rate disturbs what it learned, not how well it goes on "
            + "learning. Set validation(...) with data the network has not trained on.";

    private final double startLr;
    private final double endLr;
    private final int numIterations;
    private final RampMode mode;
    private final double smoothing;
    private final double divergenceFactor;
    private final SuggestionMethod suggestionMethod;
    private final double valleyFraction;
    private final ValidationData validation;
    private final ConfirmMode confirmMode;
    private final int trialIterations;

    private LearningRateFinder(Builder b) {
        this.startLr = Args.positive("startLr", b.startLr);
        this.endLr = Args.positive("endLr", b.endLr);
        Args.check(b.startLr < b.endLr, "startLr < endLr", "startLr=" + b.startLr + ", endLr=" + b.endLr);
        this.numIterations = Args.atLeast("numIterations", b.numIterations, 2);
        this.mode = Args.notNull("mode", b.mode);
        this.smoothing = Args.rightOpenInterval("smoothing", b.smoothing, 0, 1);
        Args.check(b.divergenceFactor > 1 && Double.isFinite(b.divergenceFactor), "divergenceFactor > 1 and finite",
                b.divergenceFactor);
        this.divergenceFactor = b.divergenceFactor;
        this.suggestionMethod = b.suggestion;
        Args.check(b.valleyFraction >= 0 && b.valleyFraction <= 1, "valleyFraction in [0, 1]", b.valleyFraction);
        this.valleyFraction = b.valleyFraction;
        this.validation = b.validation;
        this.confirmMode = b.confirmMode;
        this.trialIterations = Args.nonNegative("trialIterations", b.trialIterations);
    }

    /**
     * A builder with the defaults listed on {@link Builder}.
     *
     * @return a builder with the defaults listed on {@link Builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fresh listener with these settings, for running the test in your own loop (no restore, no trials).
     *
     * @return the listener
     */
    public LrRangeTestListener listener() {
        return new LrRangeTestListener(this);
    }

    /**
     * Runs the range test on a MultiLayerNetwork or ComputationGraph and restores the model.
     *
     * @param model the network, initialised
     * @param train its training minibatches
     * @return the curve, the suggestions and the trials
     * @throws IllegalArgumentException for an uninitialised network, updaters without a learning rate (AdaDelta, NoOp)
     *                                  or that need no range test (Prodigy, Schedule-Free), or an empty iterator
     */
    public LrFinderResult find(Model model, DataSetIterator train) {
        Args.notNull("train", train);
        return run(NetworkAdapter.of(model), FinderBatches.of(train));
    }

    /**
     * Runs the range test on a ComputationGraph fed by a MultiDataSetIterator and restores the model.
     *
     * @param model the graph, initialised
     * @param train its training minibatches
     * @return the curve, the suggestions and the trials
     */
    public LrFinderResult find(ComputationGraph model, MultiDataSetIterator train) {
        Args.notNull("train", train);
        return run(NetworkAdapter.of(model), FinderBatches.of(train));
    }

    private LrFinderResult run(NetworkAdapter net, FinderBatches batches) {
        List<IUpdater> updaters = requireLearningRates(net);
        Optional<ISchedule> schedule = LearningRateConfig.firstSchedule(updaters);
        batches.requireNonEmpty();
        TrainingSnapshot before = TrainingSnapshot.capture(net);
        List<TrainingListener> userListeners = new ArrayList<>(net.listeners());
        LrRangeTestListener test = listener();
        net.setListeners(List.of(test));
        LrFinderResult result;
        try {
            if (net.clearMomentumVelocity()) {
                log.debug("LR finder: the momentum velocity starts at zero for the test (restored afterwards)");
            }
            long t0 = System.nanoTime();
            while (!test.isDone()) {
                batches.fitNext(net);
            }
            double sweepSeconds = (System.nanoTime() - t0) / 1e9;
            LrFinderResult swept = test.result().withChanceLoss(batches.chanceLoss(net.outputLosses()))
                    .withFrozenLayers(net.hasFrozenLayers());
            net.setListeners(List.of());
            boolean trials = confirmMode == ConfirmMode.ALWAYS
                    || (confirmMode == ConfirmMode.WHEN_FLAT && swept.needsTrials());
            Confirmation c = null;
            if (trials) {
                if (!hasValidation() && swept.trained()) {
                    log.warn(SEEN_HELD_OUT);
                }
                int length = trialIterations > 0 ? trialIterations : ConfirmationRules.trialIterations(swept.iterations());
                c = new ConfirmationTrials(net, batches, before, hasValidation() ? this::validationLoss : null, length)
                        .run(swept, startLr, valleyFraction);
            }
            result = swept.with(c, sweepSeconds);
        } finally {
            before.restoreInto(net);
            net.setListeners(userListeners);
            batches.resetIfPossible();
        }
        if (result.needsTrials() && !result.confirmedBy(SuggestionMethod.CONFIRMED)) {
            log.warn(result.summary());
        } else {
            log.info(result.summary());
        }
        if (schedule.isPresent() && result.suggestion().isPresent()) {
            log.info(FinderSummary.scheduled(schedule.get(), result.suggestion().getAsDouble()));
        }
        return result;
    }

    /** The distinct trained updaters, all with a learning rate a range test can set; otherwise a clear error. */
    static List<IUpdater> requireLearningRates(NetworkAdapter net) {
        List<IUpdater> updaters = net.updatersWithLearningRate("the range test");
        LearningRateFree.refuseRangeTest(updaters);
        return updaters;
    }

    double validationLoss(NetworkAdapter net) {
        return validation.meanLoss(net);
    }

    boolean hasValidation() {
        return validation != null;
    }

    /** @return the first rate of the sweep */
    public double startLr() {
        return startLr;
    }

    /** @return the last rate of the sweep */
    public double endLr() {
        return endLr;
    }

    /** @return the most steps the sweep takes */
    public int numIterations() {
        return numIterations;
    }

    /** @return how the rate rises */
    public RampMode mode() {
        return mode;
    }

    /** @return the EMA factor of the smoothed loss */
    public double smoothing() {
        return smoothing;
    }

    /** @return the divergence limit (see {@link SweepStopRules}) */
    public double divergenceFactor() {
        return divergenceFactor;
    }

    /** @return the rule behind {@link LrFinderResult#suggestion()} */
    public SuggestionMethod suggestionMethod() {
        return suggestionMethod;
    }

    /** @return where along the valley VALLEY suggests */
    public double valleyFraction() {
        return valleyFraction;
    }

    /** @return when the confirmation trials run */
    public ConfirmMode confirmMode() {
        return confirmMode;
    }

    /**
     * Settings of a range test; defaults follow fastai: 1e-7 to 10 over 100 exponential steps, EMA 0.98, divergence
     * at 4x; confirmation trials when the curve is flat, {@code max(10, 3/4 of the sweep)} steps each; the suggestion
     * is {@link SuggestionMethod#CONFIRMED}.
     */
    public static final class Builder {
        private double startLr = 1e-7;
        private double endLr = 10;
        private int numIterations = 100;
        private RampMode mode = RampMode.EXPONENTIAL;
        private double smoothing = 0.98;
        private double divergenceFactor = 4.0;
        private SuggestionMethod suggestion = SuggestionMethod.CONFIRMED;
        private double valleyFraction = SuggestionRules.DEFAULT_VALLEY_FRACTION;
        private ValidationData validation;
        private ConfirmMode confirmMode = ConfirmMode.WHEN_FLAT;
        private int trialIterations;

        private Builder() {
        }

        /**
         * @param startLr the first rate; finite, {@code > 0}; default 1e-7
         * @return this builder
         */
        public Builder startLr(double startLr) {
            this.startLr = startLr;
            return this;
        }

        /**
         * @param endLr the last rate; finite, {@code > startLr}; default 10
         * @return this builder
         */
        public Builder endLr(double endLr) {
            this.endLr = endLr;
            return this;
        }

        /**
         * @param numIterations the most steps; {@code >= 2}; default 100
         * @return this builder
         */
        public Builder numIterations(int numIterations) {
            this.numIterations = numIterations;
            return this;
        }

        /**
         * @param mode EXPONENTIAL (default) or LINEAR ramp
         * @return this builder
         */
        public Builder mode(RampMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * @param beta EMA factor in [0, 1); 0 disables smoothing; default 0.98
         * @return this builder
         */
        public Builder smoothing(double beta) {
            this.smoothing = beta;
            return this;
        }

        /**
         * @param factor the sweep stops when the recent losses exceed this multiple of their reference (see
         *               {@link SweepStopRules}); finite, {@code > 1}; default 4, the monitor's too
         * @return this builder
         */
        public Builder divergenceFactor(double factor) {
            this.divergenceFactor = factor;
            return this;
        }

        /**
         * @param method the rule behind {@link LrFinderResult#suggestion()}; default {@code CONFIRMED} (the trials'
         *               winner, or {@code AUTO} when they did not run)
         * @return this builder
         */
        public Builder suggestion(SuggestionMethod method) {
            this.suggestion = Args.notNull("suggestion", method);
            return this;
        }

        /**
         * @param fraction where along the valley VALLEY suggests, in [0, 1]; default 0.5
         * @return this builder
         */
        public Builder valleyFraction(double fraction) {
            this.valleyFraction = fraction;
            return this;
        }

        /**
         * Validation mode: each step's loss is the mean loss over this iterator (slower); the trials measure on it.
         *
         * @param validation held-out minibatches, reset before each pass
         * @return this builder
         */
        public Builder validation(DataSetIterator validation) {
            this.validation = ValidationData.of(validation);
            return this;
        }

        /**
         * Validation mode for ComputationGraphs with multi-input data.
         *
         * @param validation held-out minibatches, reset before each pass
         * @return this builder
         */
        public Builder validation(MultiDataSetIterator validation) {
            this.validation = ValidationData.of(validation);
            return this;
        }

        /**
         * @param mode when the confirmation trials run; default {@link ConfirmMode#WHEN_FLAT}
         * @return this builder
         */
        public Builder confirm(ConfirmMode mode) {
            this.confirmMode = Args.notNull("confirm", mode);
            return this;
        }

        /**
         * @param iterations steps per trial, {@code >= 1}; 0 (default) for {@code max(10, 3/4 of the sweep's steps)}
         * @return this builder
         */
        public Builder trialIterations(int iterations) {
            this.trialIterations = iterations;
            return this;
        }

        /**
         * @return the validated settings
         * @throws IllegalArgumentException naming the first bad setting
         */
        public LearningRateFinder build() {
            return new LearningRateFinder(this);
        }
    }
}
