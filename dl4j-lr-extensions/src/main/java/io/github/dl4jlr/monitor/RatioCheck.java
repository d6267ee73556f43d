package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.LossTracker;

import java.util.Arrays;
import java.util.List;

/**
 * One ratio check: iteration, epoch, learning rate, and per parameter array (forward order) its
 * update:parameter ratio, verdict and, when enabled, its step-size estimate.
 *
 * @param replica      which model it was made on (see {@link MonitorEvent#replica()})
 * @param iteration    the iteration counter of that model
 * @param epoch        its epoch counter
 * @param learningRate learning rate of the first trained layer at that step
 * @param keys         the parameter arrays, in forward order ("0_W", "conv1_b", ...)
 * @param ratios       mean|update| / mean|param| per array; NaN where the parameters are all zero
 * @param verdicts     per array: OK, HIGH, LOW, or UNDEFINED for arrays that are not judged (vectors)
 * @param stepSizes    the step-size estimate per array; NaN where none was made (not enabled, not a weight array, or
 *                     no earlier check to compare with)
 */
public record RatioCheck(int replica, int iteration, int epoch, double learningRate, List<String> keys,
                         double[] ratios, List<RatioVerdict> verdicts, double[] stepSizes) {

    /**
     * Copies the arrays and lists; all must have one entry per parameter array.
     *
     * @param replica which model it was made on (see {@link MonitorEvent#replica()})
     * @param iteration the iteration counter of that model
     * @param epoch its epoch counter
     * @param learningRate learning rate of the first trained layer at that step
     * @param keys the parameter arrays, in forward order ("0_W", "conv1_b", ...)
     * @param ratios mean|update| / mean|param| per array; NaN where the parameters are all zero
     * @param verdicts per array: OK, HIGH, LOW, or UNDEFINED for arrays that are not judged (vectors)
     * @param stepSizes the step-size estimate per array; NaN where none was made (not enabled, not a weight array, or
     *     no earlier check to compare with)
     */
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

    /** @return mean|update| / mean|param| per array; NaN where the parameters are all zero */
    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    /**
     * @return the step-size estimate per array; NaN where none was made (not enabled, not a weight array, or no
     *     earlier check to compare with)
     */
    @Override
    public double[] stepSizes() {
        return stepSizes.clone();
    }

    /**
     * The ratio of {@code key}, or NaN if it was not checked.
     *
     * @param key a parameter key, e.g. {@code "0_W"}
     * @return the ratio of {@code key}, or NaN if it was not checked
     */
    public double ratio(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Double.NaN : ratios[i];
    }

    /**
     * The step-size estimate of {@code key}, or NaN if there is none.
     *
     * @param key a parameter key, e.g. {@code "0_W"}
     * @return the step-size estimate of {@code key}, or NaN if there is none
     */
    public double stepSize(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Double.NaN : stepSizes[i];
    }

    /**
     * The median ratio over the judged (weight) arrays; NaN when none was judged.
     *
     * @return the median ratio over the judged (weight) arrays; NaN when none was judged
     */
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
