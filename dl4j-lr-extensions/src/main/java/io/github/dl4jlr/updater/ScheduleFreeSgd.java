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
 * Schedule-Free SGD (Defazio et al., NeurIPS 2024): {@link ScheduleFreeAdamW} without the second moment, the authors'
 * {@code schedulefree.SGDScheduleFree}:
 * <pre>
 *   n = g + weightDecay * y;   y = (1 - c) * y + c * z + lr_k * (momentum * (1 - c) - 1) * n;   z = z - lr_k * n
 * </pre>
 * with {@code lr_k}, {@code c} and evaluation at {@code x} as in {@link ScheduleFreeAdamW}. State: {@code z} per
 * parameter (as much as SGD with momentum) plus five scalars per variable. The authors' default rate is 1.0, "10-50x a
 * classical SGD rate". Needs {@link LearningRateFree#attach}.
 */
public final class ScheduleFreeSgd implements IUpdater {

    private static final long serialVersionUID = 1L;

    private double learningRate;
    private final double momentum;
    private final double weightDecay;
    private final int warmupSteps;
    private final double r;
    private final double weightLrPower;

    /** The authors' defaults: lr 1.0, momentum 0.9, no weight decay, no warm-up, r 0, power 2. */
    public ScheduleFreeSgd() {
        this(1.0, 0.9, 0, 0, 0, 2);
    }

    /**
     * @param learningRate  the rate, {@code > 0}
     * @param momentum      the interpolation between x and z, in (0, 1)
     * @param weightDecay   {@code >= 0}
     * @param warmupSteps   linear warm-up steps, {@code >= 0}
     * @param r             polynomial weighting of the average, {@code >= 0}
     * @param weightLrPower power of the largest rate in the averaging weights, {@code >= 0}
     */
    public ScheduleFreeSgd(double learningRate, double momentum, double weightDecay, int warmupSteps, double r,
                           double weightLrPower) {
        this(learningRate, null, momentum, weightDecay, warmupSteps, r, weightLrPower);
    }

    private ScheduleFreeSgd(@JsonProperty("learningRate") double learningRate,
                            @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                            @JsonProperty("momentum") double momentum, @JsonProperty("weightDecay") double weightDecay,
                            @JsonProperty("warmupSteps") int warmupSteps, @JsonProperty("r") double r,
                            @JsonProperty("weightLrPower") double weightLrPower) {
        refuseSchedule("ScheduleFreeSgd", learningRateSchedule);
        this.learningRate = Args.positive("learningRate", learningRate);
        this.momentum = Args.openInterval("momentum", momentum, 0, 1);
        this.weightDecay = Args.nonNegative("weightDecay", weightDecay);
        this.warmupSteps = Args.nonNegative("warmupSteps", warmupSteps);
        this.r = Args.nonNegative("r", r);
        this.weightLrPower = Args.nonNegative("weightLrPower", weightLrPower);
    }

    /** Refuses a learning-rate schedule on a Schedule-Free updater, saying why. */
    static void refuseSchedule(String updater, ISchedule schedule) {
        if (schedule != null) {
            throw new IllegalArgumentException("Expected a fixed learning rate for " + updater + ", but got the schedule "
                    + schedule + ": Schedule-Free's averaging replaces the decay (and follows the largest rate seen); "
                    + "use warmupSteps for a warm-up, and no ReduceLROnPlateau");
        }
    }

    @Override
    public long stateSize(long numParams) {
        return numParams + ScheduleFreeUpdater.SCALARS;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new ScheduleFreeUpdater(this, new ScheduleFreeUpdater.Settings(momentum, 0, 0, weightDecay, warmupSteps,
                r, weightLrPower, false), viewArray, initializeViewArray);
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        throw new UnsupportedOperationException("ScheduleFreeSgd keeps its state in DL4J's flat updater view");
    }

    @Override
    public ScheduleFreeSgd clone() {
        return new ScheduleFreeSgd(learningRate, momentum, weightDecay, warmupSteps, r, weightLrPower);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** A fixed rate only; a schedule is refused. */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        refuseSchedule("ScheduleFreeSgd", lrSchedule);
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

    /** @return the interpolation between x and z, in (0, 1) */
    public double momentum() {
        return momentum;
    }

    /** @return {@code >= 0} */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return linear warm-up steps, {@code >= 0} */
    public int warmupSteps() {
        return warmupSteps;
    }

    /** @return polynomial weighting of the average, {@code >= 0} */
    public double r() {
        return r;
    }

    /** @return power of the largest rate in the averaging weights, {@code >= 0} */
    public double weightLrPower() {
        return weightLrPower;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScheduleFreeSgd)) {
            return false;
        }
        ScheduleFreeSgd s = (ScheduleFreeSgd) o;
        return learningRate == s.learningRate && momentum == s.momentum && weightDecay == s.weightDecay
                && warmupSteps == s.warmupSteps && r == s.r && weightLrPower == s.weightLrPower;
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, weightDecay, warmupSteps, r, weightLrPower);
    }

    @Override
    public String toString() {
        return "ScheduleFreeSgd(lr=" + learningRate + ", momentum=" + momentum + ", weightDecay=" + weightDecay
                + ", warmupSteps=" + warmupSteps + ", r=" + r + ", weightLrPower=" + weightLrPower + ")";
    }
}
