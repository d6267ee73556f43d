package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumLagTest {

    @Test
    void workedValuesOfADoublingSweep() {
        // by hand: L_t = 0.1 * (1.9 lr_t + 0.81 * sum_k 0.9^k lr_{t-1-k}) for rates 1, 2, 4
        assertArrayEquals(new double[]{0.19, 0.461, 0.9949},
                MomentumLag.equivalentRates(new double[]{1, 2, 4}, constant(0.9, 3)), 1e-12);
    }

    @Test
    void aMomentumThatChangesEntersStepByStep() {
        // by hand, momentum 0.9 then 0.5, rates 1 and 2: L_0 = 0.1 * 1.9 = 0.19; S_0 = 1;
        // L_1 = 0.5 * (1.5 * 2 + 0.25 * 1) = 1.625
        assertArrayEquals(new double[]{0.19, 1.625},
                MomentumLag.equivalentRates(new double[]{1, 2}, new double[]{0.9, 0.5}), 1e-12);
    }

    @Test
    void aLongExponentialSweepReadsAFixedShareOfItsRate() {
        double[] lrs = new double[200];
        for (int t = 0; t < lrs.length; t++) {
            lrs[t] = Math.pow(2, t - 150);
        }
        double[] l = MomentumLag.equivalentRates(lrs, constant(0.9, lrs.length));
        double limit = 0.1 * (1.9 + 0.81 / 1.1);
        assertEquals(limit, l[198] / lrs[198], 1e-12);
        assertEquals(limit, l[199] / lrs[199], 1e-12);
    }

    @Test
    void aConstantRateIsItsOwnEquivalentOnceTheVelocityHasBuilt() {
        double[] lrs = new double[400];
        java.util.Arrays.fill(lrs, 0.05);
        double[] l = MomentumLag.equivalentRates(lrs, constant(0.9, lrs.length));
        assertEquals(0.05, l[399], 1e-12);
        assertTrue(l[0] < 0.01, "the first step, from a zero velocity, stands for a tenth-ish: " + l[0]);
    }

    @Test
    void withoutMomentumTheRatesAreTheirOwnEquivalents() {
        assertArrayEquals(new double[]{1e-3, 2e-3, 5e-3},
                MomentumLag.equivalentRates(new double[]{1e-3, 2e-3, 5e-3}, constant(0, 3)), 1e-18);
    }

    @Test
    void badMomentumIsRefusedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MomentumLag.equivalentRates(new double[]{1}, new double[]{1.0}));
        assertTrue(e.getMessage().contains("momentum in [0, 1)") && e.getMessage().contains("1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MomentumLag.equivalentRates(new double[]{1}, new double[]{Double.NaN}));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> MomentumLag.equivalentRates(new double[]{1, 2}, new double[]{0.9}));
        assertTrue(length.getMessage().contains("one momentum per rate (2)"), length.getMessage());
    }

    /**
     * Pins what the lag rests on: DL4J's Nesterovs updater, fed a constant gradient of 1 while its rate doubles each
     * step, returns the update {@code L_t / (1 - mu_t)}, so its velocity carries the earlier, smaller rates; with a
     * momentum schedule it uses each step's momentum.
     */
    @Test
    void dl4jsNesterovsUpdaterStepsByTheEquivalentRate() {
        double[] lrs = {1, 2, 4, 8, 16, 32};
        assertArrayEquals(MomentumLag.equivalentRates(lrs, constant(0.9, 6)),
                applied(new Nesterovs(new ExponentialSchedule(ScheduleType.ITERATION, 1.0, 2.0), 0.9), 6), 1e-9);
        ISchedule falling = new StepSchedule(ScheduleType.ITERATION, 0.95, 0.9, 2); // 0.95, 0.95, 0.855, 0.855, ...
        double[] momenta = {0.95, 0.95, 0.855, 0.855, 0.7695, 0.7695};
        assertArrayEquals(MomentumLag.equivalentRates(lrs, momenta),
                applied(new Nesterovs(new ExponentialSchedule(ScheduleType.ITERATION, 1.0, 2.0), falling), 6), 1e-9);
    }

    /** The update DL4J's updater returns at each step for a gradient of 1, times (1 - that step's momentum). */
    private static double[] applied(Nesterovs config, int steps) {
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, config.stateSize(1));
        GradientUpdater<?> updater = config.instantiate(state, true);
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            INDArray g = Nd4j.ones(DataType.DOUBLE, 1, 1);
            updater.applyUpdater(g, t, 0);
            out[t] = g.getDouble(0) * (1 - config.currentMomentum(t, 0));
        }
        return out;
    }

    private static double[] constant(double momentum, int n) {
        double[] m = new double[n];
        java.util.Arrays.fill(m, momentum);
        return m;
    }
}
