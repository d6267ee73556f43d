package io.github.dl4jlr.examples.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BenchmarkDataTest {

    @Test
    void digitsHasEveryImageOnceWithThePublishedClassCounts() {
        BenchmarkData.Split d = BenchmarkData.digits(0);
        assertEquals(1347, d.train().numExamples());
        assertEquals(450, d.test().numExamples());
        assertEquals(64, d.features());
        assertEquals(10, d.classes());
        // Class sizes of the 1797-image UCI set, as scikit-learn documents them (load_digits).
        INDArray perClass = d.train().getLabels().sum(0).add(d.test().getLabels().sum(0));
        assertArrayEquals(new double[]{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perClass.toDoubleVector(), 0.0);
        assertEquals(0.0, d.train().getFeatures().minNumber().doubleValue(), 0.0);
        assertEquals(1.0, d.train().getFeatures().maxNumber().doubleValue(), 0.0);   // 16/16
    }

    @Test
    void theSeedShufflesTheSplitReproducibly() {
        INDArray a = BenchmarkData.digits(1).test().getFeatures();
        assertEquals(a, BenchmarkData.digits(1).test().getFeatures());
        assertFalse(a.equals(BenchmarkData.digits(2).test().getFeatures()));
    }
}
