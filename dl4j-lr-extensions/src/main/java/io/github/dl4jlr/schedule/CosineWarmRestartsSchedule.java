package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * SGDR, cosine annealing with warm restarts (Loshchilov and Hutter, 2017).
 *
 * <pre>
 *   T_0 = firstPeriod,  T_(i+1) = T_i * periodMultiplier
 *   period i covers t in [S_i, S_i + T_i) with S_0 = 0 and S_(i+1) = S_i + T_i
 *   t_cur    = t - S_i
 *   value(t) = minValue + (maxValue - minValue) * (1 + cos(pi * t_cur / T_i)) / 2
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType}.
 * The schedule never ends: each period starts again at {@code maxValue}. Periods are counted with
 * exact integer (64-bit) arithmetic, never with a floating logarithm, so restarts land exactly on
 * {@code S_i}; the loop runs at most 32 times because periods at least double when
 * {@code periodMultiplier >= 2}. It matches PyTorch's {@code CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)}
 * stepped once per {@code t}.
 *
 * <p>Worked values for {@code (ITERATION, 0.1, 0.0, 10, 2)}: t = 0 gives 0.1, t = 5 gives 0.05,
 * t = 9 gives 0.1 * (1 + cos(0.9 pi)) / 2 = 0.0024472, t = 10 restarts at 0.1, and the second period
 * lasts 20 steps, so t = 30 restarts again.
 */
public final class CosineWarmRestartsSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final double maxValue;
    private final double minValue;
    private final int firstPeriod;
    private final int periodMultiplier;

    /**
     * @param scheduleType     the counter to read
     * @param maxValue         value at the start of every period; finite, {@code >= minValue}
     * @param minValue         value approached at the end of every period; finite, {@code >= 0}
     * @param firstPeriod      length of the first period; {@code > 0}
     * @param periodMultiplier factor by which each period is longer than the previous one; {@code >= 1}
     */
    public CosineWarmRestartsSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                      @JsonProperty("maxValue") double maxValue,
                                      @JsonProperty("minValue") double minValue,
                                      @JsonProperty("firstPeriod") int firstPeriod,
                                      @JsonProperty("periodMultiplier") int periodMultiplier) {
        super(scheduleType);
        this.minValue = Args.nonNegative("minValue", minValue);
        this.maxValue = Args.atLeast("maxValue", maxValue, minValue);
        this.firstPeriod = Args.positive("firstPeriod", firstPeriod);
        this.periodMultiplier = Args.atLeast("periodMultiplier", periodMultiplier, 1);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        long t = step(iteration, epoch);
        long period = firstPeriod;
        long tCur;
        if (periodMultiplier == 1) {
            tCur = t % period;
        } else {
            long start = 0;
            while (t >= start + period) {
                start += period;
                period *= periodMultiplier;
            }
            tCur = t - start;
        }
        return minValue + (maxValue - minValue) * (1 + Math.cos(Math.PI * tCur / period)) / 2;
    }

    /** @return value at the start of every period; finite, {@code >= minValue} */
    public double getMaxValue() {
        return maxValue;
    }

    /** @return value approached at the end of every period; finite, {@code >= 0} */
    public double getMinValue() {
        return minValue;
    }

    /** @return length of the first period; {@code > 0} */
    public int getFirstPeriod() {
        return firstPeriod;
    }

    /** @return factor by which each period is longer than the previous one; {@code >= 1} */
    public int getPeriodMultiplier() {
        return periodMultiplier;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CosineWarmRestartsSchedule)) {
            return false;
        }
        CosineWarmRestartsSchedule that = (CosineWarmRestartsSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(maxValue, that.maxValue) == 0
                && Double.compare(minValue, that.minValue) == 0
                && firstPeriod == that.firstPeriod
                && periodMultiplier == that.periodMultiplier;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), maxValue, minValue, firstPeriod, periodMultiplier);
    }

    @Override
    public String toString() {
        return "CosineWarmRestartsSchedule(" + getScheduleType() + ", maxValue=" + maxValue
                + ", minValue=" + minValue + ", firstPeriod=" + firstPeriod
                + ", periodMultiplier=" + periodMultiplier + ")";
    }
}
