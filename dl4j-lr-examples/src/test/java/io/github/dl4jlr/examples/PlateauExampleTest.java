package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class PlateauExampleTest {

    @Test
    void everyCutScalesTheScheduleTheNetworkActuallyUses() {
        // A 50% relative threshold cannot be met for long, so the policy must cut.
        PlateauExample.Result r = PlateauExample.run("--epochs", "4", "--patience", "1", "--threshold", "0.5");
        assertEquals(4, r.history().size());
        assertTrue(r.reductions() >= 1, "expected at least one cut: " + r.history());
        assertEquals(r.uncutScheduleValue() * Math.pow(0.1, r.reductions()), r.nextLearningRate(),
                1e-12 * r.uncutScheduleValue(), "the network's LR is the schedule times 0.1 per cut");
        assertTrue(r.testAccuracy() >= 0 && r.testAccuracy() <= 1, "a measured accuracy: " + r.testAccuracy());
    }
}
