package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.control.ReduceLROnPlateau;
import io.github.dl4jlr.control.ThresholdMode;
import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.examples.data.SequenceData;
import io.github.dl4jlr.monitor.MonitorReport;
import io.github.dl4jlr.monitor.RatioCheck;
import io.github.dl4jlr.monitor.RatioVerdict;
import io.github.dl4jlr.internal.util.LossTracker;
import io.github.dl4jlr.monitor.TrainingDivergedException;
import io.github.dl4jlr.monitor.TrainingHealthMonitor;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.schedule.CosineDecaySchedule;
import io.github.dl4jlr.schedule.StepDecaySchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Trains one {@link Scenario} under a monitor with default settings (apart from the policy). */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    static IUpdater updater(String optimizer, ISchedule lr) {
        return switch (optimizer) {
            case "sgd" -> new Sgd(lr);
            case "momentum" -> new Nesterovs(lr, 0.9);
            case "adam" -> new Adam(lr);
            default -> throw new IllegalArgumentException("Expected optimizer sgd, momentum or adam, but got " + optimizer);
        };
    }

    static IUpdater updater(String optimizer, double lr) {
        return switch (optimizer) {
            case "sgd" -> new Sgd(lr);
            case "momentum" -> new Nesterovs(lr, 0.9);
            case "adam" -> new Adam(lr);
            default -> throw new IllegalArgumentException("Expected optimizer sgd, momentum or adam, but got " + optimizer);
        };
    }

    /**
     * Minibatch losses per epoch, whether one was non-finite, and at each epoch end the validation loss (with
     * validation data) and the test loss (to judge afterwards whether an earlier epoch was better on unseen rows).
     */
    private static final class Losses extends BaseTrainingListener {
        final double[] sum;
        final int[] count;
        final double[] validationLoss;
        final double[] testLoss;
        final DataSetIterator validation;
        final DataSetIterator test;
        boolean nan;

        Losses(int epochs, DataSetIterator validation, DataSetIterator test) {
            sum = new double[epochs];
            count = new int[epochs];
            validationLoss = new double[epochs];
            testLoss = new double[epochs];
            Arrays.fill(validationLoss, Double.NaN);
            Arrays.fill(testLoss, Double.NaN);
            this.validation = validation;
            this.test = test;
        }

        @Override
        public void onEpochEnd(Model model) {
            NetworkAdapter net = NetworkAdapter.of(model);
            int epoch = net.epochCount();   // DL4J calls this before it advances the epoch counter
            if (epoch < testLoss.length && NetworkAdapter.finite(model.params())) {
                validationLoss[epoch] = validation == null ? Double.NaN : net.meanLoss(validation);
                testLoss[epoch] = net.meanLoss(test);
            }
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            double s = model.score();
            if (!Double.isFinite(s)) {
                nan = true;
            } else if (epoch < sum.length) {
                sum[epoch] += s;
                count[epoch]++;
            }
        }

        double[] means() {
            double[] m = new double[sum.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
            }
            return m;
        }
    }

    /**
     * Trains one scenario.
     *
     * @param validation whether to hold out the last fifth of the training rows as validation data for the monitor
     *                   (and for the outcome's validation losses); the test rows stay the judge either way
     */
    static Outcome run(Scenario s, boolean validation) {
        Problem problem = Problem.named(s.problem());
        BenchmarkData.Split data = problem.data();
        DataSetIterator validationData = null;
        if (validation) {
            BenchmarkData.Split[] parts = data.holdOutFifth();
            data = parts[0];
            validationData = new ListDataSetIterator<>(parts[1].train().asList(), 256);
        }
        int perEpoch = (int) Math.ceil(data.train().numExamples() / (double) data.batchSize());
        ISchedule schedule = switch (s.control()) {
            case COSINE -> new CosineDecaySchedule(ScheduleType.ITERATION, s.lr(), s.lr() / 100, s.epochs() * perEpoch);
            case STEP -> new StepDecaySchedule(ScheduleType.EPOCH, s.lr(), 0.1, Math.max(1, s.epochs() / 3));
            default -> null;
        };
        IUpdater updater = schedule == null ? updater(s.optimizer(), s.lr()) : updater(s.optimizer(), schedule);
        Model model = problem.model(data, updater, s.seed());
        NetworkAdapter net = NetworkAdapter.of(model);
        Losses losses = new Losses(s.epochs(), validationData, data.testIterator());
        TrainingHealthMonitor.Builder builder = TrainingHealthMonitor.builder().onTrouble(s.policy());
        TrainingHealthMonitor monitor = (validationData == null ? builder : builder.validation(validationData)).build();
        net.setListeners(List.of(losses, monitor));
        if (s.control() == Scenario.Control.PLATEAU) {
            ReduceLROnPlateau.builder().patience(2).factor(0.1).threshold(1e-2, ThresholdMode.RELATIVE).build()
                    .attachTo(model);
        }
        boolean stopped = false;
        try {
            for (int e = 0; e < s.epochs(); e++) {
                net.fit(data.trainIterator());
            }
        } catch (TrainingDivergedException e) {
            stopped = true;
        }
        MonitorReport r = monitor.report();
        boolean finite = NetworkAdapter.finite(net.params());
        double accuracy = finite ? ExampleModels.testScore(model, data) : Double.NaN;
        double testLoss = finite ? net.meanLoss(data.testIterator()) : Double.NaN;
        INDArray trainLabels = data.train().getLabels();
        return new Outcome(s, accuracy, testLoss, losses.means(), losses.nan,
                data.regression() ? 0 : majority(data.test().getLabels()),
                data.regression() ? meanVariance(trainLabels) : chance(trainLabels), r.events(), r.stalls(),
                r.rollbacks(), stopped, ratioStats(r), losses.validationLoss, losses.testLoss);
    }

    /**
     * The mean squared error of predicting the targets' mean, per output unit: their variance, averaged; on a time
     * series, per step, times the steps (DL4J sums a sequence's steps).
     */
    static double meanVariance(INDArray labels) {
        INDArray y = SequenceData.rows(labels);
        INDArray centred = y.subRowVector(y.mean(0));
        return centred.mul(centred).sumNumber().doubleValue() / y.length() * y.size(0) / labels.size(0);
    }

    /** The largest judged ratio of the first 3 checks, the p90 of the later checks' largest, the median of medians. */
    static double[] ratioStats(MonitorReport r) {
        List<RatioCheck> checks = r.checks();
        double early = Double.NaN;
        List<Double> later = new ArrayList<>();
        double[] medians = new double[checks.size()];
        for (int i = 0; i < checks.size(); i++) {
            RatioCheck c = checks.get(i);
            double max = Double.NaN;
            for (int k = 0; k < c.keys().size(); k++) {
                if (c.verdicts().get(k) != RatioVerdict.UNDEFINED && !(c.ratios()[k] <= max)) {
                    max = c.ratios()[k];
                }
            }
            if (i < 3) {
                early = Double.isNaN(early) || max > early ? max : early;
            } else if (!Double.isNaN(max)) {
                later.add(max);
            }
            medians[i] = c.medianJudgedRatio();
        }
        Collections.sort(later);
        double p90 = later.isEmpty() ? Double.NaN : later.get((int) Math.floor(0.9 * (later.size() - 1)));
        return new double[]{early, p90, LossTracker.medianIgnoringNaN(medians)};
    }

    /** The share of the largest class. */
    static double majority(INDArray labels) {
        double[] counts = labels.sum(0).toDoubleVector();
        return Arrays.stream(counts).max().orElse(0) / labels.size(0);
    }

    /** The cross-entropy of predicting the class frequencies. */
    static double chance(INDArray labels) {
        double h = 0;
        for (double c : labels.sum(0).toDoubleVector()) {
            double p = c / labels.size(0);
            h -= p > 0 ? p * Math.log(p) : 0;
        }
        return h;
    }
}
