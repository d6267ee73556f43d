package io.github.dl4jlr.examples.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Median and spread of repeated timings. */
record Timing(double[] samples) {

    double median() {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(samples).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(samples).max().orElse(Double.NaN);
    }

    /** Overhead of {@code this} over {@code base}, in percent, from medians. */
    double overheadPercent(Timing base) {
        return 100 * (median() / base.median() - 1);
    }

    String describe() {
        return String.format(Locale.ROOT, "median %.3f ms (min %.3f, max %.3f, n=%d)", median(), min(), max(), samples.length);
    }
}
