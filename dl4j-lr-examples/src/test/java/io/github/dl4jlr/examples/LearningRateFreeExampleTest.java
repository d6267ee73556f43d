package io.github.dl4jlr.examples;

import io.github.dl4jlr.updater.Prodigy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class LearningRateFreeExampleTest {

    @Test
    void trainsBothWithoutALearningRate() {
        LearningRateFreeExample.Result r = LearningRateFreeExample.run("--epochs", "1");
        assertTrue(r.prodigyStepSize() > Prodigy.DEFAULT_D0, "Prodigy grew its estimate from d0: " + r.prodigyStepSize());
        assertTrue(r.prodigyAccuracy() >= 0 && r.prodigyAccuracy() <= 1, "a measured accuracy: " + r);
        assertTrue(r.scheduleFreeAccuracy() >= 0 && r.scheduleFreeAccuracy() <= 1, "a measured accuracy: " + r);
    }
}
