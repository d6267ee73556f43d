package io.github.dl4jlr.monitor;

import io.github.dl4jlr.util.LossTracker;

import java.util.Arrays;
import java.util.List;

/**
 * One ratio check: iteration, epoch, learning rate, and per parameter array (forward order) its
 * update:parameter ratio, verdict and, when enabled, its step-size estimate (see {@link StepSizeEstimate}).
 *
 * @param stepSizes the step-size estimate per array; NaN where none was made (not enabled, not a weight array, or
 *                  no earlier check to compare with)
 */
public record RatioCheck(int iteration, int epoch, double learningRate, List<String> keys, double[] ratios,
                         List<RatioVerdict> verdicts, double[] stepSizes) {

    public RatioCheck {
        keys = List.copyOf(keys);
        ratios = ratios.clone();
        verdicts = List.copyOf(verdicts);
        stepSizes = stepSizes.clone();
        if (ratios.length != keys.size() || verdicts.size() != keys.size() || stepSizes.length != keys.size()) {
            throw new IllegalArgumentException("Expected one ratio, verdict and step size per key (" + keys.size()
                    + "), but got " + ratios.length + ", " + verdicts.size() + " and " + stepSizes.length);
        }
    }

    /** A check without step-size estimates. */
    public RatioCheck(int iteration, int epoch, double learningRate, List<String> keys, double[] ratios,
                      List<RatioVerdict> verdicts) {
        this(iteration, epoch, learningRate, keys, ratios, verdicts, nan(keys.size()));
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    @Override
    public double[] stepSizes() {
        return stepSizes.clone();
    }

    /** The ratio of {@code key}, or NaN if it was not checked. */
    public double ratio(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Double.NaN : ratios[i];
    }

    /** The step-size estimate of {@code key}, or NaN if there is none. */
    public double stepSize(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Double.NaN : stepSizes[i];
    }

    /** The median ratio over the judged (weight) arrays; NaN when none was judged. */
    public double medianJudgedRatio() {
        double[] judged = new double[keys.size()];
        int n = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (verdicts.get(i) != RatioVerdict.UNDEFINED) {
                judged[n++] = ratios[i];
            }
        }
        return LossTracker.medianIgnoringNaN(Arrays.copyOf(judged, n));
    }
}
