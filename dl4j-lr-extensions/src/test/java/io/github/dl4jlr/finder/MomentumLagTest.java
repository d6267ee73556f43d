package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MomentumLagTest {

    @Test
    void workedValuesOfADoublingSweep() {
        // by hand: L_t = 0.1 * (1.9 lr_t + 0.81 * sum_k 0.9^k lr_{t-1-k}) for rates 1, 2, 4
        assertArrayEquals(new double[]{0.19, 0.461, 0.9949},
                MomentumLag.equivalentRates(new double[]{1, 2, 4}, 0.9), 1e-12);
    }

    @Test
    void aLongExponentialSweepReadsAFixedShareOfItsRate() {
        double[] lrs = new double[200];
        for (int t = 0; t < lrs.length; t++) {
            lrs[t] = Math.pow(2, t - 150);
        }
        double[] l = MomentumLag.equivalentRates(lrs, 0.9);
        double limit = 0.1 * (1.9 + 0.81 / 1.1);
        assertEquals(limit, l[198] / lrs[198], 1e-12);
        assertEquals(limit, l[199] / lrs[199], 1e-12);
    }

    @Test
    void aConstantRateIsItsOwnEquivalentOnceTheVelocityHasBuilt() {
        double[] lrs = new double[400];
        java.util.Arrays.fill(lrs, 0.05);
        double[] l = MomentumLag.equivalentRates(lrs, 0.9);
        assertEquals(0.05, l[399], 1e-12);
        assertTrue(l[0] < 0.01, "the first step, from a zero velocity, stands for a tenth-ish: " + l[0]);
    }

    @Test
    void withoutMomentumTheRatesAreTheirOwnEquivalents() {
        assertArrayEquals(new double[]{1e-3, 2e-3, 5e-3},
                MomentumLag.equivalentRates(new double[]{1e-3, 2e-3, 5e-3}, 0), 1e-18);
    }

    @Test
    void badMomentumIsRefusedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MomentumLag.equivalentRates(new double[]{1}, 1.0));
        assertTrue(e.getMessage().contains("momentum in [0, 1)") && e.getMessage().contains("1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MomentumLag.equivalentRates(new double[]{1}, Double.NaN));
    }

    /**
     * Pins what the lag rests on: DL4J's Nesterovs updater, fed a constant gradient of 1 while its rate doubles each
     * step, returns the update {@code L_t / (1 - mu)}, so its velocity carries the earlier, smaller rates.
     */
    @Test
    void dl4jsNesterovsUpdaterStepsByTheEquivalentRate() {
        double mu = 0.9;
        Nesterovs config = new Nesterovs(new ExponentialSchedule(ScheduleType.ITERATION, 1.0, 2.0), mu);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, config.stateSize(1));
        GradientUpdater<?> updater = config.instantiate(state, true);
        double[] lrs = new double[6];
        double[] applied = new double[lrs.length];
        for (int t = 0; t < lrs.length; t++) {
            lrs[t] = Math.pow(2, t);
            INDArray g = Nd4j.ones(DataType.DOUBLE, 1, 1);
            updater.applyUpdater(g, t, 0);
            applied[t] = g.getDouble(0) * (1 - mu);
        }
        assertArrayEquals(MomentumLag.equivalentRates(lrs, mu), applied, 1e-9);
    }
}
