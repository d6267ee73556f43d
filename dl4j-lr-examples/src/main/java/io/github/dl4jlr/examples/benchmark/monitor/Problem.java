package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;

/**
 * A data set, a model and an epoch budget of the suite. The tuning problems (Iris, the Gaussian mixture, UCI digits as
 * an MLP) set the rules; the held-out ones (UCI digits as 8x8 images with a CNN, breast cancer, wine) were run only
 * after the rules were fixed, the Fashion-MNIST subset with its CNN only after the slow-start rule was, and UCI letter
 * recognition and Landsat satellite (MLPs) only after the rising-loss condition of the high-ratio line was, UCI
 * vehicle silhouettes and vowels (MLPs) only after the stall's stricter "not got going" was, and UCI DNA splice
 * junctions and ionosphere returns (MLPs) only after the loss-spike rule was, UCI Spambase (MLP) with the same
 * rules, UCI glass identification and a draw of Statlog shuttle (MLPs) only after the plateau note that follows a
 * too-high line was, UCI soybean diseases (MLP) only after "has learned" was judged against the chance level, and
 * UCI musk (MLP) only after extreme ratios (10x the band's top at 3 checks in a row) became advice to lower the rate,
 * Hill et al.'s cell segmentation (MLP) with the same rules, and Kuhn and Johnson's computing jobs (MLP) only after
 * the slow-start line waited for a loss that still falls at a steady pace, a telecom churn table (MLP) with the
 * same rules, IBM's telco churn sample (MLP) only after a high ratio's rise was measured against the best epoch's
 * mean loss and the spread of the minibatch losses, and IBM's employee attrition sample, a credit scoring table and the
 * Palmer penguins (MLPs) only after a loss that never left its chance level after extreme first steps became advice
 * to lower the rate, and a Stack Overflow survey, Lending Club loans and an Alzheimer's disease study (MLPs) only after
 * a low ratio that would be in the band at the peak rate became expected after a planned cut, and Sakar et al.'s
 * Parkinson's speech recordings and Kuhn and Johnson's two-predictor example (MLPs) with the same rules (they were
 * first held out for a rule that waited on validation data before advising a higher rate; it failed there and was
 * not kept), and the Pima Indians diabetes table and the 1984 congressional votes (MLPs) only after low ratios of a
 * network that has fitted what it can at its pace stopped being advice, and the sonar returns and the original
 * Wisconsin cytology table (MLPs) with the same rules, and Kuhn and Johnson's second two-predictor example and a
 * simulated parabola (MLPs) with the same rules again, and their grant applications (MLP) with the same rules once
 * more, and the UCI German credit data and modeldata's simulated two-class problem (MLPs) with them again, and the
 * cut of ggplot2's diamonds (MLP) with them once more, and the marital status of a social survey (MLP) with them
 * again. Three regression tables (MLPs with a mean squared error; their score is the R squared where the others'
 * is the accuracy): concrete strength, the first the monitor's regression chance level was looked at on; Sacramento
 * home prices and biomass heating values, held out for it. One time series (an LSTM with a squared error at every step,
 * scored by the R squared over all steps): Chicago L-train entries, held out for the monitor's chance level of
 * time-series outputs. One fine-tuning problem: an MLP pretrained on the letters A to M, its first layer frozen, a new
 * head trained on 600 rows of N to Z ({@code letter-finetune}), held out with the rules of the Chicago round; the
 * Fashion-MNIST CNN pretrained on five classes, its convolutions frozen, a new head for the other five
 * ({@code fashion-finetune}), held out after the monitor stopped judging frozen layers; the Landsat satellite MLP and
 * the digits CNN fine-tuned the same way ({@code satellite-finetune}, {@code digits-finetune}), held out after the
 * finder let trials decide on networks with frozen layers. Two {@code ComputationGraph}s (every other problem is a
 * {@code MultiLayerNetwork}): a residual MLP on the vehicle silhouettes ({@code vehicle-resnet}), held out with the
 * rules of the fine-tuning rounds, and the same graph on the glass identification table ({@code glass-resnet}), held
 * out after it.
 */
record Problem(String name, int epochs, boolean heldOut) {

    static final List<Problem> ALL = List.of(
            new Problem("iris", 30, false),
            new Problem("blobs", 6, false),
            new Problem("digits", 10, false),
            new Problem("digits-cnn", 6, true),
            new Problem("breast-cancer", 15, true),
            new Problem("wine", 30, true),
            new Problem("fashion-cnn", 4, true),
            new Problem("letter", 10, true),
            new Problem("satellite", 8, true),
            new Problem("vehicle", 20, true),
            new Problem("vowel", 30, true),
            new Problem("dna", 10, true),
            new Problem("ionosphere", 30, true),
            new Problem("spam", 10, true),
            new Problem("glass", 30, true),
            new Problem("shuttle", 10, true),
            new Problem("soybean", 20, true),
            new Problem("musk", 20, true),
            new Problem("cells", 10, true),
            new Problem("hpc", 10, true),
            new Problem("churn", 10, true),
            new Problem("telco", 10, true),
            new Problem("attrition", 20, true),
            new Problem("credit", 10, true),
            new Problem("penguins", 30, true),
            new Problem("stackoverflow", 10, true),
            new Problem("lending", 10, true),
            new Problem("alzheimer", 30, true),
            new Problem("speech", 30, true),
            new Problem("twoclass", 20, true),
            new Problem("pima", 20, true),
            new Problem("votes", 30, true),
            new Problem("sonar", 30, true),
            new Problem("cytology", 20, true),
            new Problem("bivariate", 20, true),
            new Problem("parabolic", 30, true),
            new Problem("grants", 10, true),
            new Problem("german", 30, true),
            new Problem("simulated", 20, true),
            new Problem("diamonds", 20, true),
            new Problem("survey", 20, true),
            new Problem("concrete", 30, true),
            new Problem("sacramento", 30, true),
            new Problem("biomass", 30, true),
            new Problem("chicago", 10, true),
            new Problem("letter-finetune", 10, true),
            new Problem("fashion-finetune", 10, true),
            new Problem("satellite-finetune", 10, true),
            new Problem("digits-finetune", 10, true),
            new Problem("vehicle-resnet", 20, true),
            new Problem("glass-resnet", 30, true));

    static Problem named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Expected a problem in " + ALL.stream()
                        .map(Problem::name).toList() + ", but got " + name));
    }

    BenchmarkData.Split data() {
        return ExampleModels.dataFor(name, 0);
    }

    Model model(BenchmarkData.Split data, IUpdater updater, long seed) {
        return ExampleModels.model(name, data, updater, seed);
    }
}
