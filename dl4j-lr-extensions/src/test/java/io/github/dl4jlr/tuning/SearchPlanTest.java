package io.github.dl4jlr.tuning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Successive halving's arithmetic, without a network. */
class SearchPlanTest {

    @Test
    void eightCandidatesHalvingOverFourRungsToTwoFinalistsCostThreeTrainings() {
        SearchPlan p = SearchPlan.of(1e-4, 1e-1, 8, 2, 2, 800);
        assertArrayEquals(new int[]{100, 200, 400, 800}, p.rungEnds());
        assertArrayEquals(new int[]{8, 4, 2, 2}, new int[]{p.survivors(0), p.survivors(1), p.survivors(2), p.survivors(3)});
        assertEquals(100, p.length(0));
        assertEquals(400, p.length(3));
        assertEquals(3.0, p.cost(), 1e-12, "8/8 + 4/8 + 2/4 + 2/2");
        SearchPlan classic = SearchPlan.of(1e-4, 1e-1, 8, 2, 1, 800);
        assertEquals(1, classic.survivors(3));
        assertEquals(2.5, classic.cost(), 1e-12, "8/8 + 4/8 + 2/4 + 1/2");
        double[] r = p.rates();
        assertEquals(1e-4, r[0], 1e-18);
        assertEquals(1e-1, r[7], 1e-15);
        assertEquals(Math.pow(10, -4 + 3.0 / 7), r[1], 1e-15, "log-spaced");
    }

    @Test
    void otherShapesAndTheirCosts() {
        assertEquals(3.0, SearchPlan.of(1e-4, 1, 16, 2, 1, 1600).cost(), 1e-12, "16/16 + 8/16 + 4/8 + 2/4 + 1/2");
        assertEquals(3.5, SearchPlan.of(1e-4, 1, 16, 2, 2, 1600).cost(), 1e-12, "16/16 + 8/16 + 4/8 + 2/4 + 2/2");
        SearchPlan three = SearchPlan.of(1e-4, 1, 9, 3, 1, 900);
        assertArrayEquals(new int[]{100, 300, 900}, three.rungEnds());
        assertEquals(7.0 / 3, three.cost(), 1e-12, "9/9 + 3 x 2/9 + 1 x 6/9");
        assertEquals(3.0, SearchPlan.of(1e-4, 1, 9, 3, 2, 900).cost(), 1e-12, "9/9 + 3 x 2/9 + 2 x 6/9");
        assertEquals(4.5, SearchPlan.of(1e-4, 1, 8, 2, 4, 800).cost(), 1e-12, "8/8 + 4/8 + 4/4 + 4/2: no halving after rung 1");
        assertArrayEquals(new int[]{1, 2, 3}, SearchPlan.of(1e-4, 1, 4, 2, 1, 3).rungEnds(), "at least one iteration a rung");
    }

    @Test
    void theBetterPartGoesOnTiesToTheLowerRateNaNLast() {
        SearchPlan p = SearchPlan.of(1e-4, 1e-1, 8, 2, 1, 800);
        assertEquals(List.of(1, 5, 6, 7), p.promote(0, List.of(0, 1, 2, 3, 4, 5, 6, 7),
                new double[]{0.1, 0.9, 0.2, 0.3, 0.4, 0.8, 0.9, 0.85}));
        assertEquals(List.of(2, 3), p.promote(1, List.of(2, 3, 5, 7), new double[]{0.5, 0.5, 0.5, 0.4}),
                "a tie goes to the lower rate");
        assertEquals(List.of(3), p.promote(2, List.of(3, 5), new double[]{0.1, Double.NaN}), "NaN (diverged) is worst");
    }

    @Test
    void twoFinalistsBothTrainTheWholeBudgetAndTheBetterOneThenWins() {
        SearchPlan p = SearchPlan.of(1e-4, 1e-1, 8, 2, 2, 800);
        assertEquals(List.of(3, 5), p.promote(2, List.of(3, 5), new double[]{0.96, 0.95}),
                "both go on into the last rung, though 3 leads at half the budget");
        assertEquals(List.of(5), p.promote(3, List.of(3, 5), new double[]{0.86, 0.95}),
                "the winner is judged after the whole budget: 3 became unstable in the second half");
        assertEquals(List.of(3), p.promote(3, List.of(3, 5), new double[]{0.95, 0.95}), "a tie goes to the lower rate");
    }

    @Test
    void badShapesAreRefusedWithTheReason() {
        assertEquals("Expected candidates a power of the reduction 2 (e.g. 4), but got 6",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.of(1e-4, 1, 6, 2, 2, 100)).getMessage());
        assertEquals("Expected a budget of at least one iteration per rung (4), but got 3",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.of(1e-4, 1, 8, 2, 2, 3)).getMessage());
        assertEquals("Expected bracket high > low (0.1) and finite, but got 0.1",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.of(0.1, 0.1, 8, 2, 2, 100)).getMessage());
        assertEquals("Expected reduction >= 2, but got 1",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.of(1e-4, 1, 8, 1, 2, 100)).getMessage());
        assertEquals("Expected finalists between 1 and candidates / reduction (4), but got 5",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.of(1e-4, 1, 8, 2, 5, 100)).getMessage());
        assertEquals("Expected finalists between 1 and candidates / reduction (4), but got 0",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.of(1e-4, 1, 8, 2, 0, 100)).getMessage());
    }
}
