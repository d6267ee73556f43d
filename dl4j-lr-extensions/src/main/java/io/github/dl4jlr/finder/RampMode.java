package io.github.dl4jlr.finder;

/** How the range test moves the learning rate from {@code startLr} to {@code endLr} over {@code n} steps. */
public enum RampMode {
    /** {@code lr_i = start * (end/start)^(i/(n-1))}: equal steps in log-LR (fastai's default). */
    EXPONENTIAL {
        @Override
        public double lrAt(double startLr, double endLr, int i, int n) {
            return i >= n - 1 ? endLr : startLr * Math.pow(endLr / startLr, (double) i / (n - 1));
        }
    },
    /** {@code lr_i = start + (end - start) * i/(n-1)}: Smith's original linear ramp. */
    LINEAR {
        @Override
        public double lrAt(double startLr, double endLr, int i, int n) {
            return i >= n - 1 ? endLr : startLr + (endLr - startLr) * i / (n - 1);
        }
    };

    /**
     * The learning rate of step {@code i} (0-based) of {@code n}; {@code endLr} from step {@code n-1} on.
     *
     * @param startLr the start lr
     * @param endLr the end lr
     * @param i the i
     * @param n the n
     * @return the learning rate of step {@code i} (0-based) of {@code n}; {@code endLr} from step {@code n-1} on
     */
    public abstract double lrAt(double startLr, double endLr, int i, int n);
}
