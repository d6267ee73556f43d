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
 * <p><b>Confirmation</b>: after the sweep the finder can check the curve's reading instead of trusting one rule.
 * It takes the distinct candidates the curve offers (valley, steepest, min/10, blend; see {@link ConfirmationRules}),
 * trains each for a short fixed-LR trial from the <em>same</em> starting state (restored exactly between trials),
 * measures the loss on held-out data, and suggests the winner ({@link SuggestionMethod#CONFIRMED}). Held-out data is
 * the validation iterator when one is set; otherwise the finder holds back the first fifth of the training
 * minibatches (at most {@value #HELD_OUT_BATCHES}, at least one) and trains the trials on the rest. A candidate
 * whose trial goes non-finite is out. Cost: at most 3x the sweep's iterations by default, plus a few held-out
 * passes. By default ({@link ConfirmMode#WHEN_FLAT}) the trials run only when the curve is flat
 * ({@link SuggestionRules#flat}: lowest while the LR is still tiny), as on a network that is already trained,
 * where every curve rule reads noise; on a curve that falls, {@link SuggestionMethod#AUTO} decides,
 * because measured against a grid of learning rates on twelve problems the trials' pick was on average no closer
 * to the best rate than AUTO's (the project README has the figures). {@link Builder#confirm()} runs them always,
 * {@link Builder#noConfirm()} never.
 *
 * <p>Validation mode ({@link Builder#validation}) records the mean loss over a validation iterator after each
 * step, as in Smith's procedure: smoother curves, but each step costs a full validation pass.
 *
 * <p>Immutable and thread-safe; each {@code find} call creates its own listener.
 */
public final class LearningRateFinder {

    /** When the confirmation trials run. */
    public enum ConfirmMode {
        /** After every sweep. */
        ALWAYS,
        /** Only when the curve is flat (the default); see {@link SuggestionRules#flat}. */
        WHEN_FLAT,
        /** Never: the suggestion comes from the curve alone. */
        NEVER
    }

    /** Training minibatches held back for the trials' held-out loss when no validation iterator is set. */
    public static final int HELD_OUT_BATCHES = 5;

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
    private final ConfirmMode confirmMode;
    private final int trialIterations;
    private final double confirmTolerance;

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
        this.suggestionMethod = b.suggestion != null ? b.suggestion
                : b.confirmMode == ConfirmMode.NEVER ? SuggestionMethod.AUTO : SuggestionMethod.CONFIRMED;
        Args.check(b.valleyFraction >= 0 && b.valleyFraction <= 1, "valleyFraction in [0, 1]", b.valleyFraction);
        this.valleyFraction = b.valleyFraction;
        this.validation = b.validation;
        this.multiValidation = b.multiValidation;
        this.confirmMode = b.confirmMode;
        this.trialIterations = b.trialIterations == 0 ? 0 : Args.positive("iterationsPerCandidate", b.trialIterations);
        this.confirmTolerance = Args.rightOpenInterval("confirmTolerance", b.confirmTolerance, 0, 1);
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
                train.resetSupported(), (net, ds) -> net.fit((DataSet) ds), (net, ds) -> net.score((DataSet) ds),
                ds -> ((DataSet) ds).copy()));
    }

    /** Runs the range test on a ComputationGraph fed by a MultiDataSetIterator and restores the model. */
    public LrFinderResult find(ComputationGraph model, MultiDataSetIterator train) {
        Args.notNull("train", train);
        return run(NetworkAdapter.of(model), new Batches(train::hasNext, train::next, train::reset,
                train.resetSupported(), (net, ds) -> net.fit((MultiDataSet) ds),
                (net, ds) -> net.score((MultiDataSet) ds), ds -> ((MultiDataSet) ds).copy()));
    }

    private LrFinderResult run(NetworkAdapter net, Batches batches) {
        requireLearningRates(net);
        batches.requireNonEmpty();
        TrainingSnapshot before = TrainingSnapshot.capture(net);
        List<TrainingListener> userListeners = new ArrayList<>(net.listeners());
        LrRangeTestListener test = listener();
        net.setListeners(List.of(test));
        LrFinderResult result;
        try {
            long t0 = System.nanoTime();
            while (!test.isDone()) {
                batches.fitNext(net);
            }
            double sweepSeconds = (System.nanoTime() - t0) / 1e9;
            LrFinderResult swept = test.result();
            net.setListeners(List.of());
            boolean trials = confirmMode == ConfirmMode.ALWAYS || (confirmMode == ConfirmMode.WHEN_FLAT && swept.flat());
            result = swept.with(trials ? confirm(net, batches, before, swept) : null, sweepSeconds);
        } finally {
            before.restoreInto(net);
            net.setListeners(userListeners);
            batches.resetIfPossible();
        }
        if (result.flat() && !result.confirmedBy(SuggestionMethod.CONFIRMED)) {
            log.warn(result.summary());
        } else {
            log.info(result.summary());
        }
        return result;
    }

    /** Trains every candidate from the same starting state and measures it on held-out data. */
    private Confirmation confirm(NetworkAdapter net, Batches batches, TrainingSnapshot start, LrFinderResult swept) {
        long t0 = System.nanoTime();
        List<Candidate> candidates = ConfirmationRules.candidates(swept.learningRates(), swept.smoothedLosses(),
                valleyFraction, ConfirmationRules.DEFAULT_MERGE_FACTOR);
        if (candidates.isEmpty()) {
            return Confirmation.skipped("the curve gives no candidate");
        }
        HeldOut heldOut;
        if (hasValidation()) {
            heldOut = new HeldOut("the validation iterator", this::validationLoss);
        } else {
            int k = batches.holdOut(HELD_OUT_BATCHES);
            if (k == 0) {
                return Confirmation.skipped("the training iterator has a single minibatch, so none can be held back "
                        + "(set a validation iterator)");
            }
            heldOut = new HeldOut(k + " held-back training minibatch" + (k == 1 ? "" : "es"), batches::heldOutLoss);
        }
        int length = trialIterations > 0 ? trialIterations : ConfirmationRules.trialIterations(swept.iterations());
        int[] checkpoints = ConfirmationRules.checkpoints(length);
        List<TrialOutcome> trials = new ArrayList<>();
        int spent = 0;
        for (Candidate c : candidates) {
            start.restoreInto(net);
            batches.rewind();                      // every trial sees the same minibatches in the same order
            for (IUpdater u : net.trainedUpdaters()) {
                u.setLrAndSchedule(c.learningRate(), null);
            }
            double[] loss = new double[checkpoints.length];
            java.util.Arrays.fill(loss, Double.NaN);
            boolean diverged = false;
            int done = 0;
            int next = 0;
            while (done < length && !diverged) {
                batches.fitNext(net);
                done++;
                if (!Double.isFinite(net.model().score())) {
                    diverged = true;
                } else if (done == checkpoints[next]) {
                    loss[next] = heldOut.loss.applyAsDouble(net);
                    diverged = !Double.isFinite(loss[next]);
                    next++;
                }
            }
            spent += done;
            trials.add(new TrialOutcome(c, checkpoints, loss, diverged, done));
        }
        start.restoreInto(net);
        int chosen = ConfirmationRules.choose(trials, confirmTolerance).orElse(-1);
        return new Confirmation(trials, chosen, heldOut.description, length, confirmTolerance, null, spent,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Where the trials' held-out loss comes from. */
    private record HeldOut(String description, java.util.function.ToDoubleFunction<NetworkAdapter> loss) {
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

    /**
     * Training batches from either iterator type, reset and reused when they run out. Once {@link #holdOut} has run,
     * the first minibatches after every reset are the held-out ones and are skipped for training.
     */
    private static final class Batches {
        private final BooleanSupplier hasNext;
        private final Supplier<?> next;
        private final Runnable reset;
        private final boolean resetSupported;
        private final BiConsumer<NetworkAdapter, Object> fit;
        private final java.util.function.ToDoubleBiFunction<NetworkAdapter, Object> score;
        private final java.util.function.UnaryOperator<Object> copy;
        private final List<Object> heldOut = new ArrayList<>();
        private int served;

        Batches(BooleanSupplier hasNext, Supplier<?> next, Runnable reset, boolean resetSupported,
                BiConsumer<NetworkAdapter, Object> fit, java.util.function.ToDoubleBiFunction<NetworkAdapter, Object> score,
                java.util.function.UnaryOperator<Object> copy) {
            this.hasNext = hasNext;
            this.next = next;
            this.reset = reset;
            this.resetSupported = resetSupported;
            this.fit = fit;
            this.score = score;
            this.copy = copy;
        }

        /**
         * Takes the first minibatches after a reset as held-out data (copies): a fifth of the epoch, at most
         * {@code max} and at least one. Reads at most {@code 5 * max} minibatches to find out. Returns how many, 0 when
         * the iterator cannot be reset or has a single minibatch.
         */
        int holdOut(int max) {
            if (!resetSupported) {
                return 0;
            }
            reset.run();
            List<Object> first = new ArrayList<>();
            while (first.size() < 5 * max && hasNext.getAsBoolean()) {
                first.add(copy.apply(next.get()));
            }
            int k = first.size() < 2 ? 0 : Math.max(1, Math.min(max, first.size() / 5));
            heldOut.addAll(first.subList(0, k));
            reset.run();
            skipHeldOut();
            return k;
        }

        /** Mean of the held-out minibatches' losses, weighted by their sizes. */
        double heldOutLoss(NetworkAdapter net) {
            double sum = 0;
            long n = 0;
            for (Object b : heldOut) {
                long size = b instanceof DataSet ? ((DataSet) b).numExamples() : ((MultiDataSet) b).getFeatures(0).size(0);
                sum += score.applyAsDouble(net, b) * size;
                n += size;
            }
            return sum / n;
        }

        /** Back to the first training minibatch after the held-out ones, when the iterator can be reset. */
        void rewind() {
            if (resetSupported) {
                reset.run();
                skipHeldOut();
            }
        }

        private void skipHeldOut() {
            for (int i = 0; i < heldOut.size() && hasNext.getAsBoolean(); i++) {
                next.get();
            }
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
                skipHeldOut();
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
        private SuggestionMethod suggestion;
        private double valleyFraction = SuggestionRules.DEFAULT_VALLEY_FRACTION;
        private DataSetIterator validation;
        private MultiDataSetIterator multiValidation;
        private ConfirmMode confirmMode = ConfirmMode.WHEN_FLAT;
        private int trialIterations;
        private double confirmTolerance = ConfirmationRules.DEFAULT_TOLERANCE;

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
         * The rule behind {@link LrFinderResult#suggestion()}. Default: {@code CONFIRMED}, which is the trials'
         * winner when they ran and {@code AUTO} (see {@link SuggestionMethod#resolve}) otherwise; {@code AUTO}
         * after {@link #noConfirm()}. Every rule's value stays available through
         * {@link LrFinderResult#suggestion(SuggestionMethod)}.
         */
        public Builder suggestion(SuggestionMethod method) {
            this.suggestion = Args.notNull("suggestion", method);
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

        /**
         * Runs the confirmation trials after every sweep, with the default length {@code max(10, 3/4 of the sweep's
         * steps)}.
         */
        public Builder confirm() {
            this.confirmMode = ConfirmMode.ALWAYS;
            this.trialIterations = 0;
            return this;
        }

        /**
         * Runs the confirmation trials after every sweep, {@code iterationsPerCandidate} steps each instead of the
         * default {@code max(10, 3/4 of the sweep's steps)}.
         */
        public Builder confirm(int iterationsPerCandidate) {
            this.confirmMode = ConfirmMode.ALWAYS;
            this.trialIterations = Args.positive("iterationsPerCandidate", iterationsPerCandidate);
            return this;
        }

        /** No confirmation trials, even on a flat curve: the suggestion comes from the curve alone. */
        public Builder noConfirm() {
            this.confirmMode = ConfirmMode.NEVER;
            return this;
        }

        /**
         * Confirmation trials only when the curve is flat (the default), with the default length; see
         * {@link ConfirmMode#WHEN_FLAT}.
         */
        public Builder confirmWhenFlat() {
            this.confirmMode = ConfirmMode.WHEN_FLAT;
            this.trialIterations = 0;
            return this;
        }

        /** The winner rule's tolerance in [0, 1); see {@link ConfirmationRules#choose}. */
        public Builder confirmTolerance(double tolerance) {
            this.confirmTolerance = tolerance;
            return this;
        }

        public LearningRateFinder build() {
            return new LearningRateFinder(this);
        }
    }
}
