package io.github.dl4jlr.schedule;

import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing from {@code initialValue} to {@code finalValue} over {@code decaySteps}, then constant.
 *
 * <pre>
 *   value(t) = finalValue + (initialValue - finalValue) * (1 + cos(pi * min(t, decaySteps) / decaySteps)) / 2
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}.
 * From {@code t = decaySteps} on the value is exactly {@code finalValue}; unlike PyTorch's
 * {@code CosineAnnealingLR}, which it matches up to {@code T_max = decaySteps}, it does not swing back up.
 * For restarts use {@link CosineWarmRestartsSchedule}. With {@code finalValue > initialValue} it is a
 * cosine warm-up.
 *
 * <p>Worked values for {@code (ITERATION, 0.1, 0.0, 100)}: t = 0 gives 0.1, t = 50 gives 0.05,
 * t = 100 and later give 0.0.
 */
public final class CosineDecaySchedule extends AnnealingSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * @param scheduleType the counter to read
     * @param initialValue value at t = 0; finite, {@code >= 0}
     * @param finalValue   value from t = decaySteps on; finite, {@code >= 0}
     * @param decaySteps   length of the half cosine; {@code > 0}
     */
    public CosineDecaySchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                               @JsonProperty("initialValue") double initialValue,
                               @JsonProperty("finalValue") double finalValue,
                               @JsonProperty("decaySteps") int decaySteps) {
        super(scheduleType, initialValue, finalValue, decaySteps);
    }

    @Override
    protected double shape(double progress) {
        return (1 + Math.cos(Math.PI * progress)) / 2;
    }
}
