package io.github.dl4jlr.examples.data;

import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fine-tuning problems: disjoint classes, frozen pretrained layers, a new head that learns the target. */
class FineTuningTest {

    @ParameterizedTest
    @CsvSource({"letter-finetune, 13, 1000", "fashion-finetune, 5, 1000", "satellite-finetune, 3, 2000",
            "digits-finetune, 5, 450"})
    void sourceAndTargetShareNoClassAndTheTargetIsSmall(String problem, int classes, int allTest) {
        BenchmarkData.Split target = ExampleModels.dataFor(problem, 0);
        BenchmarkData.Split source = FineTuning.source(problem, 0);
        assertEquals(classes, target.classes());
        assertEquals(600, target.train().numExamples());
        assertEquals(classes, target.train().getLabels().size(1));
        // every row keeps exactly one label among its columns
        assertEquals(600, target.train().getLabels().sumNumber().doubleValue(), 1e-9);
        assertEquals(target.test().numExamples(), target.test().getLabels().sumNumber().doubleValue(), 1e-9);
        assertEquals(source.test().numExamples(), source.test().getLabels().sumNumber().doubleValue(), 1e-9);
        // the source classes and the target classes together are the whole test split
        assertEquals(allTest, source.test().numExamples() + target.test().numExamples());
    }

    @Test
    void classesKeepsTheRowsOfARangeAndOnlyItsColumns() {
        DataSet d = new DataSet(Nd4j.createFromArray(new float[][]{{1}, {2}, {3}}),
                Nd4j.createFromArray(new float[][]{{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}));
        DataSet upper = FineTuning.classes(d, 1, 3);
        assertEquals(Nd4j.createFromArray(new float[][]{{2}, {3}}), upper.getFeatures());
        assertEquals(Nd4j.createFromArray(new float[][]{{0, 1}, {1, 0}}), upper.getLabels());
    }

    @ParameterizedTest
    @CsvSource({"letter-finetune, 0, 1, 2", "digits-finetune, 2, 4, 5"})   // an MLP and a CNN: the others are alike
    void theModelKeepsThePretrainedFrozenLayersAndLearnsTheTarget(String problem, int lastFrozenWithParams,
                                                                   int trainedBody, int head) {
        MultiLayerNetwork pretrained = FineTuning.pretrained(problem);
        BenchmarkData.Split target = FineTuning.target(problem, 0);
        MultiLayerNetwork net = ExampleModels.forProblem(problem, target, new Adam(1e-3), 1);
        assertInstanceOf(FrozenLayer.class, net.getLayer(lastFrozenWithParams));
        assertEquals(pretrained.getLayer(lastFrozenWithParams).params(), net.getLayer(lastFrozenWithParams).params());
        assertEquals(pretrained.getLayer(trainedBody).params(), net.getLayer(trainedBody).params());
        assertEquals(target.classes(), net.getLayer(head).getParam("W").size(1));
        double before = ExampleModels.testScore(net, target);
        for (int e = 0; e < 5; e++) {
            net.fit(target.trainIterator());
        }
        assertEquals(pretrained.getLayer(lastFrozenWithParams).params(), net.getLayer(lastFrozenWithParams).params(),
                "the frozen layer did not train");
        assertNotEquals(pretrained.getLayer(trainedBody).params(), net.getLayer(trainedBody).params(),
                "the layer above it trained");
        double after = ExampleModels.testScore(net, target);
        assertTrue(after > before + 0.2 && after > 0.6, "the new head learned the target: " + before + " -> " + after);
    }
}
