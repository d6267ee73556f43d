package io.github.dl4jlr.updater;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.Objects;

/**
 * Prodigy (Mishchenko and Defazio, ICML 2024): Adam whose step size {@code d} is estimated while training, from how
 * far the weights have travelled from where they started. Its learning rate is a multiplier of that estimate and
 * defaults to 1; leave it there.
 *
 * <pre>{@code
 *   MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
 *           .updater(new Prodigy())               // or Prodigy.builder().weightDecay(0.01).build()
 *           .list()
 *           // ... your layers
 *           .build());
 *   net.init();
 *   LearningRateFree.attach(net);                  // required: d is global over all the network's Prodigy blocks
 * }</pre>
 *
 * <p><b>Algorithm</b>, per step k (the authors' {@code prodigyopt.Prodigy}, one parameter group), with {@code g} the
 * gradient DL4J hands the updater (averaged over the minibatch, after clipping and L1/L2), {@code p} the parameters and
 * {@code p0} their values at the first step; sums run over every parameter trained by Prodigy:
 * <pre>
 *   dlr   = d * lr * (useBiasCorrection ? sqrt(1 - beta2^(k+1)) / (1 - beta1^(k+1)) : 1)
 *   g     = g + weightDecay * p                          (only with decouple = false)
 *   numerator = beta3 * numerator + (d / d0) * dlr * sum(g . (p0 - p))
 *   m     = beta1 * m + d * (1 - beta1) * g
 *   v     = beta2 * v + d^2 * (1 - beta2) * g^2
 *   s     = beta3 * s + (d / d0) * (safeguardWarmup ? d : dlr) * g
 *   dHat  = dCoef * numerator / sum|s|                   (no step at all while sum|s| = 0)
 *   d     = max(d, dHat) at the first growth; dMax = max(dMax, dHat); d = min(dMax, d * growthRate)
 *   p     = p - weightDecay * dlr * p                    (with decouple = true)
 *   p     = p - dlr * m / (sqrt(v) + d * eps)            (beta1 = 0: p - dlr * d * g / (sqrt(v) + d * eps))
 * </pre>
 * {@code beta3} defaults to {@code sqrt(beta2)}. The learning rate (a multiplier, or a schedule of one, read at
 * DL4J's iteration and epoch counters) must be the same for every layer that uses Prodigy.
 *
 * <p><b>State</b>: four vectors per parameter ({@code m, v, s, p0}) plus six scalars per variable (the step counter,
 * {@code d}, {@code dMax}, the numerator, the latest {@code dHat}, and whether {@code p0} was taken), all in DL4J's
 * updater state, so {@code ModelSerializer} and resumed training are exact. Twice Adam's memory.
 *
 * <p><b>With the rest of DL4J</b>: layers may mix Prodigy with other updaters (a frozen layer, batch-norm statistics
 * or another updater split the network into blocks; {@code d} is then global over the Prodigy blocks only). DL4J's own
 * {@code WeightDecay} regularization is refused on Prodigy layers, since it would act outside the step: use
 * {@link Builder#weightDecay}. L1/L2 regularization and gradient clipping act on {@code g} before the step.
 *
 * <p>Validation (also of JSON): betas in [0, 1), {@code eps, d0, dCoef, lr > 0}, {@code growthRate >= 1} (or
 * {@code +Infinity}, the default: unbounded), {@code weightDecay >= 0}, all finite otherwise.
 */
public final class Prodigy implements IUpdater {

    private static final long serialVersionUID = 1L;

    /** The reference's defaults. */
    public static final double DEFAULT_LR = 1.0;
    /** The reference's beta1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The reference's beta2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** The reference's epsilon. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The reference's initial step size estimate. */
    public static final double DEFAULT_D0 = 1e-6;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private final double beta1;
    private final double beta2;
    /** Null: {@code sqrt(beta2)}. */
    private final Double beta3;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decouple;
    private final boolean useBiasCorrection;
    private final boolean safeguardWarmup;
    private final double d0;
    private final double dCoef;
    private final double growthRate;

    /** Prodigy with the reference's defaults: lr 1, betas (0.9, 0.999), d0 1e-6, no weight decay. */
    public Prodigy() {
        this(builder());
    }

    /**
     * Prodigy with another learning-rate multiplier.
     *
     * @param learningRate the multiplier of the estimated step size, {@code > 0}; 1 unless training is unstable
     */
    public Prodigy(double learningRate) {
        this(builder().learningRate(learningRate));
    }

    /**
     * Prodigy whose multiplier follows a schedule (e.g. a cosine decay from 1, which the authors suggest).
     *
     * @param learningRateSchedule the multiplier's schedule
     */
    public Prodigy(ISchedule learningRateSchedule) {
        this(builder().learningRateSchedule(learningRateSchedule));
    }

    private Prodigy(Builder b) {
        this(b.learningRate, b.learningRateSchedule, b.beta1, b.beta2, b.beta3, b.epsilon, b.weightDecay, b.decouple,
                b.useBiasCorrection, b.safeguardWarmup, b.d0, b.dCoef, b.growthRate);
    }

    private Prodigy(@JsonProperty("learningRate") double learningRate,
                    @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                    @JsonProperty("beta1") double beta1, @JsonProperty("beta2") double beta2,
                    @JsonProperty("beta3") Double beta3, @JsonProperty("epsilon") double epsilon,
                    @JsonProperty("weightDecay") double weightDecay, @JsonProperty("decouple") boolean decouple,
                    @JsonProperty("useBiasCorrection") boolean useBiasCorrection,
                    @JsonProperty("safeguardWarmup") boolean safeguardWarmup, @JsonProperty("d0") double d0,
                    @JsonProperty("dCoef") double dCoef, @JsonProperty("growthRate") double growthRate) {
        if (learningRateSchedule == null) {
            Args.positive("learningRate", learningRate);
        }
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.beta1 = Args.rightOpenInterval("beta1", beta1, 0, 1);
        this.beta2 = Args.rightOpenInterval("beta2", beta2, 0, 1);
        this.beta3 = beta3 == null ? null : Args.rightOpenInterval("beta3", beta3, 0, 1);
        this.epsilon = Args.positive("epsilon", epsilon);
        this.weightDecay = Args.nonNegative("weightDecay", weightDecay);
        this.decouple = decouple;
        this.useBiasCorrection = useBiasCorrection;
        this.safeguardWarmup = safeguardWarmup;
        this.d0 = Args.positive("d0", d0);
        this.dCoef = Args.positive("dCoef", dCoef);
        Args.check(growthRate >= 1 && !Double.isNaN(growthRate), "growthRate >= 1 (or +Infinity)", growthRate);
        this.growthRate = growthRate;
    }

    /**
     * A builder starting from the reference's defaults.
     *
     * @return a builder starting from the reference's defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public long stateSize(long numParams) {
        return 4 * numParams + ProdigyUpdater.SCALARS;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new ProdigyUpdater(this, viewArray, initializeViewArray);
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        throw new UnsupportedOperationException("Prodigy keeps its state in DL4J's flat updater view; a state map is not "
                + "supported");
    }

    @Override
    public Prodigy clone() {
        return new Prodigy(learningRate, learningRateSchedule, beta1, beta2, beta3, epsilon, weightDecay, decouple,
                useBiasCorrection, safeguardWarmup, d0, dCoef, growthRate);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule == null) {
            Args.positive("learningRate", lr);
        }
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    /**
     * The fixed multiplier (NaN-free unless a schedule is set).
     *
     * @return the multiplier of the estimated step size, {@code > 0}; 1 unless training is unstable
     */
    public double getLearningRate() {
        return learningRate;
    }

    /**
     * The multiplier's schedule, or null.
     *
     * @return the multiplier's schedule
     */
    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    /** @return decay of the first moment, in [0, 1); default 0.9 */
    public double beta1() {
        return beta1;
    }

    /** @return decay of the second moment, in [0, 1); default 0.999 */
    public double beta2() {
        return beta2;
    }

    /**
     * The beta3 in use: the configured one, or {@code sqrt(beta2)}.
     *
     * @return decay of the step-size statistics, in [0, 1); default {@code sqrt(beta2)}
     */
    public double beta3() {
        return beta3 == null ? Math.sqrt(beta2) : beta3;
    }

    /** @return added to the denominator (times d), {@code > 0}; default 1e-8 */
    public double epsilon() {
        return epsilon;
    }

    /** @return weight decay, {@code >= 0}; default 0 (the authors try 0.001, 0.01, 0.1) */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return decoupled (AdamW-style, default) or coupled (L2 added to the gradient) weight decay */
    public boolean decouple() {
        return decouple;
    }

    /** @return whether Adam's bias correction scales the step (the reference's use_bias_correction) */
    public boolean useBiasCorrection() {
        return useBiasCorrection;
    }

    /** @return whether the step-size estimate uses d instead of d x lr during warm-up (the reference's safeguard_warmup) */
    public boolean safeguardWarmup() {
        return safeguardWarmup;
    }

    /** @return the initial estimate of d, {@code > 0}; default 1e-6 (raise to 1e-5 or 1e-4 if d stays tiny) */
    public double d0() {
        return d0;
    }

    /** @return multiplies the estimate, {@code > 0}; default 1 (the authors' preferred knob: 0.5 or 2) */
    public double dCoef() {
        return dCoef;
    }

    /**
     * @return the largest factor by which d may grow per step, {@code >= 1}; default +Infinity (unbounded); 1.02 acts like a warm-up
     */
    public double growthRate() {
        return growthRate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Prodigy)) {
            return false;
        }
        Prodigy p = (Prodigy) o;
        return Double.compare(learningRate, p.learningRate) == 0 && Objects.equals(learningRateSchedule,
                p.learningRateSchedule) && beta1 == p.beta1 && beta2 == p.beta2 && Objects.equals(beta3, p.beta3)
                && epsilon == p.epsilon && weightDecay == p.weightDecay && decouple == p.decouple
                && useBiasCorrection == p.useBiasCorrection && safeguardWarmup == p.safeguardWarmup && d0 == p.d0
                && dCoef == p.dCoef && growthRate == p.growthRate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, beta1, beta2, beta3, epsilon, weightDecay, decouple,
                useBiasCorrection, safeguardWarmup, d0, dCoef, growthRate);
    }

    @Override
    public String toString() {
        return "Prodigy(lr=" + (learningRateSchedule != null ? learningRateSchedule : learningRate) + ", betas=(" + beta1
                + ", " + beta2 + ", " + beta3() + "), eps=" + epsilon + ", weightDecay=" + weightDecay + ", decouple="
                + decouple + ", useBiasCorrection=" + useBiasCorrection + ", safeguardWarmup=" + safeguardWarmup
                + ", d0=" + d0 + ", dCoef=" + dCoef + ", growthRate=" + growthRate + ")";
    }

    /** Settings, from the reference's defaults; {@link #build()} validates them. */
    public static final class Builder {
        private double learningRate = DEFAULT_LR;
        private ISchedule learningRateSchedule;
        private double beta1 = DEFAULT_BETA1;
        private double beta2 = DEFAULT_BETA2;
        private Double beta3;
        private double epsilon = DEFAULT_EPSILON;
        private double weightDecay;
        private boolean decouple = true;
        private boolean useBiasCorrection;
        private boolean safeguardWarmup;
        private double d0 = DEFAULT_D0;
        private double dCoef = 1.0;
        private double growthRate = Double.POSITIVE_INFINITY;

        private Builder() {
        }

        /**
         * @param lr multiplier of the estimated step size, {@code > 0}; default 1
         * @return this builder
         */
        public Builder learningRate(double lr) {
            this.learningRate = lr;
            this.learningRateSchedule = null;
            return this;
        }

        /**
         * @param schedule a schedule of the multiplier, e.g. a cosine decay from 1 over the whole run
         * @return this builder
         */
        public Builder learningRateSchedule(ISchedule schedule) {
            this.learningRateSchedule = Args.notNull("learningRateSchedule", schedule);
            this.learningRate = Double.NaN;
            return this;
        }

        /**
         * @param beta1 decay of the first moment, in [0, 1); default 0.9
         * @param beta2 decay of the second moment, in [0, 1); default 0.999
         * @return this builder
         */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /**
         * @param beta3 decay of the step-size statistics, in [0, 1); default {@code sqrt(beta2)}
         * @return this builder
         */
        public Builder beta3(double beta3) {
            this.beta3 = beta3;
            return this;
        }

        /**
         * @param epsilon added to the denominator (times d), {@code > 0}; default 1e-8
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * @param weightDecay weight decay, {@code >= 0}; default 0 (the authors try 0.001, 0.01, 0.1)
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * @param decouple decoupled (AdamW-style, default) or coupled (L2 added to the gradient) weight decay
         * @return this builder
         */
        public Builder decouple(boolean decouple) {
            this.decouple = decouple;
            return this;
        }

        /**
         * @param on Adam's bias correction of the step; off by default
         * @return this builder
         */
        public Builder useBiasCorrection(boolean on) {
            this.useBiasCorrection = on;
            return this;
        }

        /**
         * @param on leave the learning rate out of the estimate's denominator, for use with a warm-up schedule; off by
         *           default
         * @return this builder
         */
        public Builder safeguardWarmup(boolean on) {
            this.safeguardWarmup = on;
            return this;
        }

        /**
         * @param d0 the initial estimate of d, {@code > 0}; default 1e-6 (raise to 1e-5 or 1e-4 if d stays tiny)
         * @return this builder
         */
        public Builder d0(double d0) {
            this.d0 = d0;
            return this;
        }

        /**
         * @param dCoef multiplies the estimate, {@code > 0}; default 1 (the authors' preferred knob: 0.5 or 2)
         * @return this builder
         */
        public Builder dCoef(double dCoef) {
            this.dCoef = dCoef;
            return this;
        }

        /**
         * @param growthRate the largest factor by which d may grow per step, {@code >= 1}; default +Infinity
         *                   (unbounded); 1.02 acts like a warm-up
         * @return this builder
         */
        public Builder growthRate(double growthRate) {
            this.growthRate = growthRate;
            return this;
        }

        /**
         * @return the validated updater
         * @throws IllegalArgumentException naming the first bad setting
         */
        public Prodigy build() {
            return new Prodigy(this);
        }
    }
}
