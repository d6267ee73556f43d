package io.github.dl4jlr.finder;

import io.github.dl4jlr.internal.util.Args;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The range test's ramp as a schedule, so the LR changes every iteration with no updater rebuild:
 *
 * <pre>
 *   value(iteration) = mode.lrAt(startLr, endLr, iteration - startIteration, numIterations)
 * </pre>
 *
 * It reads the network's iteration counter; before {@code startIteration} it gives {@code startLr} and after
 * the ramp it holds {@code endLr}. It is installed only while a test runs.
 */
public final class RangeTestSchedule implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final int startIteration;
    private final double startLr;
    private final double endLr;
    private final int numIterations;
    private final RampMode mode;

    /**
     * @param startIteration the network's iteration at which the ramp starts, {@code >= 0}
     * @param startLr        the first rate, {@code > 0}
     * @param endLr          the last rate, {@code > startLr}
     * @param numIterations  the ramp's length, {@code >= 2}
     * @param mode           exponential or linear
     */
    public RangeTestSchedule(@JsonProperty("startIteration") int startIteration,
                             @JsonProperty("startLr") double startLr,
                             @JsonProperty("endLr") double endLr,
                             @JsonProperty("numIterations") int numIterations,
                             @JsonProperty("mode") RampMode mode) {
        this.startIteration = Args.nonNegative("startIteration", startIteration);
        this.startLr = Args.positive("startLr", startLr);
        this.endLr = Args.positive("endLr", endLr);
        this.numIterations = Args.atLeast("numIterations", numIterations, 2);
        this.mode = Args.notNull("mode", mode);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return mode.lrAt(startLr, endLr, Math.max(0, iteration - startIteration), numIterations);
    }

    @Override
    public ISchedule clone() {
        return this;
    }

    /** @return the network's iteration at which the ramp starts */
    public int getStartIteration() {
        return startIteration;
    }

    /** @return the first rate of the ramp */
    public double getStartLr() {
        return startLr;
    }

    /** @return the last rate of the ramp */
    public double getEndLr() {
        return endLr;
    }

    /** @return the ramp's length in iterations */
    public int getNumIterations() {
        return numIterations;
    }

    /** @return the ramp's shape */
    public RampMode getMode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RangeTestSchedule)) {
            return false;
        }
        RangeTestSchedule that = (RangeTestSchedule) o;
        return startIteration == that.startIteration && Double.compare(startLr, that.startLr) == 0
                && Double.compare(endLr, that.endLr) == 0 && numIterations == that.numIterations && mode == that.mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(startIteration, startLr, endLr, numIterations, mode);
    }

    @Override
    public String toString() {
        return "RangeTestSchedule(startIteration=" + startIteration + ", startLr=" + startLr + ", endLr=" + endLr
                + ", numIterations=" + numIterations + ", mode=" + mode + ")";
    }
}
