package io.github.dl4jlr.examples.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Chicago sequences: their shapes, the split by date, and that each target is the next step's entries. */
class SequenceDataTest {

    @Test
    void chicagoIsCutIntoFourWeekSequencesSplitByDate() {
        BenchmarkData.Split d = BenchmarkData.named("chicago", 0);
        assertTrue(d.regression());
        // 5698 days, the first 4558 for training: starts 0, 7, ..., 4543 (its last target is day 4557);
        // the test starts 4564, ..., 5677 (its last target is day 5691)
        assertArrayEquals(new long[]{650, 8, 14}, d.train().getFeatures().shape());
        assertArrayEquals(new long[]{650, 1, 14}, d.train().getLabels().shape());
        assertArrayEquals(new long[]{160, 8, 14}, d.test().getFeatures().shape());
        assertEquals(8, d.features());
        INDArray x = d.train().getFeatures();
        INDArray y = d.train().getLabels();
        for (int t = 0; t < 13; t++) {
            assertEquals(y.getDouble(5, 0, t), x.getDouble(5, 0, t + 1), 1e-6, "the target is the next day's entries");
        }
        assertEquals(650 * 14, x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 8)).sumNumber().doubleValue(), 1e-6,
                "one weekday a step");
        // standardized on the training days: the training sequences overlap, so only about 0 and 1
        assertEquals(0.0, y.meanNumber().doubleValue(), 0.05);
        assertEquals(1.0, y.mul(y).meanNumber().doubleValue(), 0.05);
    }

    @Test
    void theSeedShufflesOnlyTheTrainingOrder() {
        BenchmarkData.Split a = SequenceData.chicago(1);
        assertEquals(a.test(), SequenceData.chicago(2).test());
        assertFalse(a.train().getFeatures().equals(SequenceData.chicago(2).train().getFeatures()));
        assertEquals(a.train().getLabels().sumNumber().doubleValue(),
                SequenceData.chicago(2).train().getLabels().sumNumber().doubleValue(), 1e-3);
    }

    @Test
    void rowsMakeEveryStepARow() {
        INDArray series = Nd4j.create(new double[][][]{{{1, 2, 3}}, {{4, 5, 6}}});   // [2 examples, 1 unit, 3 steps]
        assertEquals(Nd4j.create(new double[][]{{1}, {2}, {3}, {4}, {5}, {6}}), SequenceData.rows(series));
        INDArray matrix = Nd4j.create(new double[][]{{1, 2}, {3, 4}});
        assertEquals(matrix, SequenceData.rows(matrix));
    }
}
