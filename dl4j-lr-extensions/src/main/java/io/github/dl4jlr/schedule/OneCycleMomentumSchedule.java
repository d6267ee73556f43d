package io.github.dl4jlr.schedule;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The momentum half of 1cycle: it moves inversely to {@link OneCycleSchedule}'s learning rate, with the same
 * phase arithmetic (PyTorch's {@code OneCycleLR} with {@code cycle_momentum=True}).
 *
 * <pre>
 *   two phases:   t in [0, e1]: max -&gt; base,  (e1, last]: base -&gt; max
 *   threePhase:   t in [0, e1]: max -&gt; base,  (e1, e2]: base -&gt; max,  (e2, last]: max (constant)
 *   e1 = pctStart * totalSteps - 1,  e2 = 2 * pctStart * totalSteps - 2,  last = totalSteps - 1
 * </pre>
 *
 * <p>{@code t} is the iteration or epoch counter (0-based), chosen by {@link ScheduleType}. From
 * {@code t = totalSteps - 1} on the value holds at {@code maxMomentum}. Use it as the momentum schedule of
 * {@code new Nesterovs(lrSchedule, momentumSchedule)}.
 *
 * <p>Worked values for {@code (ITERATION, 0.85, 0.95, 100, 0.3, COS, false)}: t = 0 gives 0.95,
 * t = 29 gives 0.85, t = 99 gives 0.95.
 */
public final class OneCycleMomentumSchedule extends BaseSchedule {

    private static final long serialVersionUID = 1L;

    private final double baseMomentum;
    private final double maxMomentum;
    private final int totalSteps;
    private final double pctStart;
    private final OneCycleSchedule.Anneal anneal;
    private final boolean threePhase;

    /**
     * @param scheduleType the counter to read
     * @param baseMomentum momentum at the LR peak; in [0, 1)
     * @param maxMomentum  momentum at the start and end; in [baseMomentum, 1)
     * @param totalSteps   length of the cycle; {@code >= 2}
     * @param pctStart     fraction of the cycle spent with momentum falling; in (0, 1)
     * @param anneal       interpolation inside phases
     * @param threePhase   same meaning as in {@link OneCycleSchedule}
     */
    public OneCycleMomentumSchedule(@JsonProperty("scheduleType") ScheduleType scheduleType,
                                    @JsonProperty("baseMomentum") double baseMomentum,
                                    @JsonProperty("maxMomentum") double maxMomentum,
                                    @JsonProperty("totalSteps") int totalSteps,
                                    @JsonProperty("pctStart") double pctStart,
                                    @JsonProperty("anneal") OneCycleSchedule.Anneal anneal,
                                    @JsonProperty("threePhase") boolean threePhase) {
        super(scheduleType);
        this.baseMomentum = Args.rightOpenInterval("baseMomentum", baseMomentum, 0, 1);
        this.maxMomentum = Args.rightOpenInterval("maxMomentum", maxMomentum, baseMomentum, 1);
        OneCyclePhases.validate(totalSteps, pctStart, threePhase);
        this.totalSteps = totalSteps;
        this.pctStart = pctStart;
        this.anneal = Args.notNull("anneal", anneal);
        this.threePhase = threePhase;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return OneCyclePhases.evaluate(step(iteration, epoch), totalSteps, pctStart, threePhase, anneal,
                maxMomentum, baseMomentum, maxMomentum);
    }

    /** @return momentum at the LR peak; in [0, 1) */
    public double getBaseMomentum() {
        return baseMomentum;
    }

    /** @return momentum at the start and end; in [baseMomentum, 1) */
    public double getMaxMomentum() {
        return maxMomentum;
    }

    /** @return length of the cycle; {@code >= 2} */
    public int getTotalSteps() {
        return totalSteps;
    }

    /** @return fraction of the cycle spent with momentum falling; in (0, 1) */
    public double getPctStart() {
        return pctStart;
    }

    /** @return interpolation inside phases */
    public OneCycleSchedule.Anneal getAnneal() {
        return anneal;
    }

    /** @return same meaning as in {@link OneCycleSchedule} */
    public boolean isThreePhase() {
        return threePhase;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OneCycleMomentumSchedule)) {
            return false;
        }
        OneCycleMomentumSchedule that = (OneCycleMomentumSchedule) o;
        return getScheduleType() == that.getScheduleType()
                && Double.compare(baseMomentum, that.baseMomentum) == 0
                && Double.compare(maxMomentum, that.maxMomentum) == 0
                && totalSteps == that.totalSteps
                && Double.compare(pctStart, that.pctStart) == 0
                && anneal == that.anneal
                && threePhase == that.threePhase;
    }

    @Override
    public int hashCode() {
        return Objects.hash(getScheduleType(), baseMomentum, maxMomentum, totalSteps, pctStart, anneal, threePhase);
    }

    @Override
    public String toString() {
        return "OneCycleMomentumSchedule(" + getScheduleType() + ", baseMomentum=" + baseMomentum
                + ", maxMomentum=" + maxMomentum + ", totalSteps=" + totalSteps + ", pctStart=" + pctStart
                + ", anneal=" + anneal + ", threePhase=" + threePhase + ")";
    }
}
