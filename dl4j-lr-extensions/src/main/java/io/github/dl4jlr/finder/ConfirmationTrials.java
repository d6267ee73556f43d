package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.TrainingSnapshot;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The finder's confirmation stage (the decisions are {@link ConfirmationRules}'): takes the candidates (the curve's
 * rules on a falling curve, the stable bracket on a flat one), trains each for a short fixed-rate trial from the same
 * starting state (restored exactly between trials, the same minibatches in the same order), measures each on held-out
 * data (and the network as it came, the baseline every trial is read against), extends a stable bracket when an end
 * of it has the lowest loss by more than the tolerance, and names the winner.
 */
final class ConfirmationTrials {

    /** Training minibatches held back for the trials' held-out loss when no validation iterator is set. */
    static final int HELD_OUT_BATCHES = 5;

    private final NetworkAdapter net;
    private final FinderBatches batches;
    private final TrainingSnapshot start;
    private final ToDoubleFunction<NetworkAdapter> validation;
    private final int length;
    private final int[] checkpoints;

    /**
     * @param validation the validation loss, or null to hold back training minibatches
     * @param length     iterations per trial
     */
    ConfirmationTrials(NetworkAdapter net, FinderBatches batches, TrainingSnapshot start,
                       ToDoubleFunction<NetworkAdapter> validation, int length) {
        this.net = net;
        this.batches = batches;
        this.start = start;
        this.validation = validation;
        this.length = length;
        this.checkpoints = ConfirmationRules.checkpoints(length);
    }

    Confirmation run(LrFinderResult swept, double startLr, double valleyFraction) {
        long t0 = System.nanoTime();
        double[] lrs = swept.learningRates();
        boolean flat = swept.unreadable();
        double top = swept.divergedAt().orElse(lrs.length == 0 ? Double.NaN : lrs[lrs.length - 1]);
        List<Candidate> candidates = new ArrayList<>();
        if (flat) {
            for (double lr : ConfirmationRules.stableBracket(top, startLr)) {
                candidates.add(bracketPoint(lr, top, lrs));
            }
        } else {
            candidates.addAll(ConfirmationRules.candidates(swept.readRates(), swept.smoothedLosses(), valleyFraction,
                    ConfirmationRules.DEFAULT_MERGE_FACTOR));
        }
        if (candidates.isEmpty()) {
            return Confirmation.skipped("the curve gives no candidate");
        }
        String heldOutText;
        ToDoubleFunction<NetworkAdapter> heldOut;
        if (validation != null) {
            heldOutText = "the validation iterator";
            heldOut = validation;
        } else {
            String why = batches.cannotHoldOut();
            if (why != null) {
                return Confirmation.skipped(why);
            }
            int k = batches.holdOut(HELD_OUT_BATCHES);
            if (k == 0) {
                return Confirmation.skipped("the training iterator has a single minibatch, so none can be held back "
                        + "(set a validation iterator)");
            }
            heldOutText = k + " held-back training minibatch" + (k == 1 ? "" : "es")
                    + (swept.trained() ? " (a trained network has likely been fitted on them)" : "");
            heldOut = batches::heldOutLoss;
        }
        start.restoreInto(net);
        double startLoss = heldOut.applyAsDouble(net);
        List<TrialOutcome> trials = new ArrayList<>();
        int spent = 0;
        for (Candidate c : candidates) {
            TrialOutcome t = trial(c, heldOut);
            spent += t.iterationsRun();
            trials.add(t);
        }
        String bracket = flat ? String.format(Locale.ROOT, "half-decades below %.1e, %s: %.1e ... %.1e", top,
                swept.divergedAt().isPresent() ? "where the sweep diverged" : "the sweep's last rate (it did not "
                        + "diverge)", candidates.get(candidates.size() - 1).learningRate(),
                candidates.get(0).learningRate()) : "the curve's rules";
        for (int extensions = 0; flat && extensions < ConfirmationRules.MAX_EXTENSIONS; extensions++) {
            OptionalDouble next = ConfirmationRules.extension(trials, ConfirmationRules.DEFAULT_TOLERANCE, top,
                    startLr);
            if (next.isEmpty()) {
                break;
            }
            boolean up = trials.stream().allMatch(t -> t.candidate().learningRate() < next.getAsDouble());
            TrialOutcome t = trial(bracketPoint(next.getAsDouble(), top, lrs), heldOut);
            spent += t.iterationsRun();
            trials.add(t);
            bracket += String.format(Locale.ROOT, "; extended %s to %.1e, since the %s rate had the lowest loss by "
                    + "more than %.0f%%", up ? "up" : "down", next.getAsDouble(), up ? "largest" : "smallest",
                    100 * ConfirmationRules.DEFAULT_TOLERANCE);
        }
        int chosen = ConfirmationRules.Winner.of(flat, swept.trained())
                .pick(trials, ConfirmationRules.DEFAULT_TOLERANCE).orElse(-1);
        start.restoreInto(net);
        return new Confirmation(trials, chosen, bracket, heldOutText, startLoss, length,
                ConfirmationRules.DEFAULT_TOLERANCE, null, spent, (System.nanoTime() - t0) / 1e9);
    }

    private static Candidate bracketPoint(double lr, double top, double[] lrs) {
        int nearest = 0;
        for (int i = 1; i < lrs.length; i++) {
            if (Math.abs(Math.log(lrs[i] / lr)) < Math.abs(Math.log(lrs[nearest] / lr))) {
                nearest = i;
            }
        }
        return Candidate.ofBracket(lr, ConfirmationRules.bracketLabel(lr, top), nearest);
    }

    /** One fixed-rate trial of {@code c} from the starting state. */
    private TrialOutcome trial(Candidate c, ToDoubleFunction<NetworkAdapter> heldOut) {
        start.restoreInto(net);
        net.clearMomentumVelocity();           // it holds the rate it trained at, not the trial's
        batches.rewind();                      // every trial sees the same minibatches in the same order
        for (IUpdater u : net.trainedUpdaters()) {
            u.setLrAndSchedule(c.learningRate(), null);
        }
        double[] loss = new double[checkpoints.length];
        Arrays.fill(loss, Double.NaN);
        boolean diverged = false;
        int done = 0;
        int next = 0;
        while (done < length && !diverged) {
            batches.fitNext(net);
            done++;
            if (!Double.isFinite(net.model().score())) {
                diverged = true;
            } else if (done == checkpoints[next]) {
                loss[next] = heldOut.applyAsDouble(net);
                diverged = !Double.isFinite(loss[next]);
                next++;
            }
        }
        return new TrialOutcome(c, checkpoints, loss, diverged, done);
    }
}
