package io.github.dl4jlr.finder;

import io.github.dl4jlr.finder.SuggestionRules.Suggestion;
import io.github.dl4jlr.internal.nn.ChanceLevel;
import io.github.dl4jlr.internal.util.LossTracker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The immutable outcome of a range test: the learning rates tried, the raw and smoothed losses, why it stopped,
 * the {@link UpdaterFamily} of the network, suggestions by every {@link SuggestionMethod}, and, when the confirmation
 * stage ran, every candidate's trial ({@link #confirmation()}). Arrays are copies.
 */
public final class LrFinderResult {

    private final double[] lrs;
    private final double[] losses;
    private final double[] smoothed;
    private final StopReason stopReason;
    private final SuggestionMethod defaultMethod;
    private final double valleyFraction;
    private final UpdaterFamily family;
    private final Confirmation confirmation;
    private final double sweepSeconds;
    private final double chanceLoss;
    private final int priorIterations;
    private final double[] momenta;
    private final double[] readRates;
    private final boolean frozenLayers;

    /**
     * {@code family} is null when no step ran (the listener never saw the network); {@code priorIterations} is the
     * network's iteration counter when the sweep started; {@code momenta} are the Nesterov momentum of every step when
     * every trained layer has DL4J's {@code Nesterovs}, null otherwise.
     */
    LrFinderResult(double[] lrs, double[] losses, double[] smoothed, StopReason stopReason,
                   SuggestionMethod defaultMethod, double valleyFraction, UpdaterFamily family, int priorIterations,
                   double[] momenta) {
        this(lrs, losses, smoothed, stopReason, defaultMethod, valleyFraction, family, null, Double.NaN, Double.NaN,
                priorIterations, momenta, false);
    }

    private LrFinderResult(double[] lrs, double[] losses, double[] smoothed, StopReason stopReason,
                           SuggestionMethod defaultMethod, double valleyFraction, UpdaterFamily family,
                           Confirmation confirmation, double sweepSeconds, double chanceLoss, int priorIterations,
                           double[] momenta, boolean frozenLayers) {
        this.lrs = lrs.clone();
        this.losses = losses.clone();
        this.smoothed = smoothed.clone();
        this.stopReason = stopReason;
        this.defaultMethod = defaultMethod;
        this.valleyFraction = valleyFraction;
        this.family = family;
        this.confirmation = confirmation;
        this.sweepSeconds = sweepSeconds;
        this.chanceLoss = chanceLoss;
        this.priorIterations = priorIterations;
        this.momenta = momenta == null ? null : momenta.clone();
        this.readRates = momenta == null ? this.lrs : MomentumLag.equivalentRates(this.lrs, momenta);
        this.frozenLayers = frozenLayers;
    }

    /** This result with the confirmation stage's outcome and the sweep's wall-clock time. */
    LrFinderResult with(Confirmation c, double sweepSeconds) {
        return new LrFinderResult(lrs, losses, smoothed, stopReason, defaultMethod, valleyFraction, family, c,
                sweepSeconds, chanceLoss, priorIterations, momenta, frozenLayers);
    }

    /** This result with the chance level of the data the sweep saw. */
    LrFinderResult withChanceLoss(double chance) {
        return new LrFinderResult(lrs, losses, smoothed, stopReason, defaultMethod, valleyFraction, family,
                confirmation, sweepSeconds, chance, priorIterations, momenta, frozenLayers);
    }

    /** This result of a network with or without frozen layers. */
    LrFinderResult withFrozenLayers(boolean frozen) {
        return new LrFinderResult(lrs, losses, smoothed, stopReason, defaultMethod, valleyFraction, family,
                confirmation, sweepSeconds, chanceLoss, priorIterations, momenta, frozen);
    }

    /**
     * Whether the network had frozen layers ({@code TransferLearning}'s feature extractors): a pretrained network
     * being fine-tuned. Its sweep trains only the layers above them, whose loss keeps falling to rates that a full
     * training does not stand, so the default lets the trials choose among the curve's rules.
     *
     * @return true when a layer of the network was frozen
     */
    public boolean frozenLayers() {
        return frozenLayers;
    }

    /**
     * The loss of a network that knows only the class frequencies of the minibatches the sweep saw (for softmax or
     * sigmoid cross-entropy outputs), or their targets' mean (for unweighted mean squared error and L2 outputs).
     *
     * @return that loss; NaN when the outputs' loss is another one, or no minibatch had labels
     */
    public double chanceLoss() {
        return chanceLoss;
    }

    /**
     * The network's loss as the sweep found it: the median of the first (at most 5) losses, taken at rates far too
     * small to change it.
     *
     * @return that loss; NaN before any step
     */
    public double startLoss() {
        int n = Math.min(5, losses.length);
        return n == 0 ? Double.NaN : LossTracker.medianIgnoringNaN(Arrays.copyOf(losses, n));
    }

    /**
     * The network's iteration counter when the sweep started: the minibatches it had been fitted on (DL4J counts them
     * across {@code fit} calls and keeps the count in a saved model; a network rebuilt by {@code TransferLearning}
     * starts again from 0).
     *
     * @return that count; 0 for a fresh network
     */
    public int priorIterations() {
        return priorIterations;
    }

    /**
     * Whether the network had been trained before the sweep: fitted on at least as many minibatches as the sweep
     * itself took ({@link #priorIterations()} at least {@link #iterations()}), or its loss already below
     * {@value ChanceLevel#LEARNED} of {@link #chanceLoss()}. Its curve is then not a fresh network's, whatever its
     * shape, so the finder reads it like a flat one (trials over the range the sweep proved stable). The count is the
     * surer sign: on tables where even a good network stays near its chance level (churn, 3 epochs: 0.58 to 0.78 of
     * it) the loss alone took trained networks for fresh ones. A network fitted for fewer steps than the sweep is
     * still close to its initial weights, so its curve is read as a fresh network's.
     *
     * @return whether the network was fitted at least as long as the sweep, or its start loss is below three quarters
     *         of the chance level
     */
    public boolean trained() {
        return fittedLonger() || learned();
    }

    /** Whether the network had been fitted on at least as many minibatches as the sweep took. */
    boolean fittedLonger() {
        return priorIterations > 0 && priorIterations >= iterations();
    }

    /** Whether the start loss is below three quarters of the chance level; false when either is unknown. */
    boolean learned() {
        return ChanceLevel.learned(startLoss(), chanceLoss);
    }

    /** Whether the rules cannot read this curve: it is flat, or the network had been trained ({@link #trained()}). */
    boolean unreadable() {
        return flat() || trained();
    }

    /**
     * Whether the default lets trials decide: the curve is unreadable, or the network has frozen layers (the trials
     * then take the curve's rules as candidates).
     */
    boolean needsTrials() {
        return unreadable() || frozenLayers;
    }

    /**
     * The learning rate used at each recorded step.
     *
     * @return the learning rate used at each recorded step
     */
    public double[] learningRates() {
        return lrs.clone();
    }

    /**
     * The loss recorded at each step: the minibatch score, or the mean validation loss in validation mode.
     *
     * @return the loss recorded at each step
     */
    public double[] losses() {
        return losses.clone();
    }

    /**
     * Bias-corrected exponential moving average of {@link #losses()}; NaN where the loss was not finite.
     *
     * @return bias-corrected exponential moving average of {@link #losses()}; NaN where the loss was not finite
     */
    public double[] smoothedLosses() {
        return smoothed.clone();
    }

    /**
     * Steps of the sweep.
     *
     * @return steps of the sweep
     */
    public int iterations() {
        return lrs.length;
    }

    /** @return why the sweep ended */
    public StopReason stopReason() {
        return stopReason;
    }

    /**
     * The LR at which the run stopped for divergence (or a non-finite loss); empty if it completed.
     *
     * @return the LR at which the run stopped for divergence (or a non-finite loss); empty if it completed
     */
    public OptionalDouble divergedAt() {
        boolean diverged = stopReason == StopReason.DIVERGED || stopReason == StopReason.NON_FINITE;
        return diverged && lrs.length > 0 ? OptionalDouble.of(lrs[lrs.length - 1]) : OptionalDouble.empty();
    }

    /**
     * How far the smoothed loss fell during the sweep ({@link SuggestionRules#fall}); NaN for a curve too short.
     *
     * @return how far the smoothed loss fell during the sweep ({@link SuggestionRules#fall}); NaN for a curve too short
     */
    public double fall() {
        return SuggestionRules.fall(lrs, smoothed);
    }

    /**
     * True when the curve has no falling stretch to read ({@link SuggestionRules#flat}): the loss was lowest while
     * the LR was still tiny, as on a network that is already trained. The curve rules then read noise, and the
     * default confirmation runs the trials.
     *
     * @return true when the curve has no falling stretch to read ({@link SuggestionRules#flat})
     */
    public boolean flat() {
        return SuggestionRules.flat(lrs, smoothed);
    }

    /**
     * The confirmation stage's trials and winner; empty when it did not run (or the listener ran alone).
     *
     * @return the confirmation stage's trials and winner; empty when it did not run (or the listener ran alone)
     */
    public Optional<Confirmation> confirmation() {
        return Optional.ofNullable(confirmation);
    }

    /**
     * Wall-clock seconds of the sweep; NaN when the listener ran in a loop of the user's own.
     *
     * @return wall-clock seconds of the sweep; NaN when the listener ran in a loop of the user's own
     */
    public double sweepSeconds() {
        return sweepSeconds;
    }

    /**
     * Training iterations of the sweep plus the confirmation trials: the finder's cost.
     *
     * @return training iterations of the sweep plus the confirmation trials
     */
    public int totalIterations() {
        return lrs.length + (confirmation == null ? 0 : confirmation.iterations());
    }

    /**
     * The suggestion of the configured method; empty when the curve is too short (e.g. diverged at once).
     *
     * @return the suggestion of the configured method; empty when the curve is too short (e.g. it diverged at once)
     */
    public OptionalDouble suggestion() {
        return suggestion(defaultMethod);
    }

    /**
     * @param method a rule, or {@code AUTO} / {@code CONFIRMED}
     * @return that rule's reading of the curve (or the trials' winner), empty when it has none
     */
    public OptionalDouble suggestion(SuggestionMethod method) {
        Optional<Suggestion> s = detail(method);
        return s.isPresent() ? OptionalDouble.of(s.get().learningRate()) : OptionalDouble.empty();
    }

    /**
     * The suggestion with the curve point it was read from. AUTO is resolved for this network's updater family;
     * CONFIRMED is the winning candidate (reported under its first rule, or as CONFIRMED for a point of a flat curve's
     * stable bracket, which no rule read), or AUTO when there is none.
     *
     * @param method a rule
     * @return the suggestion with the curve point it was read from
     */
    public Optional<Suggestion> detail(SuggestionMethod method) {
        if (method == SuggestionMethod.CONFIRMED && confirmation != null && confirmation.winner().isPresent()) {
            Candidate c = confirmation.winner().get().candidate();
            return Optional.of(new Suggestion(c.fromBracket() ? SuggestionMethod.CONFIRMED : c.methods().get(0),
                    c.curveIndex(), c.learningRate()));
        }
        return SuggestionRules.suggest(resolve(method), readRates, smoothed, valleyFraction);
    }

    /**
     * The constant rates the curve's points stand for, which the curve rules read: the sweep's own rates, except under
     * DL4J's {@code Nesterovs}, whose velocity still carries the smaller rates of the steps before
     * ({@link MomentumLag}).
     */
    double[] readRates() {
        return readRates.clone();
    }

    /**
     * The Nesterov momentum of each step, when every trained layer has DL4J's {@code Nesterovs} (the smallest of the
     * layers' at that step): that updater folds the rate into its velocity, so during the sweep each step carries the
     * smaller rates before it, and the point at rate {@code lr} shows what a constant run at a lower rate does (about
     * 0.46 of it with momentum 0.9 and the default sweep). Every curve rule's suggestion is that lower rate.
     *
     * @return the momentum of each step; empty for every other updater, whose curve is read at the sweep's own rates
     */
    public Optional<double[]> nesterovMomenta() {
        return momenta == null ? Optional.empty() : Optional.of(momenta.clone());
    }

    /**
     * Whether {@code method} is answered by a confirmation winner (false: by a curve rule).
     *
     * @param method a rule
     * @return whether {@code method} is answered by a confirmation winner (false
     */
    public boolean confirmedBy(SuggestionMethod method) {
        return method == SuggestionMethod.CONFIRMED && confirmation != null && confirmation.winner().isPresent();
    }

    /**
     * The configured method, possibly AUTO or CONFIRMED.
     *
     * @return the configured method, possibly AUTO or CONFIRMED
     */
    public SuggestionMethod method() {
        return defaultMethod;
    }

    /**
     * The concrete curve rule behind {@code method} for this network (AUTO and CONFIRMED's fallback resolved).
     *
     * @param method a rule
     * @return the concrete curve rule behind {@code method} for this network (AUTO and CONFIRMED's fallback resolved)
     */
    public SuggestionMethod resolve(SuggestionMethod method) {
        return method.resolve(family);
    }

    /**
     * ADAM or OTHER, read from the network's updaters; empty when no step ran.
     *
     * @return {@code ADAM} or {@code OTHER}, read from the network's updaters; empty when no step ran
     */
    public Optional<UpdaterFamily> updaterFamily() {
        return Optional.ofNullable(family);
    }

    /**
     * One line for the log, e.g. {@code LR finder: 87 iterations, diverged at lr=3.2e-01; suggestion (confirmed:
     * blend won 65-iteration trials on 5 held-back training minibatches (the lowest rate within 5% of the best loss);
     * candidates: the curve's rules)=4.2e-03, valley=1.1e-03, ...; trials (held-out loss before them 2.31):
     * 1.1e-03 loss 0.612, 4.2e-03 loss 0.587 (won), 1.6e-02 loss 0.701, 8.0e-02 diverged}.
     *
     * @return one line for the log
     */
    public String summary() {
        return FinderSummary.of(this);
    }

    @Override
    public String toString() {
        return summary();
    }

    /**
     * Loss against learning rate on a log axis, raw and smoothed, with every concrete rule's suggestion marked; when
     * the confirmation stage ran, a second panel below shows each candidate's held-out loss during its trial.
     *
     * @throws IllegalStateException when XChart (an optional dependency) is not on the classpath
     * @param png the PNG file to write
     * @return loss against learning rate on a log axis, raw and smoothed, with every concrete rule's suggestion marked; when the confirmation stage ran, a second panel below shows each candidate's held-out loss during its trial
     * @throws IOException if writing fails
     */
    public Path savePlot(Path png) throws IOException {
        return FinderFiles.savePlot(this, png);
    }

    /**
     * Writes {@code iteration,lr,loss,smoothed_loss}, atomically.
     *
     * @param csv the CSV file to write
     * @return {@code csv}
     * @throws IOException if writing fails
     */
    public Path writeCsv(Path csv) throws IOException {
        return FinderFiles.writeCsv(this, csv);
    }

    /**
     * Writes the confirmation trials, atomically:
     * {@code candidate,lr,methods,trial_iteration,heldout_loss,diverged,won}, one row per candidate and checkpoint
     * (no rows when the stage did not run).
     *
     * @param csv the CSV file to write
     * @return {@code csv}
     * @throws IOException if writing fails
     */
    public Path writeTrialsCsv(Path csv) throws IOException {
        return FinderFiles.writeTrialsCsv(this, csv);
    }
}
