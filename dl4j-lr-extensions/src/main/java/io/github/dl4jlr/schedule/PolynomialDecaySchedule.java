package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Polynomial decay from {@code initialValue} to {@code finalValue} over {@code decaySteps}, then constant.
 *
 * <pre>
 *   value(t) = (initialValue - finalValue) * (1 - min(t, decaySteps) / decaySteps) ^ power + finalValue
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}.
 * From {@code t = decaySteps} on the value is exactly {@code finalValue}. This is the form used by Caffe,
 * Keras, DJL and PyTorch's {@code PolynomialLR(total_iters, power)} (which has {@code finalValue = 0}).
 * ND4J's own {@code PolySchedule} computes {@code (1 + t/maxIter)^power} instead, which rises.
 *
 * <p>Worked values for {@code (ITERATION, 0.1, 0.0, 100, 2.0)}: t = 0 gives 0.1, t = 50 gives 0.025,
 * t = 100 and later give 0.0.
 */
public final class PolynomialDecaySchedule extends AnnealingSchedule {

    private static final long serialVersionUID = 1L;

    private final double power;

    /**
     * @param scheduleType the counter to read
     * @param initialValue value at t = 0; finite, {@code >= 0}
     * @param finalValue   value from t = decaySteps on; finite, {@code >= 0}
     * @param decaySteps   length of the decay; {@code > 0}
     * @param power        exponent; finite, {@code > 0} (1 is linear)
     */
    public PolynomialDecaySchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                   @JsonProperty("initialValue") double initialValue,
                                   @JsonProperty("finalValue") double finalValue,
                                   @JsonProperty("decaySteps") int decaySteps,
                                   @JsonProperty("power") double power) {
        super(scheduleType, initialValue, finalValue, decaySteps);
        this.power = Args.positive("power", power);
    }

    @Override
    protected double shape(double progress) {
        return Math.pow(1 - progress, power);
    }

    /** @return exponent; finite, {@code > 0} (1 is linear) */
    public double getPower() {
        return power;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Double.compare(power, ((PolynomialDecaySchedule) o).power) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), power);
    }

    @Override
    protected String extraToString() {
        return ", power=" + power;
    }
}
