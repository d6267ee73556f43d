package io.github.dl4jlr.examples.data;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.SplitTestAndTrain;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Small data sets that need no network: Iris (bundled with DL4J), fifteen UCI data sets bundled here (optical
 * handwritten digits, breast cancer Wisconsin diagnostic, wine, the copies scikit-learn ships; letter recognition,
 * Statlog Landsat satellite, Statlog vehicle silhouettes, Deterding's vowels, Statlog DNA splice junctions, ionosphere
 * radar returns, glass identification, Statlog shuttle and soybean diseases, the copies R's mlbench ships; Spambase and
 * musk, R's kernlab's copies; all CC BY 4.0), Hill et al.'s cell segmentation, Kuhn and Johnson's computing jobs, a
 * telecom churn table, IBM's telco churn and employee attrition samples, a Spanish bank's credit scoring table, the
 * Palmer penguins, a Stack Overflow survey, Lending Club loans and an Alzheimer's disease study (R's modeldata, MIT), a
 * Fashion-MNIST subset (MIT) and a seeded Gaussian mixture.
 */
public final class BenchmarkData {

    /** A train/test split with its minibatch size. */
    public record Split(String name, DataSet train, DataSet test, int batchSize, int classes) {

        public DataSetIterator trainIterator() {
            return new ListDataSetIterator<>(train.asList(), batchSize);
        }

        public DataSetIterator testIterator() {
            return new ListDataSetIterator<>(test.asList(), 256);
        }

        /**
         * This split with the last fifth of its training rows taken out, and those rows as the training rows of a
         * second split (same test rows, same minibatch size).
         *
         * @return {the smaller split, the held-out fifth}
         */
        public Split[] holdOutFifth() {
            int n = train.numExamples();
            List<DataSet> rows = train.asList();
            int kept = n - n / 5;
            return new Split[]{new Split(name, DataSet.merge(rows.subList(0, kept)), test, batchSize, classes),
                    new Split(name + "-validation", DataSet.merge(rows.subList(kept, n)), test, batchSize, classes)};
        }

        public int features() {
            return (int) train.getFeatures().size(1);
        }

        /** Whether the split is a regression table: one standardized target, {@code classes} 0. */
        public boolean regression() {
            return classes == 0;
        }
    }

    private BenchmarkData() {
    }

    /**
     * Fisher's Iris (150 examples, 4 features, 3 classes), standardized, shuffled with the seed, 100/50 split.
     * Read from the {@code iris.dat} that deeplearning4j-core bundles (its fetcher would download it instead).
     */
    public static Split iris(long seed) {
        float[][] x = new float[150][4];
        float[][] y = new float[150][3];
        List<String> lines = resourceLines("/iris.dat", "it ships in deeplearning4j-core");
        for (int i = 0; i < 150; i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 4; j++) {
                x[i][j] = Float.parseFloat(f[j]);
            }
            y[i][Integer.parseInt(f[4].trim())] = 1f;
        }
        DataSet all = new DataSet(Nd4j.create(x), Nd4j.create(y));
        all.shuffle(seed);
        SplitTestAndTrain split = all.splitTestAndTrain(100);
        return standardized("iris", split.getTrain(), split.getTest(), 10, 3);
    }

    /**
     * UCI "Optical Recognition of Handwritten Digits", the 1797-image test part (E. Alpaydin, C. Kaynak, 1998;
     * CC BY 4.0; the copy scikit-learn ships as {@code digits.csv.gz}): 8x8 images with pixel counts 0..16, 10
     * classes. Pixels are scaled to [0, 1]; shuffled with the seed; 1347/450 split; minibatch 32.
     */
    public static Split digits(long seed) {
        int n = 1797;
        float[][] x = new float[n][64];
        float[][] y = new float[n][10];
        List<String> lines = resourceLines("optdigits-1797.csv.gz", "it is bundled next to BenchmarkData");
        if (lines.size() != n) {
            throw new IllegalStateException("Expected " + n + " digit rows, but got " + lines.size());
        }
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < 64; j++) {
                x[i][j] = Integer.parseInt(f[j]) / 16f;
            }
            y[i][Integer.parseInt(f[64])] = 1f;
        }
        DataSet all = new DataSet(Nd4j.create(x), Nd4j.create(y));
        all.shuffle(seed);
        SplitTestAndTrain split = all.splitTestAndTrain(1347);
        return new Split("digits", split.getTrain(), split.getTest(), 32, 10);
    }

    /**
     * Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, Zalando, 2017; MIT licence): 3000 training and 1000 test images of
     * clothing in 10 classes, downsampled to 14x14 (the first images of the official training and test sets; see
     * {@code src/main/python/fashion_subset.py}). Pixels scaled to [0, 1]; the training set shuffled with the seed;
     * minibatch 32.
     */
    public static Split fashion(long seed) {
        byte[] bytes = resourceBytes("fashion-4000.bin.gz");
        int n = 4000;
        int pixels = 196;
        if (bytes.length != n * (pixels + 1)) {
            throw new IllegalStateException("Expected " + n * (pixels + 1) + " bytes of Fashion-MNIST, but got "
                    + bytes.length);
        }
        float[][] x = new float[n][pixels];
        float[][] y = new float[n][10];
        for (int i = 0; i < n; i++) {
            int at = i * (pixels + 1);
            y[i][bytes[at]] = 1f;
            for (int j = 0; j < pixels; j++) {
                x[i][j] = (bytes[at + 1 + j] & 0xff) / 255f;
            }
        }
        DataSet all = new DataSet(Nd4j.create(x), Nd4j.create(y));
        SplitTestAndTrain split = all.splitTestAndTrain(3000);
        DataSet train = split.getTrain();
        train.shuffle(seed);
        return new Split("fashion", train, split.getTest(), 32, 10);
    }

    /**
     * A benchmark data set by name: {@code iris}, {@code blobs}, {@code digits}, {@code breast-cancer}, {@code wine},
     * {@code fashion}, {@code letter}, {@code satellite}, {@code vehicle}, {@code vowel}, {@code dna},
     * {@code ionosphere}, {@code spam}, {@code glass}, {@code shuttle}, {@code soybean}, {@code musk}, {@code cells},
     * {@code hpc}, {@code churn}, {@code telco}, {@code attrition}, {@code credit}, {@code penguins},
     * {@code stackoverflow}, {@code lending}, {@code alzheimer}, {@code speech}, {@code twoclass}, {@code pima},
     * {@code votes}, {@code sonar}, {@code cytology}, {@code bivariate}, {@code parabolic}, {@code grants},
     * {@code german}, {@code simulated}, {@code diamonds}, {@code survey}, the regression tables {@code concrete},
     * {@code sacramento}, {@code biomass}, and the sequences of {@code chicago} ({@link SequenceData}).
     */
    public static Split named(String name, long seed) {
        return switch (name) {
            case "iris" -> iris(seed);
            case "blobs" -> blobs(seed);
            case "digits" -> digits(seed);
            case "breast-cancer" -> breastCancer(seed);
            case "wine" -> wine(seed);
            case "fashion" -> fashion(seed);
            case "letter" -> letter(seed);
            case "satellite" -> satellite(seed);
            case "vehicle" -> vehicle(seed);
            case "vowel" -> vowel(seed);
            case "dna" -> dna(seed);
            case "ionosphere" -> ionosphere(seed);
            case "spam" -> spam(seed);
            case "glass" -> glass(seed);
            case "shuttle" -> shuttle(seed);
            case "soybean" -> soybean(seed);
            case "musk" -> musk(seed);
            case "cells" -> cells(seed);
            case "hpc" -> hpc(seed);
            case "churn" -> churn(seed);
            case "telco" -> telco(seed);
            case "attrition" -> attrition(seed);
            case "credit" -> credit(seed);
            case "penguins" -> penguins(seed);
            case "stackoverflow" -> stackoverflow(seed);
            case "lending" -> lending(seed);
            case "alzheimer" -> alzheimer(seed);
            case "speech" -> speech(seed);
            case "twoclass" -> twoclass(seed);
            case "pima" -> pima(seed);
            case "votes" -> votes(seed);
            case "sonar" -> sonar(seed);
            case "cytology" -> cytology(seed);
            case "bivariate" -> bivariate(seed);
            case "parabolic" -> parabolic(seed);
            case "grants" -> grants(seed);
            case "german" -> german(seed);
            case "simulated" -> simulated(seed);
            case "diamonds" -> diamonds(seed);
            case "survey" -> survey(seed);
            case "concrete" -> concrete(seed);
            case "sacramento" -> sacramento(seed);
            case "biomass" -> biomass(seed);
            case "chicago" -> SequenceData.chicago(seed);
            default -> throw new IllegalArgumentException("Expected a data set of iris, blobs, digits, breast-cancer, "
                    + "wine, fashion, letter, satellite, vehicle, vowel, dna, ionosphere, spam, glass, shuttle, soybean, "
                    + "musk, cells, hpc, churn, telco, attrition, credit, penguins, stackoverflow, lending, alzheimer, "
                    + "speech, twoclass, pima, votes, sonar, cytology, bivariate, parabolic, grants, german, simulated, "
                    + "diamonds, survey, concrete, sacramento, biomass, chicago, but got " + name);
        };
    }

    /**
     * UCI "Breast Cancer Wisconsin (Diagnostic)" (W. Wolberg, O. Mangasarian, N. Street, W. Street, 1993; CC BY 4.0):
     * 569 tumours, 30 features of cell nuclei, 2 classes (212 malignant, 357 benign). Standardized, shuffled with the
     * seed, 427/142 split, minibatch 16.
     */
    public static Split breastCancer(long seed) {
        return table("breast-cancer", "wdbc-569.csv.gz", 569, 30, 2, 427, 16, seed);
    }

    /**
     * UCI "Wine" (S. Aeberhard, M. Forina, 1991; CC BY 4.0): 178 wines, 13 chemical features, 3 cultivars.
     * Standardized, shuffled with the seed, 134/44 split, minibatch 8.
     */
    public static Split wine(long seed) {
        return table("wine", "wine-178.csv.gz", 178, 13, 3, 134, 8, seed);
    }

    /**
     * UCI "Letter Recognition" (D. Slate, 1991; CC BY 4.0), the first 5000 of its 20000 rows (made by
     * {@code src/main/r/uci_tables.R}): 16 integer features of a character image, 26 letters. Standardized, shuffled
     * with the seed, 4000/1000 split, minibatch 32.
     */
    public static Split letter(long seed) {
        return table("letter", "letter-5000.csv.gz", 5000, 16, 26, 4000, 32, seed);
    }

    /**
     * UCI "Statlog (Landsat Satellite)" (A. Srinivasan, 1993; CC BY 4.0), all 6435 rows (made by
     * {@code src/main/r/uci_tables.R}): the 4 spectral bands of a 3x3 pixel neighbourhood (36 values), 6 soil and crop
     * classes. Standardized, shuffled with the seed, 4435/2000 split (the sizes of its original split), minibatch 32.
     */
    public static Split satellite(long seed) {
        return table("satellite", "satellite-6435.csv.gz", 6435, 36, 6, 4435, 32, seed);
    }

    /**
     * UCI "Statlog (Vehicle Silhouettes)" (P. Mowforth, B. Shepherd, 1987; CC BY 4.0), all 846 rows (made by
     * {@code src/main/r/uci_tables.R}): 18 shape features of a vehicle's silhouette, 4 vehicles (bus, Opel, Saab, van).
     * Standardized, shuffled with the seed, 634/212 split, minibatch 32.
     */
    public static Split vehicle(long seed) {
        return table("vehicle", "vehicle-846.csv.gz", 846, 18, 4, 634, 32, seed);
    }

    /**
     * UCI "Connectionist Bench (Vowel Recognition - Deterding Data)" (T. Robinson, 1989; CC BY 4.0), all 990 rows (made
     * by {@code src/main/r/uci_tables.R}): 9 numeric features of a spoken vowel (the speaker is left out), 11 vowels.
     * Standardized, shuffled with the seed, 750/240 split, minibatch 32.
     */
    public static Split vowel(long seed) {
        return table("vowel", "vowel-990.csv.gz", 990, 9, 11, 750, 32, seed);
    }

    /**
     * UCI "Statlog (DNA)", primate splice-junction sequences (G. Towell, M. Noordewier, J. Shavlik; CC BY 4.0), all
     * 3186 rows (made by {@code src/main/r/uci_tables.R}): 60 bases as 180 binary indicators, 3 classes (exon/intron
     * boundary, intron/exon boundary, neither). Standardized, shuffled with the seed, 2000/1186 split (the sizes of
     * its original split), minibatch 32.
     */
    public static Split dna(long seed) {
        return table("dna", "dna-3186.csv.gz", 3186, 180, 3, 2000, 32, seed);
    }

    /**
     * UCI "Ionosphere" (V. Sigillito, 1989; CC BY 4.0), all 351 rows (made by {@code src/main/r/uci_tables.R}): 33
     * radar returns (a column that is 0 in every row is left out), 2 classes (bad, good). Standardized, shuffled with
     * the seed, 263/88 split, minibatch 16.
     */
    public static Split ionosphere(long seed) {
        return table("ionosphere", "ionosphere-351.csv.gz", 351, 33, 2, 263, 16, seed);
    }

    /**
     * UCI "Spambase" (M. Hopkins, E. Reeber, G. Forman, J. Suermondt, 1999; CC BY 4.0), all 4601 e-mails (made by
     * {@code src/main/r/uci_tables.R}): 54 word and character frequencies and 3 statistics of capital-letter runs
     * (heavy-tailed: up to 15841), 2 classes (not spam, spam). Standardized as they are, shuffled with the seed,
     * 3601/1000 split, minibatch 32.
     */
    public static Split spam(long seed) {
        return table("spam", "spam-4601.csv.gz", 4601, 57, 2, 3601, 32, seed);
    }

    /**
     * UCI "Glass Identification" (B. German, 1987; CC BY 4.0), all 214 rows (made by {@code src/main/r/uci_tables.R}):
     * the refractive index and 8 oxide weight percents of a glass fragment, 6 types (building windows float and
     * non-float processed, vehicle windows float processed, containers, tableware, headlamps; from 70 down to 9
     * rows). Standardized, shuffled with the seed, 164/50 split, minibatch 16.
     */
    public static Split glass(long seed) {
        return table("glass", "glass-214.csv.gz", 214, 9, 6, 164, 16, seed);
    }

    /**
     * UCI "Statlog (Shuttle)" (J. Catlett, NASA; CC BY 4.0), 6000 of its 58000 rows drawn at random (made by
     * {@code src/main/r/uci_tables.R}): 9 numeric sensor features, 7 classes of which one holds about 79% of the rows
     * and one none in this draw. Standardized, shuffled with the seed, 4500/1500 split, minibatch 32.
     */
    public static Split shuttle(long seed) {
        return table("shuttle", "shuttle-6000.csv.gz", 6000, 9, 7, 4500, 32, seed);
    }

    /**
     * UCI "Soybean (Large)" (R. Michalski, R. Chilausky, 1980; CC BY 4.0), all 683 plants (made by
     * {@code src/main/r/uci_tables.R}): 35 categorical observations of a plant, one-hot encoded as 99 indicators (a
     * missing observation leaves its indicators at 0), 19 diseases of 8 to 92 plants each. Standardized, shuffled with
     * the seed, 513/170 split, minibatch 16.
     */
    public static Split soybean(long seed) {
        return table("soybean", "soybean-683.csv.gz", 683, 99, 19, 513, 16, seed);
    }

    /**
     * UCI "Musk (Version 1)" (A. Jain, R. Lathrop, T. Dietterich, 1994; CC BY 4.0), all 476 molecules (made by
     * {@code src/main/r/uci_tables.R} from R's kernlab): 166 distance features of a molecule's shape, 2 classes (269
     * non-musk, 207 musk). Standardized, shuffled with the seed, 357/119 split, minibatch 16.
     */
    public static Split musk(long seed) {
        return table("musk", "musk-476.csv.gz", 476, 166, 2, 357, 16, seed);
    }

    /**
     * Cell body segmentation (Hill, LaPan, Li, Haney, 2007, BMC Bioinformatics 8:340), all 2019 cells of R's modeldata
     * copy (MIT; made by {@code src/main/r/cells.R}): 56 imaging measurements of a cell, many heavy-tailed (up to
     * 7.4e5), 2 classes (1300 poorly segmented, 719 well segmented). Standardized as they are, shuffled with the seed,
     * 1514/505 split, minibatch 32.
     */
    public static Split cells(long seed) {
        return table("cells", "cells-2019.csv.gz", 2019, 56, 2, 1514, 32, seed);
    }

    /**
     * High-performance computing jobs (Kuhn and Johnson, 2013, "Applied Predictive Modeling"), all 4331 jobs of R's
     * modeldata copy (MIT; made by {@code src/main/r/hpc.R}): 5 numbers of a job, its protocol (14) and weekday (7)
     * one-hot, 4 classes of run time (2211 very fast, 1347 fast, 514 moderate, 259 long). Standardized, shuffled with
     * the seed, 3248/1083 split, minibatch 32.
     */
    public static Split hpc(long seed) {
        return table("hpc", "hpc-4331.csv.gz", 4331, 26, 4, 3248, 32, seed);
    }

    /**
     * Telecom customer churn (R's modeldata {@code mlc_churn}, MIT; made by {@code src/main/r/churn.R}), all 5000
     * accounts: 15 numbers of an account, its two plans, area code (3) and state (51) one-hot, 2 classes (4293 stayed,
     * 707 churned). Standardized, shuffled with the seed, 3750/1250 split, minibatch 32.
     */
    public static Split churn(long seed) {
        return table("churn", "churn-5000.csv.gz", 5000, 71, 2, 3750, 32, seed);
    }

    /**
     * IBM Watson Analytics' telco customer churn sample (R's modeldata {@code wa_churn}, MIT; made by
     * {@code src/main/r/telco.R}), all 7043 customers: 9 numbers (demographics, tenure, services, charges) and 10
     * service, contract and payment attributes one-hot (31), 2 classes (5174 stayed, 1869 churned). Standardized,
     * shuffled with the seed, 5282/1761 split, minibatch 32.
     */
    public static Split telco(long seed) {
        return table("telco", "telco-7043.csv.gz", 7043, 40, 2, 5282, 32, seed);
    }

    /**
     * IBM Watson Analytics' fictional employee attrition sample (R's modeldata {@code attrition}, MIT; made by
     * {@code src/main/r/attrition.R}), all 1470 employees: 16 numbers (age, pay, years, counts), 7 ordered ratings as
     * their level number and 7 attributes one-hot (28), 2 classes (1233 stayed, 237 left). Standardized, shuffled with
     * the seed, 1102/368 split, minibatch 16.
     */
    public static Split attrition(long seed) {
        return table("attrition", "attrition-1470.csv.gz", 1470, 51, 2, 1102, 16, seed);
    }

    /**
     * A Spanish bank's credit scoring table (R's modeldata {@code credit_data}, MIT; made by
     * {@code src/main/r/credit.R}), all 4454 loans: 9 numbers (a missing value as its column's median), 3 indicators of
     * a missing income, assets or debt, home, marital status, records and job one-hot (17), 2 classes (3200 good, 1254
     * bad). Standardized, shuffled with the seed, 3340/1114 split, minibatch 32.
     */
    public static Split credit(long seed) {
        return table("credit", "credit-4454.csv.gz", 4454, 29, 2, 3340, 32, seed);
    }

    /**
     * The Palmer penguins (K. Gorman, T. Williams, W. Fraser; R's modeldata {@code penguins}, MIT; made by
     * {@code src/main/r/penguins.R}), the 333 penguins whose sex is recorded: bill length and depth, flipper length,
     * body mass, island (3) and sex (2) one-hot, 3 species (146 Adelie, 68 Chinstrap, 119 Gentoo). Standardized,
     * shuffled with the seed, 250/83 split, minibatch 16.
     */
    public static Split penguins(long seed) {
        return table("penguins", "penguins-333.csv.gz", 333, 9, 3, 250, 16, seed);
    }

    /**
     * Answers to the 2017 Stack Overflow developer survey from five countries (R's modeldata {@code stackoverflow},
     * MIT; made by {@code src/main/r/stackoverflow.R}), all 5594: 19 numbers (salary, years coded at a job, company
     * size, career satisfaction, 15 indicators), the country one-hot (5), 2 classes (5019 not remote, 575 remote).
     * Standardized, shuffled with the seed, 4196/1398 split, minibatch 32.
     */
    public static Split stackoverflow(long seed) {
        return table("stackoverflow", "stackoverflow-5594.csv.gz", 5594, 24, 2, 4196, 32, seed);
    }

    /**
     * Lending Club's loans of the first quarter of 2016 (R's modeldata {@code lending_club}, MIT; made by
     * {@code src/main/r/lending.R}), all 9857: 17 numbers, term, sub-grade, state, income verification and employment
     * length one-hot (102), 2 classes (9340 good, 517 bad). Standardized, shuffled with the seed, 7393/2464 split,
     * minibatch 64.
     */
    public static Split lending(long seed) {
        return table("lending", "lending-9857.csv.gz", 9857, 119, 2, 7393, 64, seed);
    }

    /**
     * Craig-Schapiro et al.'s study of Alzheimer's disease markers (R's modeldata {@code ad_data}, MIT; made by
     * {@code src/main/r/alzheimer.R}), all 333 patients: 129 numbers (protein levels, age, tau and amyloid measures,
     * male sex), the apolipoprotein E genotype one-hot (6), 2 classes (242 control, 91 impaired). Standardized,
     * shuffled with the seed, 250/83 split, minibatch 16.
     */
    public static Split alzheimer(long seed) {
        return table("alzheimer", "alzheimer-333.csv.gz", 333, 135, 2, 250, 16, seed);
    }

    /**
     * Sakar et al.'s speech recordings of people with and without Parkinson's disease (R's modeldata
     * {@code pd_speech}, MIT; made by {@code src/main/r/speech.R}), all 252 people (each person's three recordings
     * averaged): 751 numbers (sex and the measures of the voice), 2 classes (64 control, 188 PD). Standardized,
     * shuffled with the seed, 189/63 split, minibatch 16.
     */
    public static Split speech(long seed) {
        return table("speech", "speech-252.csv.gz", 252, 751, 2, 189, 16, seed);
    }

    /**
     * Kuhn and Johnson's two-predictor example (R's modeldata {@code two_class_dat}, MIT; made by
     * {@code src/main/r/twoclass.R}), all 791 rows: 2 numbers, 2 classes (437 Class1, 354 Class2). Standardized,
     * shuffled with the seed, 593/198 split, minibatch 32.
     */
    public static Split twoclass(long seed) {
        return table("twoclass", "twoclass-791.csv.gz", 791, 2, 2, 593, 32, seed);
    }

    /**
     * The Pima Indians diabetes table (UCI, via R's mlbench; made by {@code src/main/r/pima.R}), all 768 rows: 8
     * numbers, 2 classes (500 negative, 268 positive). Standardized, shuffled with the seed, 576/192 split, minibatch
     * 32.
     */
    public static Split pima(long seed) {
        return table("pima", "pima-768.csv.gz", 768, 8, 2, 576, 32, seed);
    }

    /**
     * The 1984 congressional voting records (UCI, via R's mlbench; made by {@code src/main/r/votes.R}), all 435
     * representatives: 16 votes as 32 indicators, 2 classes (267 democrat, 168 republican). Standardized, shuffled
     * with the seed, 326/109 split, minibatch 16.
     */
    public static Split votes(long seed) {
        return table("votes", "votes-435.csv.gz", 435, 32, 2, 326, 16, seed);
    }

    /**
     * The sonar returns of mines and rocks (UCI, via R's mlbench; made by {@code src/main/r/sonar.R}), all 208 rows:
     * 60 band energies, 2 classes (111 metal cylinders, 97 rocks). Standardized, shuffled with the seed, 156/52
     * split, minibatch 16.
     */
    public static Split sonar(long seed) {
        return table("sonar", "sonar-208.csv.gz", 208, 60, 2, 156, 16, seed);
    }

    /**
     * The original Wisconsin breast cancer cytology table (UCI, via R's mlbench; made by
     * {@code src/main/r/cytology.R}), the 683 rows without a missing value: 9 cytology scores, 2 classes (444 benign,
     * 239 malignant). Standardized, shuffled with the seed, 512/171 split, minibatch 32.
     */
    public static Split cytology(long seed) {
        return table("cytology", "cytology-683.csv.gz", 683, 9, 2, 512, 32, seed);
    }

    /**
     * Kuhn and Johnson's second two-predictor example (R's modeldata {@code bivariate}, MIT; made by
     * {@code src/main/r/bivariate.R}), all 2019 rows of its three parts: 2 skewed numbers, 2 classes (1300 One, 719
     * Two). Standardized, shuffled with the seed, 1514/505 split, minibatch 32.
     */
    public static Split bivariate(long seed) {
        return table("bivariate", "bivariate-2019.csv.gz", 2019, 2, 2, 1514, 32, seed);
    }

    /**
     * A simulated two-predictor table whose classes a parabola splits (R's modeldata {@code parabolic}, MIT; made by
     * {@code src/main/r/parabolic.R}), all 500 rows: 2 numbers, 2 classes (244 Class1, 256 Class2). Standardized,
     * shuffled with the seed, 375/125 split, minibatch 16.
     */
    public static Split parabolic(long seed) {
        return table("parabolic", "parabolic-500.csv.gz", 500, 2, 2, 375, 16, seed);
    }

    /**
     * Kuhn and Johnson's University of Melbourne grant applications (R's modeldata {@code grants_other}, MIT; made by
     * {@code src/main/r/grants.R}), all 8190: the 168 numeric columns non-zero in at least 1% of the rows and four
     * categories one-hot (218 inputs), 2 classes (3803 successful, 4387 unsuccessful). Standardized, shuffled with
     * the seed, 6142/2048 split, minibatch 32.
     */
    public static Split grants(long seed) {
        return table("grants", "grants-8190.csv.gz", 8190, 218, 2, 6142, 32, seed);
    }

    /**
     * The UCI Statlog German credit data (H. Hofmann, 1994; CC BY 4.0), from R's caret {@code GermanCredit} with its
     * categories one-hot (made by {@code src/main/r/german.R}), all 1000 loans: 7 numbers and 52 indicators, 2 classes
     * (300 Bad, 700 Good). Standardized, shuffled with the seed, 750/250 split, minibatch 32.
     */
    public static Split german(long seed) {
        return table("german", "german-1000.csv.gz", 1000, 59, 2, 750, 32, seed);
    }

    /**
     * A simulated two-class problem (R's modeldata {@code sim_classification}, MIT, with its defaults; made by
     * {@code src/main/r/simulated.R}), 3000 rows drawn with seed 2026: 15 predictors (2 interacting, 3 non-linear, 10
     * linear), 2 classes (1344 class_1, 1656 class_2). Standardized, shuffled with the seed, 2250/750 split, minibatch
     * 32.
     */
    public static Split simulated(long seed) {
        return table("simulated", "simulated-3000.csv.gz", 3000, 15, 2, 2250, 32, seed);
    }

    /**
     * The cut of round diamonds from their size, proportions, price, colour and clarity (R's ggplot2 {@code diamonds},
     * MIT; made by {@code src/main/r/diamonds.R}), 4000 of its 53940 drawn with seed 2026: 7 numbers and 15 indicators,
     * 5 classes (129 Fair, 356 Good, 884 Very Good, 1021 Premium, 1610 Ideal). Standardized, shuffled with the seed,
     * 3000/1000 split, minibatch 32.
     */
    public static Split diamonds(long seed) {
        return table("diamonds", "diamonds-4000.csv.gz", 4000, 22, 5, 3000, 32, seed);
    }

    /**
     * Marital status from answers to the US General Social Survey 2000-2014 (R's forcats {@code gss_cat}, MIT; made by
     * {@code src/main/r/survey.R}), 4000 of the 11294 answers with age and television hours drawn with seed 2026: year,
     * age, television hours, and race, reported income, party and religion one-hot (46 inputs), 5 classes (1040 never
     * married, 122 separated, 638 divorced, 365 widowed, 1835 married). Standardized, shuffled with the seed, 3000/1000
     * split, minibatch 32.
     */
    public static Split survey(long seed) {
        return table("survey", "survey-4000.csv.gz", 4000, 46, 5, 3000, 32, seed);
    }

    /** A bundled CSV of {@code features} numbers and a class index per row. */
    private static Split table(String name, String resource, int rows, int features, int classes, int train, int batch,
                               long seed) {
        List<String> lines = resourceLines(resource, "it is bundled next to BenchmarkData");
        if (lines.size() != rows) {
            throw new IllegalStateException("Expected " + rows + " " + name + " rows, but got " + lines.size());
        }
        float[][] x = new float[rows][features];
        float[][] y = new float[rows][classes];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < features; j++) {
                x[i][j] = Float.parseFloat(f[j]);
            }
            y[i][Integer.parseInt(f[features].trim())] = 1f;
        }
        DataSet all = new DataSet(Nd4j.create(x), Nd4j.create(y));
        all.shuffle(seed);
        SplitTestAndTrain split = all.splitTestAndTrain(train);
        return standardized(name, split.getTrain(), split.getTest(), batch, classes);
    }

    /**
     * Yeh's concrete compressive strength (UCI, 1998; R's modeldata copy, MIT; made by {@code src/main/r/concrete.R}),
     * a regression table: all 1030 mixtures, 8 numbers (the amounts of 7 ingredients and the age), the strength as the
     * target. Features and target standardized on the training rows, shuffled with the seed, 772/258 split,
     * minibatch 32.
     */
    public static Split concrete(long seed) {
        return regressionTable("concrete", "concrete-1030.csv.gz", 1030, 8, 772, 32, seed);
    }

    /**
     * Sacramento home sales of May 2008 (R's modeldata copy, MIT; made by {@code src/main/r/sacramento.R}), a
     * regression table: all 932 sales, beds, baths, square feet, the type (3) one-hot, latitude and longitude, the
     * price's log10 as the target. Standardized like {@link #concrete}, 699/233 split, minibatch 32.
     */
    public static Split sacramento(long seed) {
        return regressionTable("sacramento", "sacramento-932.csv.gz", 932, 8, 699, 32, seed);
    }

    /**
     * Ghugare et al.'s biomass heating values (2014; R's modeldata copy, MIT; made by {@code src/main/r/biomass.R}),
     * a regression table: all 536 samples, their carbon, hydrogen, oxygen, nitrogen and sulfur percentages, the higher
     * heating value as the target. Standardized like {@link #concrete}, 402/134 split, minibatch 32.
     */
    public static Split biomass(long seed) {
        return regressionTable("biomass", "biomass-536.csv.gz", 536, 5, 402, 32, seed);
    }

    /** A bundled regression table: the features, then the target, per line; classes 0. */
    private static Split regressionTable(String name, String resource, int rows, int features, int train, int batch,
                                         long seed) {
        List<String> lines = resourceLines(resource, "it is bundled next to BenchmarkData");
        if (lines.size() != rows) {
            throw new IllegalStateException("Expected " + rows + " " + name + " rows, but got " + lines.size());
        }
        float[][] x = new float[rows][features];
        float[][] y = new float[rows][1];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < features; j++) {
                x[i][j] = Float.parseFloat(f[j]);
            }
            y[i][0] = Float.parseFloat(f[features].trim());
        }
        DataSet all = new DataSet(Nd4j.create(x), Nd4j.create(y));
        all.shuffle(seed);
        SplitTestAndTrain split = all.splitTestAndTrain(train);
        NormalizerStandardize norm = new NormalizerStandardize();
        norm.fitLabel(true);
        norm.fit(split.getTrain());
        norm.transform(split.getTrain());
        norm.transform(split.getTest());
        return new Split(name, split.getTrain(), split.getTest(), batch, 0);
    }

    /**
     * A 10-class Gaussian mixture in 20 dimensions: class centres drawn once from N(0, 0.8^2) per coordinate
     * (fixed seed 2024), unit noise. 3000 training and 1000 test examples; the Bayes accuracy is below 100%.
     */
    public static Split blobs(long seed) {
        int classes = 10;
        int dims = 20;
        Random centres = new Random(2024);
        double[][] c = new double[classes][dims];
        for (int k = 0; k < classes; k++) {
            for (int d = 0; d < dims; d++) {
                c[k][d] = 0.8 * centres.nextGaussian();
            }
        }
        return standardized("blobs", sample(c, 3000, seed), sample(c, 1000, seed + 1_000_003), 32, classes);
    }

    /** The bytes of a gzipped classpath resource next to this class. */
    private static byte[] resourceBytes(String name) {
        try (InputStream raw = BenchmarkData.class.getResourceAsStream(name)) {
            if (raw == null) {
                throw new IllegalStateException(name + " not found on the classpath (it is bundled next to BenchmarkData)");
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-blank lines of a classpath resource (relative to this class unless it starts with /), gunzipped if .gz. */
    static List<String> resourceLines(String name, String whereItComesFrom) {
        try (InputStream raw = BenchmarkData.class.getResourceAsStream(name)) {
            if (raw == null) {
                throw new IllegalStateException(name + " not found on the classpath (" + whereItComesFrom + ")");
            }
            try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                        .filter(l -> !l.isBlank()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataSet sample(double[][] centres, int n, long seed) {
        Random r = new Random(seed);
        int classes = centres.length;
        int dims = centres[0].length;
        float[][] x = new float[n][dims];
        float[][] y = new float[n][classes];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(classes);
            for (int d = 0; d < dims; d++) {
                x[i][d] = (float) (centres[k][d] + r.nextGaussian());
            }
            y[i][k] = 1f;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    private static Split standardized(String name, DataSet train, DataSet test, int batch, int classes) {
        NormalizerStandardize norm = new NormalizerStandardize();
        norm.fit(train);
        norm.transform(train);
        norm.transform(test);
        return new Split(name, train, test, batch, classes);
    }
}
