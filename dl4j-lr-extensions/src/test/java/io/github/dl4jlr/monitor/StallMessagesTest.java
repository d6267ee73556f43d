package io.github.dl4jlr.monitor;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stall never advises raising a rate that an earlier line of the run found too high, nor repeats its advice. */
class StallMessagesTest {

    private static LossStall stall(StallCause cause, double medianRatio) {
        return new LossStall(0, 500, 3, false, 2.796, 2.618, 2.618, 2.618, 3, 0.01, medianRatio, cause, 0.03, 0.03,
                "");
    }

    @Test
    void notGotGoingAdvisesRaisingTheRateOnItsOwn() {
        String line = MonitorMessages.stall(stall(StallCause.NO_PROGRESS, 1.5e-3), 1e-4, 1e-2, false, false, -1);
        assertTrue(line.contains("training has not got going; the learning rate is likely too low (try x10"), line);
    }

    @Test
    void afterATooHighLineItIsANoteThatPointsBackToIt() {
        assertEquals("epoch=3 training loss 2.796 has improved by less than 1.0% on its best (2.618) in 3 epochs; "
                        + "weight update:parameter ratios median 1.5e-03, inside the band [1e-04, 1e-02], after an "
                        + "earlier line found the learning rate too high: no advice to raise it; follow that line",
                MonitorMessages.stall(stall(StallCause.NO_PROGRESS, 1.5e-3), 1e-4, 1e-2, false, true, -1));
        assertTrue(MonitorMessages.stall(stall(StallCause.LR_TOO_LOW, 5e-5), 1e-4, 1e-2, false, true, -1)
                .endsWith("median 5.0e-05, below the band [1e-04, 1e-02], after an earlier line found the learning "
                        + "rate too high: no advice to raise it; follow that line"));
        assertTrue(MonitorMessages.stall(stall(StallCause.PLATEAU, 3e-3), 1e-4, 1e-2, false, true, -1)
                .endsWith("median 3.0e-03, inside the band [1e-04, 1e-02], after an earlier line found the learning "
                        + "rate too high: not a plateau at a workable rate; follow that line"));
        String high = MonitorMessages.stall(stall(StallCause.LR_TOO_HIGH, 2e-2), 1e-4, 1e-2, false, true, -1);
        assertTrue(high.endsWith("the learning rate is likely too high (try x0.1)"), "agreeing advice stays: " + high);
    }

    @Test
    void aStallAfterTheRateWasLoweredSaysByWhomAndWhyTheRatiosAreExpected() {
        LossStall cosine = new LossStall(0, 500, 7, false, 0.31, 0.5, 0.3, 0.3, 3, 0.01, 8e-5, StallCause.LR_LOWERED,
                7e-4, 1e-3, "its schedule");
        assertEquals("epoch=7 training loss 0.3100 has improved by less than 1.0% on its best (0.3000) in 3 epochs; "
                + "its schedule lowered the learning rate from 1.0e-03 to 7.0e-04 (at 1.0e-03 it would be 1.1e-04, in "
                + "the band), and the loss has levelled off at the lower rate: expected as a decay goes on; no action "
                + "(stop here if the validation loss agrees)", MonitorMessages.stall(cosine, 1e-4, 1e-2, false, false,
                -1));
        LossStall cut = new LossStall(0, 500, 7, false, 0.31, 0.5, 0.3, 0.3, 3, 0.01, 8e-6, StallCause.LR_LOWERED,
                1e-4, 1e-3, "ReduceLROnPlateau");
        assertTrue(MonitorMessages.stall(cut, 1e-4, 1e-2, false, false, -1).contains("ReduceLROnPlateau lowered the "
                + "learning rate from 1.0e-03 to 1.0e-04, and the loss"), "a rate cut 10x needs no reason");
    }

    @Test
    void aPlateauWithStepsBelowTheBandSaysSoAndWhy() {
        // a fitted network's stall: the ratios are below the band, and the line must not call them inside it
        assertTrue(MonitorMessages.stall(stall(StallCause.PLATEAU, 3.1e-5), 1e-4, 1e-2, false, false, -1)
                .endsWith("median 3.1e-05, below the band [1e-04, 1e-02], as the steps of a network that has fitted "
                        + "what it can at this pace are: a plateau at a workable learning rate; ReduceLROnPlateau or a "
                        + "decaying schedule (e.g. CosineDecaySchedule) lowers it once progress stalls"));
        assertTrue(MonitorMessages.stall(stall(StallCause.PLATEAU, 1e-4), 1e-4, 1e-2, false, false, -1)
                .contains("median 1.0e-04, inside the band [1e-04, 1e-02]: a plateau"), "at the edge: inside (t)");
        assertTrue(MonitorMessages.stall(stall(StallCause.PLATEAU, 3.1e-5), 1e-4, 1e-2, false, false, 2)
                .contains("below the band [1e-04, 1e-02], as the steps of a network that has fitted what it can at "
                        + "this pace are: a plateau again; the advice of epoch 2 stands"));
        assertTrue(MonitorMessages.stall(stall(StallCause.PLATEAU, 3.1e-5), 1e-4, 1e-2, false, true, -1)
                .endsWith("median 3.1e-05, below the band [1e-04, 1e-02], after an earlier line found the learning "
                        + "rate too high: not a plateau at a workable rate; follow that line"));
    }

    @Test
    void aSecondPlateauRepeatsNoAdvice() {
        String first = MonitorMessages.stall(stall(StallCause.PLATEAU, 3e-3), 1e-4, 1e-2, false, false, -1);
        assertTrue(first.endsWith("a plateau at a workable learning rate; ReduceLROnPlateau or a decaying schedule "
                + "(e.g. CosineDecaySchedule) lowers it once progress stalls"), first);
        assertEquals("epoch=3 training loss 2.796 has improved by less than 1.0% on its best (2.618) in 3 epochs; "
                        + "weight update:parameter ratios median 3.0e-03, inside the band [1e-04, 1e-02]: a plateau "
                        + "again; the advice of epoch 1 stands (a decaying schedule or ReduceLROnPlateau)",
                MonitorMessages.stall(stall(StallCause.PLATEAU, 3e-3), 1e-4, 1e-2, false, false, 1));
    }

    @Test
    void onlyTooLowAndNotGotGoingRaiseTheRate() {
        for (StallCause c : StallCause.values()) {
            assertEquals(EnumSet.of(StallCause.LR_TOO_LOW, StallCause.NO_PROGRESS).contains(c),
                    StallRules.raises(c), c.name());
        }
    }
}
