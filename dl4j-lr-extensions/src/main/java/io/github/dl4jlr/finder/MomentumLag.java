package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.util.Args;

/**
 * The constant rates that the steps of a range test under DL4J's {@code Nesterovs} stand for. That updater folds the
 * learning rate into its velocity ({@code v = μv − lr·g}) and steps by {@code (1 + μ)·lr·g − μ²·v_prev}, so during a
 * sweep the velocity still holds the smaller rates of the steps before. For a steady gradient the step at sweep step
 * {@code t} (from a zero velocity) is {@code L_t·g / (1 − μ)} with
 *
 * <pre>  L_t = (1 − μ) · ((1 + μ)·lr_t + μ² · Σ_{k ≥ 0} μ^k · lr_{t−1−k})</pre>
 *
 * while a run at a constant rate {@code L} steps {@code L·g / (1 − μ)}: the curve at {@code lr_t} shows what a
 * constant run at {@code L_t} does, and the curve rules read {@code L_t}. A momentum that changes along the sweep (a
 * schedule) enters per step: {@code L_t = (1 − μ_t)((1 + μ_t) lr_t + μ_t² S_{t−1})} with {@code S_t = μ_t S_{t−1} +
 * lr_t}, {@code S_{−1} = 0}, as the updater builds its velocity. On an exponential sweep whose rate grows by
 * {@code q} per step, {@code L_t / lr_t} tends to {@code (1 − μ)·((1 + μ) + μ² / (q − μ))}. (PyTorch's SGD multiplies
 * the velocity by the rate at each step instead, so its sweep has no such lag.)
 *
 * <p>Worked values, μ = 0.9 and rates 1, 2, 4, 8, ... ({@code q = 2}): {@code L_0 = 0.19}, {@code L_1 = 0.1 · (3.8 +
 * 0.81) = 0.461}, {@code L_2 = 0.1 · (7.6 + 0.81 · 2.9) = 0.9949}; {@code L_t / lr_t} tends to {@code 0.1 · (1.9 + 0.81
 * / 1.1) = 0.2636}. The finder's default sweep (1e-7 to 10 over 100 steps, {@code q = 1.205}) reads 0.456 of its rate
 * once the first steps are past.
 */
final class MomentumLag {

    private MomentumLag() {
    }

    /**
     * The constant rates {@code L_t} that the steps of a sweep over {@code lrs} stand for.
     *
     * @param lrs     the rates of the sweep's steps, from the first (whose velocity was zero)
     * @param momenta the Nesterov momentum μ_t of each step, in [0, 1)
     * @return {@code L_t} for every step
     */
    static double[] equivalentRates(double[] lrs, double[] momenta) {
        Args.notNull("lrs", lrs);
        Args.notNull("momenta", momenta);
        Args.check(momenta.length == lrs.length, "one momentum per rate (" + lrs.length + ")", momenta.length);
        double[] out = new double[lrs.length];
        double earlier = 0; // S_{t-1}: the velocity before step t, per unit of gradient
        for (int t = 0; t < lrs.length; t++) {
            double mu = momenta[t];
            Args.check(mu >= 0 && mu < 1, "momentum in [0, 1)", mu);
            out[t] = (1 - mu) * ((1 + mu) * lrs[t] + mu * mu * earlier);
            earlier = mu * earlier + lrs[t];
        }
        return out;
    }
}
