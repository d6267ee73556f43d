package io.github.dl4jlr.schedule;

import io.github.dl4jlr.schedule.CyclicSchedule.Mode;
import io.github.dl4jlr.schedule.OneCycleSchedule.Anneal;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-calculated values at the edges (t-1, t, t+1) of every phase. */
class ScheduleBoundaryTest {

    private static final ScheduleType IT = ScheduleType.ITERATION;
    private static final ScheduleType EP = ScheduleType.EPOCH;

    private static void at(ISchedule s, int t, double expected) {
        int it = s instanceof BaseSchedule && ((BaseSchedule) s).getScheduleType() == EP ? 12345 : t;
        int ep = it == t ? 777 : t;
        assertEquals(expected, s.valueAt(it, ep), 1e-12 * Math.abs(expected) + 1e-20, s + " at t=" + t);
    }

    @Test
    void stepDecay() {
        ISchedule s = new StepDecaySchedule(EP, 0.1, 0.5, 10);
        at(s, 0, 0.1);
        at(s, 9, 0.1);
        at(s, 10, 0.05);
        at(s, 11, 0.05);
        at(s, 19, 0.05);
        at(s, 20, 0.025);
        at(s, 25, 0.025);
    }

    @Test
    void multiStepSeedRecipe() {
        ISchedule s = new MultiStepSchedule(EP, 0.1, 0.1, new int[]{400, 700});
        at(s, 0, 0.1);
        at(s, 399, 0.1);
        at(s, 400, 0.01);
        at(s, 401, 0.01);
        at(s, 699, 0.01);
        at(s, 700, 0.001);
        at(s, 701, 0.001);
        at(s, 100_000, 0.001);
    }

    @Test
    void linear() {
        ISchedule s = new LinearDecaySchedule(IT, 0.1, 0.0, 100);
        at(s, 0, 0.1);
        at(s, 25, 0.075);
        at(s, 99, 0.001);
        at(s, 100, 0.0);
        at(s, 101, 0.0);
        ISchedule up = new LinearDecaySchedule(IT, 0.0, 0.2, 4);
        at(up, 1, 0.05);
        at(up, 3, 0.15);
        at(up, 4, 0.2);
        at(up, 5, 0.2);
    }

    @Test
    void polynomial() {
        ISchedule s = new PolynomialDecaySchedule(IT, 0.1, 0.0, 100, 2.0);
        at(s, 0, 0.1);
        at(s, 50, 0.025);
        at(s, 99, 1e-5);
        at(s, 100, 0.0);
        at(s, 101, 0.0);
        ISchedule withFloor = new PolynomialDecaySchedule(IT, 0.1, 0.01, 100, 2.0);
        at(withFloor, 50, 0.0325);
        at(withFloor, 100, 0.01);
        at(withFloor, 5000, 0.01);
    }

    @Test
    void cosine() {
        ISchedule s = new CosineDecaySchedule(IT, 0.1, 0.0, 100);
        at(s, 0, 0.1);
        at(s, 50, 0.05);
        // 0.1 * (1 + cos(0.99 pi)) / 2 = 0.1 * (1 - 0.9995065603657316) / 2
        at(s, 99, 2.467198171342e-5);
        at(s, 100, 0.0);
        at(s, 101, 0.0);
    }

    @Test
    void warmRestartsCountsPeriodsExactly() {
        ISchedule s = new CosineWarmRestartsSchedule(IT, 0.1, 0.0, 10, 2);
        at(s, 0, 0.1);
        at(s, 5, 0.05);
        at(s, 9, 0.0024471741852423235);
        at(s, 10, 0.1);
        at(s, 11, 0.0993844170297569);
        at(s, 29, 0.0006155829702431115);
        at(s, 30, 0.1);
        at(s, 69, 0.0001541333133436018);
        at(s, 70, 0.1);
        // periods 10, 20, 40, ..., 10 * 2^27 start at 10 * (2^27 - 1) = 1342177270
        assertTrue(s.valueAt(1_342_177_269, 0) < 1e-15, "last step of the 28th period is at the minimum");
        at(s, 1_342_177_270, 0.1);
        ISchedule constantPeriod = new CosineWarmRestartsSchedule(IT, 0.1, 0.02, 4, 1);
        at(constantPeriod, 2, 0.06);
        at(constantPeriod, 4, 0.1);
        at(constantPeriod, 402, 0.06);
    }

    @Test
    void cyclicTriangular() {
        ISchedule s = new CyclicSchedule(IT, 0.001, 0.006, 2000, 2000, Mode.TRIANGULAR, 1.0);
        at(s, 0, 0.001);
        at(s, 1000, 0.0035);
        at(s, 1999, 0.0059975);
        at(s, 2000, 0.006);
        at(s, 2001, 0.0059975);
        at(s, 3999, 0.0010025);
        at(s, 4000, 0.001);
        at(s, 4001, 0.0010025);
    }

    @Test
    void cyclicAsymmetricAndTriangular2() {
        ISchedule s = new CyclicSchedule(IT, 0.0, 0.3, 1, 3, Mode.TRIANGULAR, 1.0);
        at(s, 0, 0.0);
        at(s, 1, 0.3);
        at(s, 2, 0.2);
        at(s, 3, 0.1);
        at(s, 4, 0.0);
        at(s, 5, 0.3);
        ISchedule halving = new CyclicSchedule(IT, 0.001, 0.006, 2000, 2000, Mode.TRIANGULAR2, 1.0);
        at(halving, 2000, 0.006);
        at(halving, 6000, 0.0035);
        at(halving, 10000, 0.00225);
        ISchedule exp = new CyclicSchedule(IT, 0.0, 1.0, 2, 2, Mode.EXP_RANGE, 0.5);
        at(exp, 1, 0.25);
        at(exp, 2, 0.25);
        at(exp, 6, 1.0 / 64);
    }

    @Test
    void oneCycleTwoPhaseCos() {
        ISchedule s = new OneCycleSchedule(IT, 0.1, 100, 0.3, 25, 1e4, Anneal.COS, false);
        at(s, 0, 0.004);
        at(s, 29, 0.1);
        at(s, 64, (0.1 + 4e-7) / 2);
        at(s, 98, 5.07464715475788e-05);
        at(s, 99, 4e-7);
        at(s, 100, 4e-7);
        at(s, 1_000_000, 4e-7);
    }

    @Test
    void oneCycleThreePhaseLinear() {
        ISchedule s = new OneCycleSchedule(IT, 1.0, 100, 0.25, 10, 100, Anneal.LINEAR, true);
        // initial 0.1, min 0.001; phase ends 24, 48, 99
        at(s, 0, 0.1);
        at(s, 12, 0.55);
        at(s, 24, 1.0);
        at(s, 36, 0.55);
        at(s, 48, 0.1);
        at(s, 99, 0.001);
        at(s, 200, 0.001);
    }

    @Test
    void oneCycleMomentumMirrorsLr() {
        ISchedule m = OneCycleSchedule.momentum(IT, 0.85, 0.95, 100, 0.3, Anneal.COS, false);
        at(m, 0, 0.95);
        at(m, 29, 0.85);
        at(m, 64, 0.90);
        at(m, 99, 0.95);
        at(m, 150, 0.95);
        ISchedule three = OneCycleSchedule.momentum(IT, 0.8, 0.9, 100, 0.25, Anneal.LINEAR, true);
        at(three, 24, 0.8);
        at(three, 36, 0.85);
        at(three, 48, 0.9);
        at(three, 70, 0.9);
    }

    @Test
    void warmupThenCosine() {
        ISchedule s = new WarmupSchedule(IT, 100, 0.0, new CosineDecaySchedule(IT, 0.1, 0.0, 1000));
        at(s, 0, 0.0);
        at(s, 50, 0.05);
        at(s, 99, 0.099);
        at(s, 100, 0.1);
        at(s, 600, 0.05);
        at(s, 1100, 0.0);
    }

    @Test
    void scaledKeepsTheShapeAndFoldsNesting() {
        ISchedule s = new ScaledSchedule(new StepDecaySchedule(IT, 0.1, 0.5, 10), 0.1);
        at(s, 0, 0.01);
        at(s, 9, 0.01);
        at(s, 10, 0.005);
        ScaledSchedule twice = ScaledSchedule.of(ScaledSchedule.of(new StepDecaySchedule(IT, 0.1, 0.5, 10), 0.1), 0.5);
        assertEquals(new StepDecaySchedule(IT, 0.1, 0.5, 10), twice.getBase());
        assertEquals(0.05, twice.getFactor(), 1e-15);
        at(twice, 10, 0.0025);
    }

    @Test
    void withMeanScalesAShapeToThatMeanOverItsSteps() {
        // sum of cos(pi t / 100) over t = 0..99 is 1, so the unit cosine averages 0.505 there
        for (double scale : new double[]{1, 5}) {
            ScaledSchedule s = ScaledSchedule.withMean(new CosineDecaySchedule(IT, scale, 0, 100), 0.01, 100);
            at(s, 0, 0.01 / 0.505);
            at(s, 50, 0.01 / 0.505 / 2);
            at(s, 99, 0.01 / 0.505 * (1 + Math.cos(Math.PI * 0.99)) / 2);
            at(s, 100, 0.0);
            double sum = 0;
            for (int t = 0; t < 100; t++) {
                sum += s.valueAt(t, 0);
            }
            assertEquals(0.01, sum / 100, 1e-15);
        }
        // 5 epochs at 1, 3 at 0.1, 2 at 0.01: 5.32 over 10
        ScaledSchedule steps = ScaledSchedule.withMean(new MultiStepSchedule(EP, 1, 0.1, new int[]{5, 8}), 0.01, 10);
        assertEquals(0.01 / 0.532, steps.valueAt(0, 4), 1e-15);     // an EPOCH shape reads the epoch
        assertEquals(0.001 / 0.532, steps.valueAt(0, 5), 1e-15);
        assertEquals(0.0001 / 0.532, steps.valueAt(0, 8), 1e-15);
        at(ScaledSchedule.withMean(new FixedSchedule(0.3), 0.02, 7), 3, 0.02);
    }

    @Test
    void sequentialRestartsTimeForEachChild() {
        ISchedule s = new SequentialSchedule(EP, new int[]{5},
                new LinearDecaySchedule(EP, 0.0, 0.1, 5),
                new CosineDecaySchedule(EP, 0.1, 0.0, 94));
        at(s, 0, 0.0);
        at(s, 4, 0.08);
        at(s, 5, 0.1);
        at(s, 52, 0.05);
        at(s, 99, 0.0);
        at(s, 100, 0.0);
    }
}
