package io.github.dl4jlr.finder;

import io.github.dl4jlr.nn.NetworkAdapter;
import io.github.dl4jlr.nn.TrainingSnapshot;
import io.github.dl4jlr.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * LR range test (Smith 2017; fastai's {@code lr_find}) for any MultiLayerNetwork or ComputationGraph.
 *
 * <pre>
 *   LrFinderResult r = LearningRateFinder.builder().build().find(net, trainIterator);
 *   double lr = r.suggestion().orElse(1e-3);
 * </pre>
 *
 * <p>{@link #find} trains for up to {@code numIterations} minibatches while the learning rate rises from
 * {@code startLr} to {@code endLr} (see {@link LrRangeTestListener}), then <b>puts the model back exactly as it
 * was</b>: parameters, updater state, iteration and epoch counters, every layer's LR or schedule, and its
 * listeners (which do not see the test's iterations). Not restored: the global RNG (dropout masks). The
 * iterator is reset and reused when it is shorter than the test, and reset again at the end.
 *
 * <p>Validation mode ({@link Builder#validation}) records the mean loss over a validation iterator after each
 * step, as in Smith's procedure: smoother curves, but each step costs a full validation pass.
 *
 * <p>Immutable and thread-safe; each {@code find} call creates its own listener.
 */
public final class LearningRateFinder {

    private static final Logger log = LoggerFactory.getLogger(LearningRateFinder.class);

    private final double startLr;
    private final double endLr;
    private final int numIterations;
    private final RampMode mode;
    private final double smoothing;
    private final double divergenceThreshold;
    private final SuggestionMethod suggestionMethod;
    private final double valleyFraction;
    private final DataSetIterator validation;
    private final MultiDataSetIterator multiValidation;

    private LearningRateFinder(Builder b) {
        this.startLr = Args.positive("startLr", b.startLr);
        this.endLr = Args.positive("endLr", b.endLr);
        Args.check(b.startLr < b.endLr, "startLr < endLr", "startLr=" + b.startLr + ", endLr=" + b.endLr);
        this.numIterations = Args.atLeast("numIterations", b.numIterations, 2);
        this.mode = Args.notNull("mode", b.mode);
        this.smoothing = Args.rightOpenInterval("smoothing", b.smoothing, 0, 1);
        Args.check(b.divergenceThreshold > 1 && Double.isFinite(b.divergenceThreshold),
                "divergenceThreshold > 1 and finite", b.divergenceThreshold);
        this.divergenceThreshold = b.divergenceThreshold;
        this.suggestionMethod = Args.notNull("suggestion", b.suggestion);
        Args.check(b.valleyFraction >= 0 && b.valleyFraction <= 1, "valleyFraction in [0, 1]", b.valleyFraction);
        this.valleyFraction = b.valleyFraction;
        this.validation = b.validation;
        this.multiValidation = b.multiValidation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fresh listener with these settings, for running the test in your own loop. */
    public LrRangeTestListener listener() {
        return new LrRangeTestListener(this);
    }

    /** Runs the range test on a MultiLayerNetwork or ComputationGraph and restores the model. */
    public LrFinderResult find(Model model, DataSetIterator train) {
        Args.notNull("train", train);
        return run(NetworkAdapter.of(model), new Batches(train::hasNext, train::next, train::reset,
                train.resetSupported(), (net, ds) -> net.fit((DataSet) ds)));
    }

    /** Runs the range test on a ComputationGraph fed by a MultiDataSetIterator and restores the model. */
    public LrFinderResult find(ComputationGraph model, MultiDataSetIterator train) {
        Args.notNull("train", train);
        return run(NetworkAdapter.of(model), new Batches(train::hasNext, train::next, train::reset,
                train.resetSupported(), (net, ds) -> net.fit((MultiDataSet) ds)));
    }

    private LrFinderResult run(NetworkAdapter net, Batches batches) {
        requireLearningRates(net);
        batches.requireNonEmpty();
        TrainingSnapshot before = TrainingSnapshot.capture(net);
        List<TrainingListener> userListeners = new ArrayList<>(net.listeners());
        LrRangeTestListener test = listener();
        net.setListeners(List.of(test));
        try {
            while (!test.isDone()) {
                batches.fitNext(net);
            }
        } finally {
            before.restoreInto(net);
            net.setListeners(userListeners);
            batches.resetIfPossible();
        }
        LrFinderResult result = test.result();
        log.info(result.summary());
        return result;
    }

    /** The distinct trained updaters, all with a learning rate; otherwise a clear error. */
    static List<IUpdater> requireLearningRates(NetworkAdapter net) {
        return net.updatersWithLearningRate("the range test");
    }

    double validationLoss(NetworkAdapter net) {
        return validation != null ? net.meanLoss(validation) : net.meanLoss(multiValidation);
    }

    boolean hasValidation() {
        return validation != null || multiValidation != null;
    }

    public double startLr() {
        return startLr;
    }

    public double endLr() {
        return endLr;
    }

    public int numIterations() {
        return numIterations;
    }

    public RampMode mode() {
        return mode;
    }

    public double smoothing() {
        return smoothing;
    }

    public double divergenceThreshold() {
        return divergenceThreshold;
    }

    public SuggestionMethod suggestionMethod() {
        return suggestionMethod;
    }

    public double valleyFraction() {
        return valleyFraction;
    }

    /** Training batches from either iterator type, reset and reused when they run out. */
    private static final class Batches {
        private final BooleanSupplier hasNext;
        private final Supplier<?> next;
        private final Runnable reset;
        private final boolean resetSupported;
        private final BiConsumer<NetworkAdapter, Object> fit;
        private int served;

        Batches(BooleanSupplier hasNext, Supplier<?> next, Runnable reset, boolean resetSupported,
                BiConsumer<NetworkAdapter, Object> fit) {
            this.hasNext = hasNext;
            this.next = next;
            this.reset = reset;
            this.resetSupported = resetSupported;
            this.fit = fit;
        }

        void requireNonEmpty() {
            if (!hasNext.getAsBoolean() && resetSupported) {
                reset.run();
            }
            if (!hasNext.getAsBoolean()) {
                throw new IllegalArgumentException("Expected a non-empty training iterator, but it has no minibatches"
                        + (resetSupported ? "" : " and does not support reset()"));
            }
        }

        void fitNext(NetworkAdapter net) {
            if (!hasNext.getAsBoolean()) {
                if (!resetSupported) {
                    throw new IllegalArgumentException("Expected a training iterator that supports reset() or has at "
                            + "least numIterations minibatches, but it ran out after " + served + " and cannot be reset");
                }
                reset.run();
            }
            fit.accept(net, next.get());
            served++;
        }

        void resetIfPossible() {
            if (resetSupported) {
                reset.run();
            }
        }
    }

    /** Settings of a range test; defaults follow fastai: 1e-7 to 10 over 100 exponential steps. */
    public static final class Builder {
        private double startLr = 1e-7;
        private double endLr = 10;
        private int numIterations = 100;
        private RampMode mode = RampMode.EXPONENTIAL;
        private double smoothing = 0.98;
        private double divergenceThreshold = 4.0;
        private SuggestionMethod suggestion = SuggestionMethod.AUTO;
        private double valleyFraction = SuggestionRules.DEFAULT_VALLEY_FRACTION;
        private DataSetIterator validation;
        private MultiDataSetIterator multiValidation;

        private Builder() {
        }

        /** First learning rate; finite, {@code > 0}. Default 1e-7. */
        public Builder startLr(double startLr) {
            this.startLr = startLr;
            return this;
        }

        /** Last learning rate; finite, {@code > startLr}. Default 10. */
        public Builder endLr(double endLr) {
            this.endLr = endLr;
            return this;
        }

        /** Maximum number of steps; {@code >= 2}. Default 100. */
        public Builder numIterations(int numIterations) {
            this.numIterations = numIterations;
            return this;
        }

        /** EXPONENTIAL (default) or LINEAR ramp. */
        public Builder mode(RampMode mode) {
            this.mode = mode;
            return this;
        }

        /** EMA factor beta in [0, 1); 0 disables smoothing. Default 0.98. */
        public Builder smoothing(double beta) {
            this.smoothing = beta;
            return this;
        }

        /** Stop when the smoothed loss exceeds this multiple of its minimum; {@code > 1}. Default 4. */
        public Builder divergenceThreshold(double threshold) {
            this.divergenceThreshold = threshold;
            return this;
        }

        /**
         * The rule behind {@link LrFinderResult#suggestion()}. Default {@code AUTO}: BLEND for Adam-type
         * updaters, MINIMUM_DIV_10 for the others (SGD, Nesterovs, RmsProp, AdaGrad), the rules with the lowest
         * regret per family against the best LR of a half-decade grid in {@code SuggestionRegretBenchmark};
         * fastai's VALLEY suggested too low for all of them.
         */
        public Builder suggestion(SuggestionMethod method) {
            this.suggestion = method;
            return this;
        }

        /** Where along the valley VALLEY suggests, in [0, 1]. */
        public Builder valleyFraction(double fraction) {
            this.valleyFraction = fraction;
            return this;
        }

        /** Validation mode: each step's loss is the mean loss over this iterator (slower). */
        public Builder validation(DataSetIterator validation) {
            this.validation = validation;
            this.multiValidation = null;
            return this;
        }

        /** Validation mode for ComputationGraphs with multi-input data. */
        public Builder validation(MultiDataSetIterator validation) {
            this.multiValidation = validation;
            this.validation = null;
            return this;
        }

        public LearningRateFinder build() {
            return new LearningRateFinder(this);
        }
    }
}
