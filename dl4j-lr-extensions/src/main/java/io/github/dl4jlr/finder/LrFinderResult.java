package io.github.dl4jlr.finder;

import io.github.dl4jlr.finder.SuggestionRules.Suggestion;
import io.github.dl4jlr.plot.LinePlot;
import io.github.dl4jlr.plot.PlotSupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The immutable outcome of a range test: the learning rates tried, the raw and smoothed losses, why it stopped,
 * the {@link UpdaterFamily} of the network, and suggestions by every {@link SuggestionMethod}. Arrays are copies.
 */
public final class LrFinderResult {

    private final double[] lrs;
    private final double[] losses;
    private final double[] smoothed;
    private final StopReason stopReason;
    private final SuggestionMethod defaultMethod;
    private final double valleyFraction;
    private final UpdaterFamily family;

    /** {@code family} is null when no step ran (the listener never saw the network). */
    LrFinderResult(double[] lrs, double[] losses, double[] smoothed, StopReason stopReason,
                   SuggestionMethod defaultMethod, double valleyFraction, UpdaterFamily family) {
        this.lrs = lrs.clone();
        this.losses = losses.clone();
        this.smoothed = smoothed.clone();
        this.stopReason = stopReason;
        this.defaultMethod = defaultMethod;
        this.valleyFraction = valleyFraction;
        this.family = family;
    }

    /** The learning rate used at each recorded step. */
    public double[] learningRates() {
        return lrs.clone();
    }

    /** The loss recorded at each step: the minibatch score, or the mean validation loss in validation mode. */
    public double[] losses() {
        return losses.clone();
    }

    /** Bias-corrected exponential moving average of {@link #losses()}; NaN where the loss was not finite. */
    public double[] smoothedLosses() {
        return smoothed.clone();
    }

    public int iterations() {
        return lrs.length;
    }

    public StopReason stopReason() {
        return stopReason;
    }

    /** The LR at which the run stopped for divergence (or a non-finite loss); empty if it completed. */
    public OptionalDouble divergedAt() {
        boolean diverged = stopReason == StopReason.DIVERGED || stopReason == StopReason.NON_FINITE;
        return diverged && lrs.length > 0 ? OptionalDouble.of(lrs[lrs.length - 1]) : OptionalDouble.empty();
    }

    /** The suggestion of the configured method; empty when the curve is too short (e.g. diverged at once). */
    public OptionalDouble suggestion() {
        return suggestion(defaultMethod);
    }

    public OptionalDouble suggestion(SuggestionMethod method) {
        Optional<Suggestion> s = detail(method);
        return s.isPresent() ? OptionalDouble.of(s.get().learningRate()) : OptionalDouble.empty();
    }

    /**
     * The suggestion with the curve point it was read from; AUTO is resolved for this network's updater family,
     * so the returned {@link Suggestion#method()} is always a concrete rule.
     */
    public Optional<Suggestion> detail(SuggestionMethod method) {
        return SuggestionRules.suggest(resolve(method), lrs, smoothed, valleyFraction);
    }

    /** The configured method, possibly AUTO. */
    public SuggestionMethod method() {
        return defaultMethod;
    }

    /** The concrete rule behind {@code method} for this network: AUTO resolved by {@link #updaterFamily()}. */
    public SuggestionMethod resolve(SuggestionMethod method) {
        return method.resolve(family);
    }

    /** ADAM or OTHER, read from the network's updaters; empty when no step ran. */
    public Optional<UpdaterFamily> updaterFamily() {
        return Optional.ofNullable(family);
    }

    /**
     * One line for the log, e.g. {@code LR finder: 87 iterations, diverged at lr=3.2e-01; suggestion
     * (auto: blend for an Adam-type updater)=4.2e-03, valley=1.1e-03, steepest=1.5e-03, min/10=1.6e-02}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder("LR finder: ").append(lrs.length).append(" iterations, ");
        switch (stopReason) {
            case DIVERGED:
                b.append("diverged at lr=").append(fmt(divergedAt().getAsDouble()));
                break;
            case NON_FINITE:
                b.append("loss became non-finite at lr=").append(fmt(divergedAt().getAsDouble()));
                break;
            case RUNNING:
                b.append("still running");
                break;
            default:
                b.append("completed without diverging (consider a larger endLr)");
        }
        if (!suggestion().isPresent()) {
            return b.append("; no suggestion: the loss diverged within the first steps, so the LR range starts too "
                    + "high (lower startLr), or too few steps ran").toString();
        }
        SuggestionMethod used = resolve(defaultMethod);
        b.append("; suggestion (");
        if (defaultMethod.isConcrete()) {
            b.append(used.label());
        } else {
            b.append(defaultMethod.label()).append(": ").append(used.label()).append(" for ")
                    .append(family == UpdaterFamily.ADAM ? "an Adam-type updater" : "a non-Adam updater");
        }
        b.append(")=").append(fmt(suggestion().getAsDouble()));
        for (SuggestionMethod m : SuggestionMethod.values()) {
            if (m != used && m.isConcrete()) {
                OptionalDouble s = suggestion(m);
                b.append(", ").append(m.label()).append('=').append(s.isPresent() ? fmt(s.getAsDouble()) : "n/a");
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Loss against learning rate on a log axis, raw and smoothed, with every concrete rule's suggestion marked. */
    public Path savePlot(Path png) throws IOException {
        PlotSupport.requireXChart();
        LinePlot plot = LinePlot.create("LR range test", "learning rate (log)", "loss")
                .logX(true)
                .line("loss", lrs, losses)
                .line("smoothed loss", lrs, smoothed);
        for (SuggestionMethod m : SuggestionMethod.values()) {
            Optional<Suggestion> s = m.isConcrete() ? detail(m) : Optional.empty();
            if (s.isPresent()) {
                plot.markers(m.label() + " " + fmt(s.get().learningRate()),
                        new double[]{s.get().learningRate()}, new double[]{smoothed[s.get().index()]});
            }
        }
        return plot.savePng(png);
    }

    /** Writes {@code iteration,lr,loss,smoothed_loss}. */
    public Path writeCsv(Path csv) throws IOException {
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("iteration,lr,loss,smoothed_loss");
            w.newLine();
            for (int i = 0; i < lrs.length; i++) {
                w.write(i + "," + lrs[i] + "," + losses[i] + "," + smoothed[i]);
                w.newLine();
            }
        }
        return csv;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
