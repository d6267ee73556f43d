package io.github.dl4jlr.examples.data;

import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fine-tuning problem: disjoint classes, a frozen pretrained layer, a new head that learns the target. */
class FineTuningTest {

    @Test
    void sourceAndTargetShareNoClassAndTheTargetIsSmall() {
        BenchmarkData.Split target = ExampleModels.dataFor(FineTuning.NAME, 0);
        BenchmarkData.Split source = FineTuning.source(0);
        assertEquals(13, target.classes());
        assertEquals(600, target.train().numExamples());
        assertEquals(13, target.train().getLabels().size(1));
        // every row keeps exactly one label among its 13 columns
        assertEquals(600, target.train().getLabels().sumNumber().doubleValue(), 1e-9);
        assertEquals(target.test().numExamples(), target.test().getLabels().sumNumber().doubleValue(), 1e-9);
        // the letters' 4000/1000 split, A to M on one side: together with N to Z they are the whole split
        int letterTest = BenchmarkData.letter(0).test().numExamples();
        assertEquals(letterTest, source.test().numExamples() + target.test().numExamples());
    }

    @Test
    void classesKeepsTheRowsOfARangeAndOnlyItsColumns() {
        DataSet d = new DataSet(Nd4j.createFromArray(new float[][]{{1}, {2}, {3}}),
                Nd4j.createFromArray(new float[][]{{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}));
        DataSet upper = FineTuning.classes(d, 1, 3);
        assertEquals(Nd4j.createFromArray(new float[][]{{2}, {3}}), upper.getFeatures());
        assertEquals(Nd4j.createFromArray(new float[][]{{0, 1}, {1, 0}}), upper.getLabels());
    }

    @Test
    void theModelKeepsThePretrainedFrozenLayerAndLearnsTheTarget() {
        MultiLayerNetwork pretrained = FineTuning.pretrained();
        MultiLayerNetwork net = ExampleModels.forProblem(FineTuning.NAME, FineTuning.target(0), new Adam(1e-3), 1);
        assertInstanceOf(FrozenLayer.class, net.getLayer(0));
        assertEquals(pretrained.getLayer(0).params(), net.getLayer(0).params());
        assertEquals(pretrained.getLayer(1).params(), net.getLayer(1).params());
        assertEquals(13, net.getLayer(2).getParam("W").size(1));
        BenchmarkData.Split target = FineTuning.target(0);
        double before = ExampleModels.testScore(net, target);
        for (int e = 0; e < 5; e++) {
            net.fit(target.trainIterator());
        }
        assertEquals(pretrained.getLayer(0).params(), net.getLayer(0).params(), "the frozen layer did not train");
        assertNotEquals(pretrained.getLayer(1).params(), net.getLayer(1).params(), "the second layer trained");
        double after = ExampleModels.testScore(net, target);
        assertTrue(after > before + 0.3 && after > 0.6, "the new head learned N to Z: " + before + " -> " + after);
    }
}
