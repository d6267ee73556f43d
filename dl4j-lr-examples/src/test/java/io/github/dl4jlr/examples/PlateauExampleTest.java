package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlateauExampleTest {

    @Test
    void runsAndRecordsEveryEpoch() {
        PlateauExample.Result r = PlateauExample.run("--epochs", "4", "--patience", "1");
        assertEquals(4, r.history().size());
        assertEquals(r.history().stream().filter(h -> h.decision().name().equals("REDUCE")).count(), r.reductions());
        assertTrue(r.testAccuracy() > 0.5, "10 classes, chance 0.1: " + r.testAccuracy());
    }
}
