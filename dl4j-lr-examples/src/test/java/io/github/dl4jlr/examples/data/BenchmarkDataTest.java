package io.github.dl4jlr.examples.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkDataTest {

    /** The split's sizes: training and test examples, features. */
    private static void assertSizes(BenchmarkData.Split d, int train, int test, int features) {
        assertEquals(train, d.train().numExamples());
        assertEquals(test, d.test().numExamples());
        assertEquals(features, d.features());
    }

    /** Examples per class over the training and test parts together. */
    private static INDArray perClass(BenchmarkData.Split d) {
        return d.train().getLabels().sum(0).add(d.test().getLabels().sum(0));
    }

    @Test
    void digitsHasEveryImageOnceWithThePublishedClassCounts() {
        BenchmarkData.Split d = BenchmarkData.digits(0);
        assertSizes(d, 1347, 450, 64);
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
        assertSizes(d, 4435, 2000, 36);
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
        assertSizes(d, 4000, 1000, 16);
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
        assertSizes(d, 634, 212, 18);
        // UCI's documentation of Statlog (Vehicle Silhouettes), in mlbench's order: bus, opel, saab, van
        assertArrayEquals(new double[]{218, 212, 217, 199}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void vowelHasNinetyOfEachVowel() {
        BenchmarkData.Split d = BenchmarkData.vowel(0);
        assertSizes(d, 750, 240, 9);
        // 15 speakers said each of the 11 vowels 6 times
        double[] ninety = new double[11];
        Arrays.fill(ninety, 90);
        assertArrayEquals(ninety, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void dnaHasTheStatlogClassCounts() {
        BenchmarkData.Split d = BenchmarkData.dna(0);
        assertSizes(d, 2000, 1186, 180);
        // UCI's documentation of Statlog (DNA): 767 exon/intron, 765 intron/exon, 1654 neither
        assertArrayEquals(new double[]{767, 765, 1654}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void ionosphereHasTheUciClassCounts() {
        BenchmarkData.Split d = BenchmarkData.ionosphere(0);
        assertSizes(d, 263, 88, 33);
        // UCI's documentation of Ionosphere: 126 bad, 225 good
        assertArrayEquals(new double[]{126, 225}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void spamHasTheUciClassCounts() {
        BenchmarkData.Split d = BenchmarkData.spam(0);
        assertSizes(d, 3601, 1000, 57);
        // UCI's documentation of Spambase: 2788 e-mails that are not spam, 1813 spam
        assertArrayEquals(new double[]{2788, 1813}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void glassHasTheUciClassCounts() {
        BenchmarkData.Split d = BenchmarkData.glass(0);
        assertSizes(d, 164, 50, 9);
        // UCI's documentation of Glass Identification: 70, 76, 17, 0, 13, 9, 29 fragments of types 1 to 7 (4 absent)
        assertArrayEquals(new double[]{70, 76, 17, 13, 9, 29}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void shuttleIsARandomSixThousandOfTheUciRows() {
        BenchmarkData.Split d = BenchmarkData.shuttle(0);
        assertSizes(d, 4500, 1500, 9);
        // counted by R on the draw uci_tables.R makes; UCI's 58000 rows hold 78.6% Rad.Flow, the draw 79.2%
        assertArrayEquals(new double[]{4749, 6, 21, 877, 344, 0, 3}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void soybeanHasItsNineteenDiseasesAndOneHotInputs() {
        BenchmarkData.Split d = BenchmarkData.soybean(0);
        assertSizes(d, 513, 170, 99);
        // counted by R on mlbench's Soybean, in its level order (2-4-d-injury, alternarialeaf-spot, ...)
        assertArrayEquals(new double[]{16, 91, 44, 20, 20, 92, 44, 20, 14, 15, 20, 20, 91, 8, 20, 88, 20, 20, 20},
                perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void muskHasItsTwoClassesOverAllRows() {
        BenchmarkData.Split d = BenchmarkData.musk(0);
        assertSizes(d, 357, 119, 166);
        // counted by R on kernlab's musk: 269 non-musk, 207 musk
        assertArrayEquals(new double[]{269, 207}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void cellsHasItsTwoClassesOverAllRows() {
        BenchmarkData.Split d = BenchmarkData.cells(0);
        assertSizes(d, 1514, 505, 56);
        // counted by R on modeldata's cells: 1300 poorly segmented, 719 well segmented
        assertArrayEquals(new double[]{1300, 719}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void hpcHasItsFourClassesOverAllRows() {
        BenchmarkData.Split d = BenchmarkData.hpc(0);
        assertSizes(d, 3248, 1083, 26);
        // counted by R on modeldata's hpc_data: 2211 very fast, 1347 fast, 514 moderate, 259 long
        assertArrayEquals(new double[]{2211, 1347, 514, 259}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void churnHasItsTwoClassesOverAllRows() {
        BenchmarkData.Split d = BenchmarkData.churn(0);
        assertSizes(d, 3750, 1250, 71);
        // counted by R on modeldata's mlc_churn: 4293 stayed, 707 churned
        assertArrayEquals(new double[]{4293, 707}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void telcoHasItsTwoClassesOverAllRows() {
        BenchmarkData.Split d = BenchmarkData.telco(0);
        assertSizes(d, 5282, 1761, 40);
        // counted by R on modeldata's wa_churn: 5174 stayed, 1869 churned
        assertArrayEquals(new double[]{5174, 1869}, perClass(d).toDoubleVector(), 0.0);
    }

    @Test
    void holdingOutAFifthSplitsTheTrainingRowsAndKeepsTheTestRows() {
        BenchmarkData.Split d = BenchmarkData.vehicle(0);
        BenchmarkData.Split[] parts = d.holdOutFifth();
        assertEquals(508, parts[0].train().numExamples(), "634 - 634 / 5");
        assertEquals(126, parts[1].train().numExamples());
        assertEquals(d.train().getFeatures().get(NDArrayIndex.interval(0, 508), NDArrayIndex.all()),
                parts[0].train().getFeatures());
        assertEquals(d.train().getFeatures().get(NDArrayIndex.interval(508, 634), NDArrayIndex.all()),
                parts[1].train().getFeatures());
        assertEquals(d.test(), parts[0].test());
        assertEquals(32, parts[1].batchSize());
    }

    @Test
    void theSeedShufflesTheSplitReproducibly() {
        INDArray a = BenchmarkData.digits(1).test().getFeatures();
        assertEquals(a, BenchmarkData.digits(1).test().getFeatures());
        assertFalse(a.equals(BenchmarkData.digits(2).test().getFeatures()));
    }
}
