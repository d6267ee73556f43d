package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class LearningRateSearchExampleTest {

    @Test
    void searchesTheBracketTheRangeTestGave() {
        LearningRateSearchExample.Result r = LearningRateSearchExample.run("--epochs", "1", "--candidates", "4");
        double[] rates = r.search().rates();
        assertEquals(4, rates.length);
        assertTrue(r.sweep().divergedAt().isPresent(), r.sweep().summary());
        assertTrue(rates[rates.length - 1] < r.sweep().divergedAt().getAsDouble(),
                "every candidate is below where the sweep diverged: " + r.search().summary());
        boolean isCandidate = false;
        for (double rate : rates) {
            isCandidate |= Math.abs(rate - r.search().bestRate()) <= 1e-12 * rate;
        }
        assertTrue(isCandidate, "the answer is one of the candidates: " + r.search().summary());
        assertTrue(r.search().cost() > 1, "it costs more than one training of the budget: " + r.search().cost());
    }
}
