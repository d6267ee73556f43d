package io.github.dl4jlr.internal.rules;

import io.github.dl4jlr.control.PlateauDecision;
import io.github.dl4jlr.control.ThresholdMode;
import io.github.dl4jlr.internal.util.Args;

/**
 * The pure rule behind {@link io.github.dl4jlr.control.ReduceLROnPlateau}: given the loss of each epoch, when to cut
 * the learning rate.
 *
 * <pre>
 *   improved  = loss &lt; best * (1 - threshold)   (RELATIVE)   or   loss &lt; best - threshold   (ABSOLUTE)
 *   if improved: best = loss, badEpochs = 0   else badEpochs += 1      (NaN never improves)
 *   if cooling down: cooldownLeft -= 1, badEpochs = 0
 *   if badEpochs &gt;= patience:
 *       REDUCE (cooldownLeft = cooldown)   when the LR can still go down,
 *       EXHAUSTED                          when it is already at minLr;   then badEpochs = 0
 * </pre>
 *
 * So with patience 10 the LR is cut at the 10th consecutive epoch without improvement (Keras' counting; PyTorch
 * waits for the 11th), and EXHAUSTED means patience ran out again with nothing left to cut.
 */
public final class PlateauRules {

    /** The policy's memory between epochs. */
    public record State(double best, int badEpochs, int cooldownLeft) {
        public static final State INITIAL = new State(Double.POSITIVE_INFINITY, 0, 0);
    }

    /** The new state and the decision for one epoch. */
    public record Step(State state, PlateauDecision decision) {
    }

    private final int patience;
    private final double threshold;
    private final ThresholdMode mode;
    private final int cooldown;

    public PlateauRules(int patience, double threshold, ThresholdMode mode, int cooldown) {
        this.patience = Args.positive("patience", patience);
        this.threshold = Args.nonNegative("threshold", threshold);
        this.mode = Args.notNull("thresholdMode", mode);
        this.cooldown = Args.nonNegative("cooldown", cooldown);
    }

    /** Whether {@code loss} improves on {@code best} by more than the threshold. */
    public boolean improves(double loss, double best) {
        if (Double.isInfinite(best)) {
            return !Double.isNaN(loss);
        }
        return mode == ThresholdMode.RELATIVE ? loss < best * (1 - threshold) : loss < best - threshold;
    }

    /**
     * @param canReduce whether the learning rate is still above its floor
     */
    public Step next(State s, double loss, boolean canReduce) {
        boolean improved = improves(loss, s.best());
        double best = improved ? loss : s.best();
        int bad = improved ? 0 : s.badEpochs() + 1;
        int cooldownLeft = s.cooldownLeft();
        if (cooldownLeft > 0) {
            cooldownLeft--;
            bad = 0;
        }
        if (bad >= patience) {
            return canReduce
                    ? new Step(new State(best, 0, cooldown), PlateauDecision.REDUCE)
                    : new Step(new State(best, 0, cooldownLeft), PlateauDecision.EXHAUSTED);
        }
        return new Step(new State(best, bad, cooldownLeft), PlateauDecision.NONE);
    }

    public int patience() {
        return patience;
    }

    public double threshold() {
        return threshold;
    }

    public ThresholdMode mode() {
        return mode;
    }

    public int cooldown() {
        return cooldown;
    }
}
