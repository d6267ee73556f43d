package io.github.dl4jlr.demo.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What runs on tiny data, and the reasons given for what does not. */
class FeasibilityTest {

    private static final Experiment ADAM = new Experiment("adam", Group.OPTIMIZERS, Strategy.ADAM, null);
    private static final Experiment PBT = new Experiment("pbt", Group.OPTIMIZERS, Strategy.PBT_ADAM, null);
    private static final Experiment FINDER = new Experiment("f", Group.OPTIMIZERS, Strategy.FINDER_ONECYCLE, null);

    private static DemoConfig config(int epochs) {
        return new DemoConfig(epochs, 32, 16, 8, 1, 2, 30, 1e-3, List.of(ADAM, PBT, FINDER));
    }

    @Test
    void withoutTestImagesNothingRuns() {
        Feasibility.Sizes sizes = new Feasibility.Sizes(2, 0, 0, 1);
        for (Experiment e : List.of(ADAM, PBT, FINDER)) {
            assertTrue(Feasibility.skipReason(e, sizes, config(2)).orElseThrow().startsWith("no test images"), e.id());
        }
    }

    @Test
    void pbtNeedsValidationImages() {
        Feasibility.Sizes sizes = new Feasibility.Sizes(4, 0, 2, 1);
        assertEquals(Optional.empty(), Feasibility.skipReason(ADAM, sizes, config(2)));
        assertTrue(Feasibility.skipReason(PBT, sizes, config(2)).orElseThrow()
                .startsWith("PBT scores its members on the validation split, which is empty"));
        assertEquals(Optional.empty(), Feasibility.skipReason(PBT, new Feasibility.Sizes(4, 1, 2, 1), config(2)));
    }

    @Test
    void oneCycleNeedsTenIterations() {
        Feasibility.Sizes oneBatch = new Feasibility.Sizes(20, 3, 3, 1);
        assertEquals("1cycle over 9 iteration(s) is too short: it needs at least 10 (more images, a smaller batch or "
                + "more epochs)", Feasibility.skipReason(FINDER, oneBatch, config(9)).orElseThrow(), "(t-1)");
        assertEquals(Optional.empty(), Feasibility.skipReason(FINDER, oneBatch, config(10)), "(t)");
    }
}
