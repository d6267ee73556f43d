package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Cyclical learning rate (Smith, 2017) with asymmetric steps.
 *
 * <pre>
 *   total    = stepSizeUp + stepSizeDown
 *   cycle    = floor(t / total) + 1                     (1-based)
 *   pos      = t mod total
 *   s        = pos / stepSizeUp                           if pos &lt;= stepSizeUp
 *            = (total - pos) / stepSizeDown               otherwise
 *   value(t) = baseValue + (maxValue - baseValue) * s * scale
 *   scale    = 1                       TRIANGULAR
 *            = 1 / 2^(cycle - 1)       TRIANGULAR2 (amplitude halves each cycle)
 *            = gamma^t                 EXP_RANGE
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType};
 * Smith recommends iterations with {@code stepSizeUp} of 2 to 10 epochs' worth. The schedule never ends.
 * It matches PyTorch's {@code CyclicLR(base_lr, max_lr, step_size_up, step_size_down, mode, gamma)};
 * the position is computed with integers, which avoids the rounding of PyTorch's {@code 1 + t/total - cycle}.
 * {@code gamma} is used only by {@code EXP_RANGE}.
 *
 * <p>Worked values for {@code (ITERATION, 0.001, 0.006, 2000, 2000, TRIANGULAR, 1.0)}: t = 0 gives 0.001,
 * t = 1000 gives 0.0035, t = 2000 gives 0.006, t = 4000 gives 0.001 again. With {@code TRIANGULAR2}
 * t = 6000 gives 0.001 + 0.005 / 2 = 0.0035.
 */
public final class CyclicSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    /** How the amplitude changes from cycle to cycle. */
    public enum Mode {
        /** Constant amplitude. */
        TRIANGULAR,
        /** Amplitude halves after every cycle. */
        TRIANGULAR2,
        /** Amplitude multiplied by {@code gamma^t}. */
        EXP_RANGE
    }

    private final double baseValue;
    private final double maxValue;
    private final int stepSizeUp;
    private final int stepSizeDown;
    private final Mode mode;
    private final double gamma;

    /**
     * @param scheduleType the counter to read
     * @param baseValue    lower bound; finite, {@code >= 0}
     * @param maxValue     upper bound of the first cycle; finite, {@code >= baseValue}
     * @param stepSizeUp   steps from base to max; {@code > 0}
     * @param stepSizeDown steps from max back to base; {@code > 0}
     * @param mode         amplitude policy
     * @param gamma        decay per step for {@code EXP_RANGE}; in (0, 1]; pass 1.0 for the other modes
     */
    public CyclicSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                          @JsonProperty("baseValue") double baseValue,
                          @JsonProperty("maxValue") double maxValue,
                          @JsonProperty("stepSizeUp") int stepSizeUp,
                          @JsonProperty("stepSizeDown") int stepSizeDown,
                          @JsonProperty("mode") Mode mode,
                          @JsonProperty("gamma") double gamma) {
        super(scheduleType);
        this.baseValue = Args.nonNegative("baseValue", baseValue);
        this.maxValue = Args.atLeast("maxValue", maxValue, baseValue);
        this.stepSizeUp = Args.positive("stepSizeUp", stepSizeUp);
        this.stepSizeDown = Args.positive("stepSizeDown", stepSizeDown);
        this.mode = Args.notNull("mode", mode);
        this.gamma = Args.halfOpenInterval("gamma", gamma, 0, 1);
        Args.check((long) stepSizeUp + stepSizeDown <= Integer.MAX_VALUE,
                "stepSizeUp + stepSizeDown <= " + Integer.MAX_VALUE, (long) stepSizeUp + stepSizeDown);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        int t = step(iteration, epoch);
        int total = stepSizeUp + stepSizeDown;
        int pos = t % total;
        double s = pos <= stepSizeUp ? (double) pos / stepSizeUp : (double) (total - pos) / stepSizeDown;
        double scale;
        switch (mode) {
            case TRIANGULAR2:
                scale = Math.scalb(1.0, -(t / total));
                break;
            case EXP_RANGE:
                scale = Math.pow(gamma, t);
                break;
            default:
                scale = 1.0;
        }
        return baseValue + (maxValue - baseValue) * s * scale;
    }

    /** @return lower bound; finite, {@code >= 0} */
    public double getBaseValue() {
        return baseValue;
    }

    /** @return upper bound of the first cycle; finite, {@code >= baseValue} */
    public double getMaxValue() {
        return maxValue;
    }

    /** @return steps from base to max; {@code > 0} */
    public int getStepSizeUp() {
        return stepSizeUp;
    }

    /** @return steps from max back to base; {@code > 0} */
    public int getStepSizeDown() {
        return stepSizeDown;
    }

    /** @return amplitude policy */
    public Mode getMode() {
        return mode;
    }

    /** @return decay per step for {@code EXP_RANGE}; in (0, 1]; pass 1.0 for the other modes */
    public double getGamma() {
        return gamma;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CyclicSchedule)) {
            return false;
        }
        CyclicSchedule that = (CyclicSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(baseValue, that.baseValue) == 0
                && Double.compare(maxValue, that.maxValue) == 0
                && stepSizeUp == that.stepSizeUp
                && stepSizeDown == that.stepSizeDown
                && mode == that.mode
                && Double.compare(gamma, that.gamma) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), baseValue, maxValue, stepSizeUp, stepSizeDown, mode, gamma);
    }

    @Override
    public String toString() {
        return "CyclicSchedule(" + getScheduleType() + ", baseValue=" + baseValue + ", maxValue=" + maxValue
                + ", stepSizeUp=" + stepSizeUp + ", stepSizeDown=" + stepSizeDown + ", mode=" + mode
                + ", gamma=" + gamma + ")";
    }
}
