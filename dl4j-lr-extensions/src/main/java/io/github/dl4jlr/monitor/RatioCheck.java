package io.github.dl4jlr.monitor;

import java.util.List;

/**
 * One ratio check: iteration, epoch, learning rate, and per parameter array (forward order) its
 * update:parameter ratio and verdict.
 */
public record RatioCheck(int iteration, int epoch, double learningRate, List<String> keys, double[] ratios,
                         List<RatioVerdict> verdicts) {

    public RatioCheck {
        keys = List.copyOf(keys);
        ratios = ratios.clone();
        verdicts = List.copyOf(verdicts);
    }

    @Override
    public double[] ratios() {
        return ratios.clone();
    }

    /** The ratio of {@code key}, or NaN if it was not checked. */
    public double ratio(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Double.NaN : ratios[i];
    }
}
