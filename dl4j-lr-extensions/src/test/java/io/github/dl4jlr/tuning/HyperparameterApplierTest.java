package io.github.dl4jlr.tuning;

import io.github.dl4jlr.testutil.TinyNets;
import io.github.dl4jlr.updater.Prodigy;
import io.github.dl4jlr.updater.ScheduleFreeAdamW;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HyperparameterApplierTest {

    @Test
    void theLearningRateIsProdigysMultiplierAndScheduleFreesRate() {
        MultiLayerNetwork prodigy = TinyNets.mln(new Prodigy());
        HyperparameterApplier.apply(prodigy, Map.of(SearchSpace.LEARNING_RATE, 0.5));
        assertEquals(0.5, prodigy.getLearningRate(0), 0.0);
        MultiLayerNetwork sf = TinyNets.mln(new ScheduleFreeAdamW());
        HyperparameterApplier.apply(sf, Map.of(SearchSpace.LEARNING_RATE, 0.01));
        assertEquals(0.01, sf.getLearningRate(0), 0.0);
    }
}
