package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.util.Args;

/**
 * The pure arithmetic of the monitor's per-array step-size estimate {@code lr ~ sigma_theta / sigma_g}; no network
 * needed.
 *
 * <p><b>Idea</b> (Barzilai-Borwein family): on a quadratic loss with Hessian H, the gradient moves with the
 * parameters along a line, {@code delta g = H delta theta}. So the ratio of their spreads over time lies between
 * {@code 1/lambda_max} and {@code 1/lambda_min} of H, the range of step sizes that make progress, with
 * {@code 1/lambda_max} the largest step that is stable in every direction. {@code |s| / |y|} for one pair of changes is
 * the geometric mean of the two Barzilai-Borwein steps {@code s.s/s.y} and {@code s.y/y.y}.
 *
 * <p><b>Arithmetic</b>, per parameter array, from one check to the next ({@code s} = change of the parameters,
 * {@code y} = change of the mean minibatch gradient; {@code beta} = decay):
 * <pre>
 *   S = beta * S + (1 - beta) * |s|^2          Y = beta * Y + (1 - beta) * |y|^2
 *   estimate = sqrt(S / Y)                     NaN before the first pair, or when Y = 0
 * </pre>
 * The bias correction of both averages is the same factor, so it cancels in the ratio. Worked values (beta 0.9): the
 * pairs {@code (|s|^2, |y|^2) = (4, 1)} then {@code (1, 1)} give {@code sqrt(0.4 / 0.1) = 2.0}, then
 * {@code sqrt(0.46 / 0.19) = 1.556}.
 *
 * <p><b>Caveat</b>: minibatch noise adds to {@code |y|} and not to {@code |s|}, so on noisy gradients the estimate is
 * biased low. See the README for how far it landed from the best grid learning rate on real data.
 */
final class StepSizeEstimate {

    /**
     * The running moments of one array.
     *
     * @param s     EMA of {@code |s|^2}
     * @param y     EMA of {@code |y|^2}
     * @param pairs pairs seen
     */
    record State(double s, double y, int pairs) {
        static final State INITIAL = new State(0, 0, 0);
    }

    private final double beta;

    /** @param beta decay of the moving averages, in [0, 1); 0 keeps only the last pair */
    StepSizeEstimate(double beta) {
        this.beta = Args.rightOpenInterval("stepSizeDecay", beta, 0, 1);
    }

    double beta() {
        return beta;
    }

    /**
     * The moments after one more pair; a non-finite pair is skipped.
     *
     * @param ss {@code |s|^2}, the squared L2 norm of the change of the parameters since the last check
     * @param yy {@code |y|^2}, the squared L2 norm of the change of the mean gradient since the last check
     */
    State next(State st, double ss, double yy) {
        if (!Double.isFinite(ss) || !Double.isFinite(yy)) {
            return st;
        }
        return new State(beta * st.s() + (1 - beta) * ss, beta * st.y() + (1 - beta) * yy, st.pairs() + 1);
    }

    /** {@code sqrt(S / Y)}; NaN before the first pair or when the gradient never changed. */
    static double estimate(State st) {
        return st.pairs() == 0 || !(st.y() > 0) ? Double.NaN : Math.sqrt(st.s() / st.y());
    }
}
