package io.github.dl4jlr.finder;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaBelief;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpdaterFamilyTest {

    @Test
    void adamAndItsVariantsAreAdamEverythingElseIsOther() {
        for (IUpdater u : List.of(new Adam(), new AdaMax(), new Nadam(), new AMSGrad(), new AdaBelief())) {
            assertEquals(UpdaterFamily.ADAM, UpdaterFamily.of(u), u.getClass().getSimpleName());
        }
        for (IUpdater u : List.of(new Sgd(0.1), new Nesterovs(0.1, 0.9), new RmsProp(), new AdaGrad())) {
            assertEquals(UpdaterFamily.OTHER, UpdaterFamily.of(u), u.getClass().getSimpleName());
        }
    }

    @Test
    void oneAdamLayerMakesTheNetworkAdam() {
        assertEquals(UpdaterFamily.OTHER, UpdaterFamily.of(List.of(new Sgd(0.1), new RmsProp())));
        assertEquals(UpdaterFamily.ADAM, UpdaterFamily.of(List.of(new Sgd(0.1), new Adam())));
    }

    @Test
    void needsAtLeastOneUpdater() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpdaterFamily.of(List.of()));
        assertEquals("Expected at least one updater, but got none", e.getMessage());
    }
}
