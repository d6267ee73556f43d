package io.github.dl4jlr.finder;

import io.github.dl4jlr.finder.SuggestionRules.Suggestion;
import io.github.dl4jlr.internal.plot.LinePlot;
import io.github.dl4jlr.internal.plot.PlotSupport;
import io.github.dl4jlr.internal.util.AtomicFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.github.dl4jlr.finder.FinderSummary.fmt;

/** A range test's result as files: the plot and the two CSVs of {@link LrFinderResult}, written atomically. */
final class FinderFiles {

    private FinderFiles() {
    }

    static Path savePlot(LrFinderResult r, Path png) throws IOException {
        PlotSupport.requireXChart();
        double[] lrs = r.learningRates();
        double[] smoothed = r.smoothedLosses();
        LinePlot plot = LinePlot.create("LR range test", "learning rate (log)", "loss")
                .logX(true)
                .line("loss", lrs, r.losses())
                .line("smoothed loss", lrs, smoothed);
        for (SuggestionMethod m : SuggestionMethod.values()) {
            Optional<Suggestion> s = m.isConcrete() ? r.detail(m) : Optional.empty();
            if (s.isPresent()) {
                plot.markers(m.label() + " " + fmt(s.get().learningRate()),
                        new double[]{s.get().learningRate()}, new double[]{smoothed[s.get().index()]});
            }
        }
        Confirmation confirmation = r.confirmation().orElse(null);
        if (confirmation == null || !confirmation.ran()) {
            return plot.savePng(png);
        }
        LinePlot trials = LinePlot.create("Confirmation: held-out loss during each candidate's fixed-LR trial ("
                + confirmation.heldOut() + ")", "trial iteration", "held-out loss");
        for (int i = 0; i < confirmation.trials().size(); i++) {
            TrialOutcome t = confirmation.trials().get(i);
            int[] cp = t.checkpoints();
            double[] x = new double[cp.length + 1];         // every trial starts at iteration 0 from the same loss
            double[] y = new double[cp.length + 1];
            y[0] = confirmation.startLoss();
            for (int k = 0; k < cp.length; k++) {
                x[k + 1] = cp[k];
                y[k + 1] = t.heldOutLosses()[k];
            }
            String name = t.candidate().label() + " " + fmt(t.candidate().learningRate())
                    + (t.diverged() ? " (diverged)" : i == confirmation.chosen() ? " (won)" : "");
            trials.line(name, x, y);
        }
        return LinePlot.saveStacked(png, plot, trials);
    }

    static Path writeCsv(LrFinderResult r, Path csv) throws IOException {
        double[] lrs = r.learningRates();
        double[] losses = r.losses();
        double[] smoothed = r.smoothedLosses();
        return AtomicFile.write(csv, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("iteration,lr,loss,smoothed_loss");
                w.newLine();
                for (int i = 0; i < lrs.length; i++) {
                    w.write(i + "," + lrs[i] + "," + losses[i] + "," + smoothed[i]);
                    w.newLine();
                }
            }
        });
    }

    static Path writeTrialsCsv(LrFinderResult r, Path csv) throws IOException {
        List<Confirmation.Row> rows = r.confirmation().map(Confirmation::rows).orElse(List.of());
        return AtomicFile.write(csv, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("candidate,lr,methods,trial_iteration,heldout_loss,diverged,won");
                w.newLine();
                for (Confirmation.Row row : rows) {
                    w.write(row.candidate() + "," + row.learningRate() + "," + row.methods() + ","
                            + row.trialIteration() + "," + row.heldOutLoss() + "," + row.diverged() + "," + row.won());
                    w.newLine();
                }
            }
        });
    }
}
