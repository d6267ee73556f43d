package io.github.dl4jlr.examples.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkDataTest {

    /** Examples per class over the training and test parts together. */
    private static INDArray perClass(BenchmarkData.Split d) {
        return d.train().getLabels().sum(0).add(d.test().getLabels().sum(0));
    }

    @Test
    void digitsHasEveryImageOnceWithThePublishedClassCounts() {
        BenchmarkData.Split d = BenchmarkData.digits(0);
        assertEquals(1347, d.train().numExamples());
        assertEquals(450, d.test().numExamples());
        assertEquals(64, d.features());
        assertEquals(10, d.classes());
        // Class sizes of the 1797-image UCI set, as scikit-learn documents them (load_digits).
        INDArray perClass = perClass(d);
        assertArrayEquals(new double[]{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perClass.toDoubleVector(), 0.0);
        assertEquals(0.0, d.train().getFeatures().minNumber().doubleValue(), 0.0);
        assertEquals(1.0, d.train().getFeatures().maxNumber().doubleValue(), 0.0);   // 16/16
    }

    @Test
    void satelliteHasTheStatlogClassCounts() {
        BenchmarkData.Split d = BenchmarkData.satellite(0);
        assertEquals(4435, d.train().numExamples());
        assertEquals(2000, d.test().numExamples());
        assertEquals(36, d.features());
        // UCI's documentation of Statlog (Landsat Satellite): training + test examples per class, in mlbench's order
        // (red soil, cotton crop, grey soil, damp grey soil, vegetation stubble, very damp grey soil)
        INDArray perClass = perClass(d);
        assertArrayEquals(new double[]{1072 + 461, 479 + 224, 961 + 397, 415 + 211, 470 + 237, 1038 + 470},
                perClass.toDoubleVector(), 0.0);
        assertEquals(0.0, d.train().getFeatures().mean(0).amaxNumber().doubleValue(), 1e-4,
                "standardized on the training part");
    }

    @Test
    void letterHasAllTwentySixLetters() {
        BenchmarkData.Split d = BenchmarkData.letter(0);
        assertEquals(4000, d.train().numExamples());
        assertEquals(1000, d.test().numExamples());
        assertEquals(16, d.features());
        assertEquals(26, d.classes());
        INDArray perClass = perClass(d);
        assertEquals(5000, perClass.sumNumber().intValue());
        // the full 20000 rows hold 734 to 813 of each letter; the first quarter about a quarter of that
        assertTrue(perClass.minNumber().intValue() > 150, perClass.toString());
        assertTrue(perClass.maxNumber().intValue() < 230, perClass.toString());
    }

    @Test
    void vehicleHasTheStatlogClassCounts() {
        BenchmarkData.Split d = BenchmarkData.vehicle(0);
        assertEquals(634, d.train().numExamples());
        assertEquals(212, d.test().numExamples());
        assertEquals(18, d.features());
        // UCI's documentation of Statlog (Vehicle Silhouettes), in mlbench's order: bus, opel, saab, van
        assertArrayEquals(new double[]{218, 212, 217, 199}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void vowelHasNinetyOfEachVowel() {
        BenchmarkData.Split d = BenchmarkData.vowel(0);
        assertEquals(750, d.train().numExamples());
        assertEquals(240, d.test().numExamples());
        assertEquals(9, d.features());
        // 15 speakers said each of the 11 vowels 6 times
        double[] ninety = new double[11];
        Arrays.fill(ninety, 90);
        assertArrayEquals(ninety, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void theSeedShufflesTheSplitReproducibly() {
        INDArray a = BenchmarkData.digits(1).test().getFeatures();
        assertEquals(a, BenchmarkData.digits(1).test().getFeatures());
        assertFalse(a.equals(BenchmarkData.digits(2).test().getFeatures()));
    }
}
