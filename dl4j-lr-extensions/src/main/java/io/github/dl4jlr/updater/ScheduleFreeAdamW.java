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
 * Schedule-Free AdamW (Defazio et al., NeurIPS 2024): AdamW without a decay schedule. It keeps two sequences: {@code z},
 * an AdamW iterate, and {@code x}, a weighted average of the {@code z}s; the gradient is taken at their interpolation
 * {@code y}, and {@code x} is the model to evaluate and save. The averaging does what a decay schedule would.
 *
 * <pre>{@code
 *   net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
 *           .updater(ScheduleFreeAdamW.builder().warmupSteps(200).build())
 *           .list()
 *           // ... your layers
 *           .build());
 *   net.init();
 *   LearningRateFree.attach(net);     // required: hands each block its parameters; x after every fit(iterator) epoch
 *   net.fit(train, epochs);           // ends holding x: evaluate and save as usual
 * }</pre>
 *
 * <p><b>Algorithm</b>, per step k (the authors' {@code schedulefree.AdamWScheduleFree}, default settings of which are
 * this class's), with {@code g} DL4J's gradient at the parameters {@code y}:
 * <pre>
 *   lr_k    = lr * min(1, (k+1) / warmupSteps)           lrMax = max(lrMax, lr_k)
 *   weight  = (k+1)^r * lrMax^weightLrPower              c = weight / (sum of the weights so far)
 *   v       = beta2 * v + (1 - beta2) * g^2              n = g / (sqrt(v / (1 - beta2^(k+1))) + eps) + weightDecay * y
 *   y       = (1 - c) * y + c * z + lr_k * (beta1 * (1 - c) - 1) * n
 *   z       = z - lr_k * n
 * </pre>
 * Evaluation uses {@code x = y + (1 - 1/beta1) (z - y)}; {@link LearningRateFree} switches the parameters.
 *
 * <p><b>State</b>: {@code z} and {@code v} per parameter, as much as Adam, plus five scalars per variable.
 *
 * <p><b>Learning rate</b>: a fixed value (default 0.0025); the authors suggest 1-10x a scheduled AdamW's. A schedule is
 * refused: the averaging replaces the decay, and the averaging weights follow the largest rate seen, so a decaying
 * schedule works against it. Use {@code warmupSteps} for a warm-up. {@code ReduceLROnPlateau} is refused for the same
 * reason; a rollback of the health monitor may still cut the fixed rate.
 *
 * <p><b>BatchNorm</b>: DL4J updates the running statistics at {@code y} during training; the authors recompute them at
 * {@code x} before evaluating. This class does not: with batch normalization, evaluation at {@code x} uses statistics
 * gathered at {@code y}.
 */
public final class ScheduleFreeAdamW implements IUpdater {

    private static final long serialVersionUID = 1L;

    /** The reference's default learning rate. */
    public static final double DEFAULT_LR = 0.0025;

    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final int warmupSteps;
    private final double r;
    private final double weightLrPower;

    /** The authors' defaults: lr 0.0025, betas (0.9, 0.999), eps 1e-8, no weight decay, no warm-up, r 0, power 2. */
    public ScheduleFreeAdamW() {
        this(builder());
    }

    /**
     * @param learningRate the rate, {@code > 0}
     */
    public ScheduleFreeAdamW(double learningRate) {
        this(builder().learningRate(learningRate));
    }

    private ScheduleFreeAdamW(Builder b) {
        this(b.learningRate, null, b.beta1, b.beta2, b.epsilon, b.weightDecay, b.warmupSteps, b.r, b.weightLrPower);
    }

    private ScheduleFreeAdamW(@JsonProperty("learningRate") double learningRate,
                              @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                              @JsonProperty("beta1") double beta1, @JsonProperty("beta2") double beta2,
                              @JsonProperty("epsilon") double epsilon, @JsonProperty("weightDecay") double weightDecay,
                              @JsonProperty("warmupSteps") int warmupSteps, @JsonProperty("r") double r,
                              @JsonProperty("weightLrPower") double weightLrPower) {
        ScheduleFreeSgd.refuseSchedule("ScheduleFreeAdamW", learningRateSchedule);
        this.learningRate = Args.positive("learningRate", learningRate);
        this.beta1 = Args.openInterval("beta1", beta1, 0, 1);
        this.beta2 = Args.rightOpenInterval("beta2", beta2, 0, 1);
        this.epsilon = Args.positive("epsilon", epsilon);
        this.weightDecay = Args.nonNegative("weightDecay", weightDecay);
        this.warmupSteps = Args.nonNegative("warmupSteps", warmupSteps);
        this.r = Args.nonNegative("r", r);
        this.weightLrPower = Args.nonNegative("weightLrPower", weightLrPower);
    }

    /**
     * A builder starting from the authors' defaults.
     *
     * @return a builder starting from the authors' defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    ScheduleFreeUpdater.Settings settings() {
        return new ScheduleFreeUpdater.Settings(beta1, beta2, epsilon, weightDecay, warmupSteps, r, weightLrPower, true);
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams + ScheduleFreeUpdater.SCALARS;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new ScheduleFreeUpdater(this, settings(), viewArray, initializeViewArray);
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        throw new UnsupportedOperationException("ScheduleFreeAdamW keeps its state in DL4J's flat updater view");
    }

    @Override
    public ScheduleFreeAdamW clone() {
        return new ScheduleFreeAdamW(learningRate, null, beta1, beta2, epsilon, weightDecay, warmupSteps, r,
                weightLrPower);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** A fixed rate only; a schedule is refused (see the class comment). */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        ScheduleFreeSgd.refuseSchedule("ScheduleFreeAdamW", lrSchedule);
        this.learningRate = Args.positive("learningRate", lr);
    }

    /** @return the fixed rate */
    public double getLearningRate() {
        return learningRate;
    }

    /** @return always null: Schedule-Free takes no schedule */
    public ISchedule getLearningRateSchedule() {
        return null;
    }

    /** @return the interpolation between x and z (also the momentum), in (0, 1); default 0.9 */
    public double beta1() {
        return beta1;
    }

    /** @return decay of the second moment, in [0, 1); default 0.999 */
    public double beta2() {
        return beta2;
    }

    /** @return added to the denominator, {@code > 0}; default 1e-8 */
    public double epsilon() {
        return epsilon;
    }

    /** @return decay applied at y through the normalized gradient, {@code >= 0}; default 0 */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return linear warm-up steps of the rate; 0 for none */
    public int warmupSteps() {
        return warmupSteps;
    }

    /** @return polynomial weighting of the average, {@code >= 0}; default 0 */
    public double r() {
        return r;
    }

    /** @return the power of the peak rate in the averaging weights (the reference's weight_lr_power, 2) */
    public double weightLrPower() {
        return weightLrPower;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScheduleFreeAdamW)) {
            return false;
        }
        ScheduleFreeAdamW s = (ScheduleFreeAdamW) o;
        return learningRate == s.learningRate && beta1 == s.beta1 && beta2 == s.beta2 && epsilon == s.epsilon
                && weightDecay == s.weightDecay && warmupSteps == s.warmupSteps && r == s.r
                && weightLrPower == s.weightLrPower;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, beta1, beta2, epsilon, weightDecay, warmupSteps, r, weightLrPower);
    }

    @Override
    public String toString() {
        return "ScheduleFreeAdamW(lr=" + learningRate + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + epsilon
                + ", weightDecay=" + weightDecay + ", warmupSteps=" + warmupSteps + ", r=" + r + ", weightLrPower="
                + weightLrPower + ")";
    }

    /** Settings, from the authors' defaults; {@link #build()} validates them. */
    public static final class Builder {
        private double learningRate = DEFAULT_LR;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double weightDecay;
        private int warmupSteps;
        private double r;
        private double weightLrPower = 2.0;

        private Builder() {
        }

        /**
         * @param lr the rate, {@code > 0}; default 0.0025
         * @return this builder
         */
        public Builder learningRate(double lr) {
            this.learningRate = lr;
            return this;
        }

        /**
         * @param beta1 the interpolation between x and z (also the momentum), in (0, 1); default 0.9
         * @param beta2 decay of the second moment, in [0, 1); default 0.999
         * @return this builder
         */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /**
         * @param epsilon added to the denominator, {@code > 0}; default 1e-8
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * @param weightDecay decay applied at y through the normalized gradient, {@code >= 0}; default 0
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * @param steps linear warm-up of the rate over this many steps, {@code >= 0}; default 0 (the authors
         *              recommend one)
         * @return this builder
         */
        public Builder warmupSteps(int steps) {
            this.warmupSteps = steps;
            return this;
        }

        /**
         * @param r polynomial weighting of the average, {@code >= 0}; default 0
         * @return this builder
         */
        public Builder r(double r) {
            this.r = r;
            return this;
        }

        /**
         * @param power the averaging weights grow as the largest rate so far to this power, {@code >= 0}; default 2
         * @return this builder
         */
        public Builder weightLrPower(double power) {
            this.weightLrPower = power;
            return this;
        }

        /**
         * @return the validated updater
         * @throws IllegalArgumentException naming the first bad setting
         */
        public ScheduleFreeAdamW build() {
            return new ScheduleFreeAdamW(this);
        }
    }
}
