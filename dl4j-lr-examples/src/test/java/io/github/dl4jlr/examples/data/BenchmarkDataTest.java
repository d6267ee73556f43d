package io.github.dl4jlr.examples.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
import java.util.stream.Stream;

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

    /** A bundled table by name: its training and test rows, features, and examples per class over both parts. */
    private static Arguments table(String name, int train, int test, int features, double... perClass) {
        return Arguments.of(name, train, test, features, perClass);
    }

    static Stream<Arguments> tables() {
        return Stream.of(
                // UCI's documentation of Statlog (Vehicle Silhouettes), in mlbench's order: bus, opel, saab, van
                table("vehicle", 634, 212, 18, 218, 212, 217, 199),
                // UCI's documentation of Statlog (DNA): 767 exon/intron, 765 intron/exon, 1654 neither
                table("dna", 2000, 1186, 180, 767, 765, 1654),
                // UCI's documentation of Ionosphere: 126 bad, 225 good
                table("ionosphere", 263, 88, 33, 126, 225),
                // UCI's documentation of Spambase: 2788 e-mails that are not spam, 1813 spam
                table("spam", 3601, 1000, 57, 2788, 1813),
                // UCI's documentation of Glass Identification: 70, 76, 17, 0, 13, 9, 29 fragments of types 1 to 7
                // (4 absent)
                table("glass", 164, 50, 9, 70, 76, 17, 13, 9, 29),
                // counted by R on the draw uci_tables.R makes; UCI's 58000 rows hold 78.6% Rad.Flow, the draw 79.2%
                table("shuttle", 4500, 1500, 9, 4749, 6, 21, 877, 344, 0, 3),
                // counted by R on mlbench's Soybean, in its level order (2-4-d-injury, alternarialeaf-spot, ...)
                table("soybean", 513, 170, 99,
                        16, 91, 44, 20, 20, 92, 44, 20, 14, 15, 20, 20, 91, 8, 20, 88, 20, 20, 20),
                // counted by R on kernlab's musk: 269 non-musk, 207 musk
                table("musk", 357, 119, 166, 269, 207),
                // counted by R on modeldata's cells: 1300 poorly segmented, 719 well segmented
                table("cells", 1514, 505, 56, 1300, 719),
                // counted by R on modeldata's hpc_data: 2211 very fast, 1347 fast, 514 moderate, 259 long
                table("hpc", 3248, 1083, 26, 2211, 1347, 514, 259),
                // counted by R on modeldata's mlc_churn: 4293 stayed, 707 churned
                table("churn", 3750, 1250, 71, 4293, 707),
                // counted by R on modeldata's wa_churn: 5174 stayed, 1869 churned
                table("telco", 5282, 1761, 40, 5174, 1869),
                // counted by R on modeldata's attrition: 1233 stayed, 237 left
                table("attrition", 1102, 368, 51, 1233, 237),
                // counted by R on modeldata's credit_data: 3200 good, 1254 bad
                table("credit", 3340, 1114, 29, 3200, 1254),
                // counted by R on modeldata's penguins with sex recorded: 146 Adelie, 68 Chinstrap, 119 Gentoo
                table("penguins", 250, 83, 9, 146, 68, 119),
                // counted by R on modeldata's stackoverflow: 5019 not remote, 575 remote
                table("stackoverflow", 4196, 1398, 24, 5019, 575),
                // counted by R on modeldata's lending_club: 9340 good, 517 bad
                table("lending", 7393, 2464, 119, 9340, 517),
                // counted by R on modeldata's ad_data: 242 control, 91 impaired
                table("alzheimer", 250, 83, 135, 242, 91),
                // counted by R on modeldata's pd_speech: 64 control, 188 PD; on two_class_dat: 437 Class1, 354 Class2
                table("speech", 189, 63, 751, 64, 188),
                table("twoclass", 593, 198, 2, 437, 354),
                // counted by R on mlbench's PimaIndiansDiabetes: 500 neg, 268 pos; on HouseVotes84: 267 democrat,
                // 168 republican
                table("pima", 576, 192, 8, 500, 268),
                table("votes", 326, 109, 32, 267, 168),
                // counted by R on mlbench's Sonar: 111 M, 97 R; on BreastCancer without missing values: 444 benign,
                // 239 malignant
                table("sonar", 156, 52, 60, 111, 97),
                table("cytology", 512, 171, 9, 444, 239),
                // counted by R on modeldata's bivariate (train, val and test): 1300 One, 719 Two; on parabolic: 244
                // Class1, 256 Class2
                table("bivariate", 1514, 505, 2, 1300, 719),
                table("parabolic", 375, 125, 2, 244, 256),
                // counted by R on modeldata's grants_other: 3803 successful, 4387 unsuccessful
                table("grants", 6142, 2048, 218, 3803, 4387),
                // counted by R on caret's GermanCredit: 300 Bad, 700 Good; on modeldata's sim_classification(3000)
                // drawn with seed 2026: 1344 class_1, 1656 class_2
                table("german", 750, 250, 59, 300, 700),
                table("simulated", 2250, 750, 15, 1344, 1656),
                // counted by R on ggplot2's diamonds, 4000 drawn with seed 2026: 129 Fair, 356 Good, 884 Very Good,
                // 1021 Premium, 1610 Ideal
                table("diamonds", 3000, 1000, 22, 129, 356, 884, 1021, 1610),
                // counted by R on forcats' gss_cat, 4000 drawn with seed 2026: 1040 never married, 122 separated, 638
                // divorced, 365 widowed, 1835 married
                table("survey", 3000, 1000, 46, 1040, 122, 638, 365, 1835));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void aTableHasItsSizesAndTheClassCountsOfItsSource(String name, int train, int test, int features,
                                                       double[] perClass) {
        BenchmarkData.Split d = BenchmarkData.named(name, 0);
        assertSizes(d, train, test, features);
        assertArrayEquals(perClass, perClass(d).toDoubleVector(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"concrete, 772, 258, 8", "sacramento, 699, 233, 8",
            "biomass, 402, 134, 5"})
    void aRegressionTableHasOneTargetStandardizedOnItsTrainingRows(String name, int train, int test, int features) {
        BenchmarkData.Split d = BenchmarkData.named(name, 0);
        assertSizes(d, train, test, features);
        assertTrue(d.regression());
        assertEquals(0, d.classes());
        INDArray y = d.train().getLabels();
        assertEquals(1, y.size(1));
        assertEquals(0.0, y.meanNumber().doubleValue(), 1e-4);
        assertEquals(1.0, y.mul(y).meanNumber().doubleValue(), 1e-3, "unit variance on the training rows");
        assertEquals(0.0, d.train().getFeatures().mean(0).amaxNumber().doubleValue(), 1e-3);
        assertTrue(Math.abs(d.test().getLabels().meanNumber().doubleValue()) < 0.3, "the test rows come from the same "
                + "table, standardized with the training rows' mean and deviation");
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
