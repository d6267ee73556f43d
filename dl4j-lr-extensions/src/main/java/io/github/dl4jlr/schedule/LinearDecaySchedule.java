package io.github.dl4jlr.schedule;

import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Linear interpolation from {@code initialValue} to {@code finalValue} over {@code decaySteps}, then constant.
 *
 * <pre>
 *   a        = min(t, decaySteps) / decaySteps
 *   value(t) = (1 - a) * initialValue + a * finalValue
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}.
 * From {@code t = decaySteps} on the value is exactly {@code finalValue}. With
 * {@code finalValue > initialValue} it ramps up, which makes it a linear warm-up. It matches PyTorch's
 * {@code LinearLR(start_factor, end_factor, total_iters)} with {@code initialValue = lr * start_factor} and
 * {@code finalValue = lr * end_factor}.
 *
 * <p>Worked values for {@code (ITERATION, 0.1, 0.0, 100)}: t = 0 gives 0.1, t = 25 gives 0.075,
 * t = 100 and later give 0.0.
 */
public final class LinearDecaySchedule extends AnnealingSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * @param scheduleType the counter to read
     * @param initialValue value at t = 0; finite, {@code >= 0}
     * @param finalValue   value from t = decaySteps on; finite, {@code >= 0}
     * @param decaySteps   length of the ramp; {@code > 0}
     */
    public LinearDecaySchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                               @JsonProperty("initialValue") double initialValue,
                               @JsonProperty("finalValue") double finalValue,
                               @JsonProperty("decaySteps") int decaySteps) {
        super(scheduleType, initialValue, finalValue, decaySteps);
    }

    @Override
    protected double shape(double progress) {
        return 1 - progress;
    }
}
