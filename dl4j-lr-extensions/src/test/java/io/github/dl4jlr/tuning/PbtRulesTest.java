package io.github.dl4jlr.tuning;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exploit and explore on a fake population, without networks. */
class PbtRulesTest {

    private static final SearchSpace SPACE = SearchSpace.learningRate(1e-4, 1e-1).momentum(0.5, 0.95).build();

    @Test
    void truncationReplacesTheBottomQuarterWithTheTopQuarter() {
        double[] scores = {0.50, 0.90, 0.10, 0.70, 0.95, 0.20, 0.60, 0.80};
        for (long seed = 0; seed < 50; seed++) {
            int[] donors = PbtRules.exploit(scores, Exploit.TRUNCATION, new Random(seed));
            for (int m = 0; m < scores.length; m++) {
                if (m == 2 || m == 5) {
                    assertTrue(donors[m] == 4 || donors[m] == 1, "bottom member " + m + " copied " + donors[m]);
                } else {
                    assertEquals(-1, donors[m], "member " + m + " is not in the bottom quarter");
                }
            }
        }
    }

    @Test
    void truncationOfFourReplacesOnlyTheWorstAndNanRanksLast() {
        int[] donors = PbtRules.exploit(new double[]{0.3, Double.NaN, 0.9, 0.5}, Exploit.TRUNCATION, new Random(1));
        assertEquals(-1, donors[0]);
        assertEquals(2, donors[1]);
        assertEquals(-1, donors[2]);
        assertEquals(-1, donors[3]);
    }

    @Test
    void aTieIsNoReasonToExploit() {
        // Eight members, the bottom two tie with the top two: nobody copies anybody (the reported log line was
        // "member 7 (0.9688) copies member 0 (0.9688)").
        double[] scores = {0.9688, 0.9688, 0.9688, 0.9688, 0.9688, 0.9688, 0.9688, 0.9688};
        for (long seed = 0; seed < 20; seed++) {
            for (int d : PbtRules.exploit(scores, Exploit.TRUNCATION, new Random(seed))) {
                assertEquals(-1, d, "seed " + seed);
            }
        }
        int[] donors = PbtRules.exploit(new double[]{0.9, 0.5, 0.9, 0.9}, Exploit.TRUNCATION, new Random(3));
        assertEquals(-1, donors[0], "the top member keeps its own weights");
        assertTrue(donors[1] == 0 || donors[1] == 2 || donors[1] == 3, "the worst copies a strictly better one");
    }

    @Test
    void binaryTournamentOnlyCopiesABetterMember() {
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        int copies = 0;
        for (long seed = 0; seed < 100; seed++) {
            int[] donors = PbtRules.exploit(scores, Exploit.BINARY_TOURNAMENT, new Random(seed));
            assertEquals(-1, donors[5], "the best member never copies");
            for (int m = 0; m < scores.length; m++) {
                assertTrue(donors[m] == -1 || scores[donors[m]] > scores[m]);
                assertTrue(donors[m] != m);
                copies += donors[m] >= 0 ? 1 : 0;
            }
        }
        assertTrue(copies > 100, "weak members do copy: " + copies);
    }

    @Test
    void perturbMultipliesByPointEightOrOnePointTwo() {
        Map<String, Double> donor = Map.of(SearchSpace.LEARNING_RATE, 1e-2, SearchSpace.MOMENTUM, 0.7);
        boolean sawUp = false;
        boolean sawDown = false;
        Random rng = new Random(5);
        for (int i = 0; i < 40; i++) {
            double lr = PbtRules.explore(donor, SPACE, Explore.PERTURB, 0.25, rng)
                    .get(SearchSpace.LEARNING_RATE);
            assertTrue(Math.abs(lr - 8e-3) < 1e-15 || Math.abs(lr - 1.2e-2) < 1e-15, "lr " + lr);
            sawUp |= lr > 1e-2;
            sawDown |= lr < 1e-2;
        }
        assertTrue(sawUp && sawDown);
    }

    @Test
    void exploredValuesNeverLeaveTheBounds() {
        Map<String, Double> atTop = Map.of(SearchSpace.LEARNING_RATE, 1e-1, SearchSpace.MOMENTUM, 0.95);
        Map<String, Double> atBottom = Map.of(SearchSpace.LEARNING_RATE, 1e-4, SearchSpace.MOMENTUM, 0.5);
        Random rng = new Random(3);
        for (int i = 0; i < 2000; i++) {
            for (Map<String, Double> donor : new Map[]{atTop, atBottom}) {
                for (Explore e : Explore.values()) {
                    Map<String, Double> hp = PbtRules.explore(donor, SPACE, e, 0.5, rng);
                    assertTrue(hp.get(SearchSpace.LEARNING_RATE) >= 1e-4 && hp.get(SearchSpace.LEARNING_RATE) <= 1e-1);
                    assertTrue(hp.get(SearchSpace.MOMENTUM) >= 0.5 && hp.get(SearchSpace.MOMENTUM) <= 0.95);
                }
            }
        }
    }

    @Test
    void resampleWithProbabilityOneDrawsFromThePrior() {
        Map<String, Double> donor = Map.of(SearchSpace.LEARNING_RATE, 1e-2, SearchSpace.MOMENTUM, 0.7);
        Random rng = new Random(9);
        int far = 0;
        for (int i = 0; i < 200; i++) {
            double lr = PbtRules.explore(donor, SPACE, Explore.RESAMPLE, 1.0, rng).get(SearchSpace.LEARNING_RATE);
            far += lr < 8e-3 || lr > 1.2e-2 ? 1 : 0;
        }
        assertTrue(far > 150, "resampled values spread over the prior: " + far);
    }

    @Test
    void searchSpaceValidation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.learningRate(0, 1e-1));
        assertEquals("Expected learningRate min > 0 and finite, but got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.learningRate(1e-1, 1e-2).build());
        assertEquals("Expected learningRate min < max, but got min=0.1, max=0.01", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SPACE.validate(Map.of(SearchSpace.LEARNING_RATE, 1.0,
                SearchSpace.MOMENTUM, 0.9)));
        assertEquals("Expected learningRate in [1.0E-4, 0.1], but got 1.0", e.getMessage());
    }
}
