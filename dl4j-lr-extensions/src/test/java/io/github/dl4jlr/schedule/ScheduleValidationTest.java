package io.github.dl4jlr.schedule;

import io.github.dl4jlr.schedule.CyclicSchedule.Mode;
import io.github.dl4jlr.schedule.OneCycleSchedule.Anneal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduleValidationTest {

    private static final ScheduleType IT = ScheduleType.ITERATION;
    private static final ScheduleType EP = ScheduleType.EPOCH;

    private static void rejects(String message, Executable ctor) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ctor);
        assertEquals(message, e.getMessage());
    }

    @Test
    void stepSizesMustBePositive() {
        rejects("Expected stepSize > 0, but got -3", () -> new StepDecaySchedule(IT, 0.1, 0.5, -3));
        rejects("Expected stepSize > 0, but got 0", () -> new StepDecaySchedule(IT, 0.1, 0.5, 0));
        rejects("Expected decaySteps > 0, but got 0", () -> new CosineDecaySchedule(IT, 0.1, 0, 0));
        rejects("Expected decaySteps > 0, but got -1", () -> new PolynomialDecaySchedule(IT, 0.1, 0, -1, 1));
        rejects("Expected firstPeriod > 0, but got 0", () -> new CosineWarmRestartsSchedule(IT, 0.1, 0, 0, 1));
        rejects("Expected periodMultiplier >= 1, but got 0", () -> new CosineWarmRestartsSchedule(IT, 0.1, 0, 5, 0));
        rejects("Expected stepSizeUp > 0, but got 0",
                () -> new CyclicSchedule(IT, 0.001, 0.01, 0, 5, Mode.TRIANGULAR, 1));
        rejects("Expected stepSizeDown > 0, but got -2",
                () -> new CyclicSchedule(IT, 0.001, 0.01, 5, -2, Mode.TRIANGULAR, 1));
        rejects("Expected warmupSteps > 0, but got 0",
                () -> new WarmupSchedule(IT, 0, 0.0, new StepDecaySchedule(IT, 0.1, 0.5, 2)));
    }

    @Test
    void valuesMustBeFiniteAndNonNegative() {
        rejects("Expected initialValue >= 0 and finite, but got -0.1", () -> new StepDecaySchedule(IT, -0.1, 0.5, 3));
        rejects("Expected initialValue >= 0 and finite, but got NaN", () -> new LinearDecaySchedule(IT, Double.NaN, 0, 3));
        rejects("Expected finalValue >= 0 and finite, but got Infinity",
                () -> new CosineDecaySchedule(IT, 0.1, Double.POSITIVE_INFINITY, 3));
        rejects("Expected power > 0 and finite, but got NaN",
                () -> new PolynomialDecaySchedule(IT, 0.1, 0, 10, Double.NaN));
        rejects("Expected decayFactor in (0.0, 1.0], but got 1.5", () -> new StepDecaySchedule(IT, 0.1, 1.5, 3));
        rejects("Expected decayFactor in (0.0, 1.0], but got NaN",
                () -> new MultiStepSchedule(IT, 0.1, Double.NaN, new int[]{3}));
        rejects("Expected maxValue > 0 and finite, but got Infinity", () -> new OneCycleSchedule(IT,
                Double.POSITIVE_INFINITY, 100, 0.3, 25, 1e4, Anneal.COS, false));
        rejects("Expected startValue >= 0 and finite, but got -1.0",
                () -> new WarmupSchedule(IT, 5, -1.0, new StepDecaySchedule(IT, 0.1, 0.5, 2)));
        rejects("Expected gamma in (0.0, 1.0], but got 0.0",
                () -> new CyclicSchedule(IT, 0.001, 0.01, 5, 5, Mode.EXP_RANGE, 0.0));
    }

    @Test
    void baseAboveMaxIsRejected() {
        rejects("Expected maxValue >= 0.01 and finite, but got 0.001",
                () -> new CyclicSchedule(IT, 0.01, 0.001, 5, 5, Mode.TRIANGULAR, 1));
        rejects("Expected maxValue >= 0.5 and finite, but got 0.1",
                () -> new CosineWarmRestartsSchedule(IT, 0.1, 0.5, 5, 1));
        rejects("Expected maxMomentum in [0.95, 1.0), but got 0.85",
                () -> OneCycleSchedule.momentum(IT, 0.95, 0.85, 100, 0.3, Anneal.COS, false));
    }

    @Test
    void milestonesMustBeStrictlyIncreasing() {
        rejects("Expected milestones to be strictly increasing, but got [400, 400] (milestones[1]=400 <= milestones[0]=400)",
                () -> new MultiStepSchedule(IT, 0.1, 0.1, new int[]{400, 400}));
        rejects("Expected milestones to be strictly increasing, but got [700, 400] (milestones[1]=400 <= milestones[0]=700)",
                () -> new MultiStepSchedule(IT, 0.1, 0.1, new int[]{700, 400}));
        rejects("Expected milestones[0] >= 1, but got 0 in [0, 5]",
                () -> new MultiStepSchedule(IT, 0.1, 0.1, new int[]{0, 5}));
        rejects("Expected at least one milestone, but got []", () -> new MultiStepSchedule(IT, 0.1, 0.1, new int[0]));
        rejects("Expected milestones to be non-null, but got null", () -> new MultiStepSchedule(IT, 0.1, 0.1, null));
    }

    @Test
    void oneCyclePhasesMustBeNonEmpty() {
        rejects("Expected pctStart in (0.0, 1.0), but got 1.0",
                () -> new OneCycleSchedule(IT, 0.1, 100, 1.0, 25, 1e4, Anneal.COS, false));
        rejects("Expected pctStart in (0.0, 1.0), but got 0.0",
                () -> new OneCycleSchedule(IT, 0.1, 100, 0.0, 25, 1e4, Anneal.COS, false));
        rejects("Expected pctStart in (0.0, 1.0), but got NaN",
                () -> new OneCycleSchedule(IT, 0.1, 100, Double.NaN, 25, 1e4, Anneal.COS, false));
        rejects("Expected pctStart * totalSteps > 1, so that the first phase has at least one step, but got 0.1 * 10 = 1.0",
                () -> new OneCycleSchedule(IT, 0.1, 10, 0.1, 25, 1e4, Anneal.COS, false));
        rejects("Expected 2 * pctStart * totalSteps - 2 < totalSteps - 1 with threePhase, so that the third phase is not empty, but got pctStart=0.6, totalSteps=100",
                () -> new OneCycleSchedule(IT, 0.1, 100, 0.6, 25, 1e4, Anneal.COS, true));
        rejects("Expected totalSteps >= 2, but got 1",
                () -> new OneCycleSchedule(IT, 0.1, 1, 0.5, 25, 1e4, Anneal.COS, false));
        rejects("Expected divFactor >= 1.0 and finite, but got 0.5",
                () -> new OneCycleSchedule(IT, 0.1, 100, 0.3, 0.5, 1e4, Anneal.COS, false));
        rejects("Expected anneal to be non-null, but got null",
                () -> new OneCycleSchedule(IT, 0.1, 100, 0.3, 25, 1e4, null, false));
    }

    @Test
    void compositesCheckCountNullsAndScheduleTypes() {
        ISchedule a = new StepDecaySchedule(EP, 0.1, 0.5, 2);
        rejects("Expected schedules.length == milestones.length + 1 = 2, but got 1 schedules for milestones [5]",
                () -> new SequentialSchedule(EP, new int[]{5}, a));
        rejects("Expected schedules[1] to be non-null, but got null",
                () -> new SequentialSchedule(EP, new int[]{5}, a, null));
        rejects("Expected schedules[1] to use scheduleType EPOCH like its parent, but got ITERATION in "
                        + "StepDecaySchedule(ITERATION, initialValue=0.1, decayFactor=0.5, stepSize=2)",
                () -> new SequentialSchedule(EP, new int[]{5}, a, new StepDecaySchedule(IT, 0.1, 0.5, 2)));
        rejects("Expected after to use scheduleType ITERATION like its parent, but got EPOCH in "
                        + "StepSchedule(scheduleType=EPOCH, initialValue=0.1, decayRate=0.5, step=2.0)",
                () -> new WarmupSchedule(IT, 5, 0.0, new StepSchedule(EP, 0.1, 0.5, 2)));
        rejects("Expected after to be non-null, but got null", () -> new WarmupSchedule(IT, 5, 0.0, null));
        rejects("Expected scheduleType to be non-null, but got null", () -> new StepDecaySchedule(null, 0.1, 0.5, 2));
        rejects("Expected mode to be non-null, but got null", () -> new CyclicSchedule(IT, 0.1, 0.2, 2, 2, null, 1));
        rejects("Expected base to be non-null, but got null", () -> new ScaledSchedule(null, 0.5));
        rejects("Expected factor > 0 and finite, but got 0.0", () -> new ScaledSchedule(a, 0.0));
        rejects("Expected factor > 0 and finite, but got NaN", () -> ScaledSchedule.of(a, Double.NaN));
    }

    @Test
    void withMeanNeedsAShapeWithAPositiveMean() {
        ISchedule cosine = new CosineDecaySchedule(IT, 1, 0, 10);
        rejects("Expected shape to be non-null, but got null", () -> ScaledSchedule.withMean(null, 0.01, 10));
        rejects("Expected mean > 0 and finite, but got NaN", () -> ScaledSchedule.withMean(cosine, Double.NaN, 10));
        rejects("Expected steps > 0, but got 0", () -> ScaledSchedule.withMean(cosine, 0.01, 0));
        rejects("Expected a shape with a positive mean over 3 steps, but got 0.0",
                () -> ScaledSchedule.withMean(new FixedSchedule(0), 0.01, 3));
        rejects("Expected shape values finite and >= 0 over steps 0..2 (at t = 0), but got -1.0",
                () -> ScaledSchedule.withMean(new FixedSchedule(-1), 0.01, 3));
    }
}
