package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Smith's 1cycle policy ("Super-Convergence", 2018) with the phase arithmetic of PyTorch's {@code OneCycleLR}.
 *
 * <pre>
 *   initial = maxValue / divFactor,   min = initial / finalDivFactor
 *   e1 = pctStart * totalSteps - 1,   e2 = 2 * pctStart * totalSteps - 2,   last = totalSteps - 1
 *   two phases (default):  t in [0, e1]: initial -&gt; max,  t in (e1, last]: max -&gt; min
 *   threePhase:            t in [0, e1]: initial -&gt; max,  (e1, e2]: max -&gt; initial,
 *                          (e2, last]: initial -&gt; min
 *   within a phase from s to e, pct = (t - s) / (e - s) and
 *     COS:    value = end + (start - end) * (1 + cos(pi * pct)) / 2
 *     LINEAR: value = start + (end - start) * pct
 * </pre>
 *
 * <p>{@code t} is the network's iteration or epoch counter (0-based), chosen by {@link ScheduleType};
 * 1cycle is normally per iteration with {@code totalSteps = epochs * minibatches per epoch}. From
 * {@code t = totalSteps - 1} on, the value holds at {@code min} and never throws (PyTorch raises an error
 * past {@code totalSteps}). Pair it with {@link #momentum} for {@code Nesterovs}.
 *
 * <p>Worked values for {@code (ITERATION, 0.1, 100, 0.3, 25, 1e4, COS, false)}: t = 0 gives 0.004,
 * t = 29 gives 0.1 (the peak), t = 99 and later give 4e-7.
 */
public final class OneCycleSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    /** Interpolation used inside each phase. */
    public enum Anneal {
        /** Half cosine from start to end. */
        COS {
            @Override
            double interpolate(double start, double end, double pct) {
                return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
            }
        },
        /** Straight line from start to end. */
        LINEAR {
            @Override
            double interpolate(double start, double end, double pct) {
                return (end - start) * pct + start;
            }
        };

        abstract double interpolate(double start, double end, double pct);
    }

    private final double maxValue;
    private final int totalSteps;
    private final double pctStart;
    private final double divFactor;
    private final double finalDivFactor;
    private final Anneal anneal;
    private final boolean threePhase;

    /**
     * @param scheduleType   the counter to read
     * @param maxValue       peak value; finite, {@code > 0}
     * @param totalSteps     length of the cycle; {@code >= 2}
     * @param pctStart       fraction of the cycle spent rising; in (0, 1), with {@code pctStart * totalSteps > 1}
     * @param divFactor      {@code initial = maxValue / divFactor}; finite, {@code >= 1} (PyTorch default 25)
     * @param finalDivFactor {@code min = initial / finalDivFactor}; finite, {@code >= 1} (PyTorch default 1e4)
     * @param anneal         interpolation inside phases
     * @param threePhase     Smith's original symmetric shape plus a final annihilation phase
     */
    public OneCycleSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                            @JsonProperty("maxValue") double maxValue,
                            @JsonProperty("totalSteps") int totalSteps,
                            @JsonProperty("pctStart") double pctStart,
                            @JsonProperty("divFactor") double divFactor,
                            @JsonProperty("finalDivFactor") double finalDivFactor,
                            @JsonProperty("anneal") Anneal anneal,
                            @JsonProperty("threePhase") boolean threePhase) {
        super(scheduleType);
        this.maxValue = Args.positive("maxValue", maxValue);
        OneCyclePhases.validate(totalSteps, pctStart, threePhase);
        this.totalSteps = totalSteps;
        this.pctStart = pctStart;
        this.divFactor = Args.atLeast("divFactor", divFactor, 1.0);
        this.finalDivFactor = Args.atLeast("finalDivFactor", finalDivFactor, 1.0);
        this.anneal = Args.notNull("anneal", anneal);
        this.threePhase = threePhase;
    }

    /**
     * 1cycle with PyTorch's defaults: {@code pctStart 0.3, divFactor 25, finalDivFactor 1e4, COS}, two phases.
     *
     * @param type the counter the schedule reads: {@code ITERATION} or {@code EPOCH}
     * @param maxValue peak value; finite, {@code > 0}
     * @param totalSteps length of the cycle; {@code >= 2}
     * @return 1cycle with PyTorch's defaults
     */
    public static OneCycleSchedule withDefaults(ScheduleType type, double maxValue, int totalSteps) {
        return new OneCycleSchedule(type, maxValue, totalSteps, 0.3, 25, 1e4, Anneal.COS, false);
    }

    /**
     * The momentum cycle that matches a {@code OneCycleSchedule} with the same {@code totalSteps},
     * {@code pctStart}, {@code anneal} and {@code threePhase}: momentum falls while the LR rises.
     * Typical values: {@code baseMomentum 0.85, maxMomentum 0.95}. See {@link OneCycleMomentumSchedule}.
     *
     * @param type the counter the schedule reads: {@code ITERATION} or {@code EPOCH}
     * @param baseMomentum the momentum at the peak of the learning rate; in [0, 1)
     * @param maxMomentum the momentum at the start and the end; in [baseMomentum, 1)
     * @param totalSteps length of the cycle; {@code >= 2}
     * @param pctStart fraction of the cycle spent rising; in (0, 1), with {@code pctStart * totalSteps > 1}
     * @param anneal interpolation inside phases
     * @param threePhase Smith's original symmetric shape plus a final annihilation phase
     * @return the momentum cycle (a {@link OneCycleMomentumSchedule})
     */
    public static ISchedule momentum(ScheduleType type, double baseMomentum, double maxMomentum, int totalSteps,
                                     double pctStart, Anneal anneal, boolean threePhase) {
        return new OneCycleMomentumSchedule(type, baseMomentum, maxMomentum, totalSteps, pctStart, anneal, threePhase);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double initial = maxValue / divFactor;
        return OneCyclePhases.evaluate(step(iteration, epoch), totalSteps, pctStart, threePhase, anneal,
                initial, maxValue, initial / finalDivFactor);
    }

    /** @return peak value; finite, {@code > 0} */
    public double getMaxValue() {
        return maxValue;
    }

    /** @return length of the cycle; {@code >= 2} */
    public int getTotalSteps() {
        return totalSteps;
    }

    /** @return fraction of the cycle spent rising; in (0, 1), with {@code pctStart * totalSteps > 1} */
    public double getPctStart() {
        return pctStart;
    }

    /** @return {@code initial = maxValue / divFactor}; finite, {@code >= 1} (PyTorch default 25) */
    public double getDivFactor() {
        return divFactor;
    }

    /** @return {@code min = initial / finalDivFactor}; finite, {@code >= 1} (PyTorch default 1e4) */
    public double getFinalDivFactor() {
        return finalDivFactor;
    }

    /** @return interpolation inside phases */
    public Anneal getAnneal() {
        return anneal;
    }

    /** @return Smith's original symmetric shape plus a final annihilation phase */
    public boolean isThreePhase() {
        return threePhase;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OneCycleSchedule)) {
            return false;
        }
        OneCycleSchedule that = (OneCycleSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(maxValue, that.maxValue) == 0
                && totalSteps == that.totalSteps
                && Double.compare(pctStart, that.pctStart) == 0
                && Double.compare(divFactor, that.divFactor) == 0
                && Double.compare(finalDivFactor, that.finalDivFactor) == 0
                && anneal == that.anneal
                && threePhase == that.threePhase;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), maxValue, totalSteps, pctStart, divFactor, finalDivFactor, anneal,
                threePhase);
    }

    @Override
    public String toString() {
        return "OneCycleSchedule(" + getScheduleType() + ", maxValue=" + maxValue + ", totalSteps=" + totalSteps
                + ", pctStart=" + pctStart + ", divFactor=" + divFactor + ", finalDivFactor=" + finalDivFactor
                + ", anneal=" + anneal + ", threePhase=" + threePhase + ")";
    }
}
