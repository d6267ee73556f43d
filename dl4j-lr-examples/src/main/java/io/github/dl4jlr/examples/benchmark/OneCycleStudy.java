package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.finder.FinderAudit;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.schedule.OneCycleSchedule;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;

/**
 * Smith's super-convergence question on a benchmark problem: how many epochs does 1cycle, peaking at a given rate per
 * seed (the finder's suggestion, or the search's winner), need to reach the best constant rate's score at the full
 * budget, against that constant rate itself?
 */
final class OneCycleStudy {

    private static final Logger log = LoggerFactory.getLogger(OneCycleStudy.class);

    private final FinderAudit.Problem problem;
    private final int seeds;

    OneCycleStudy(FinderAudit.Problem problem, int seeds) {
        this.problem = problem;
        this.seeds = seeds;
    }

    /**
     * @param target          the best constant-LR score at the full budget
     * @param constantLr      that rate
     * @param constantEpochs  the first epoch at which the constant rate reached the target
     * @param peaks           the 1cycle peak of each seed
     * @param oneCycleEpochs  the fewest epochs of a 1cycle run that reach the target on average; -1 if none
     */
    record Comparison(double target, double constantLr, int constantEpochs, double[] peaks, int oneCycleEpochs) {

        static final String HEADER = "problem,target,constant_lr,constant_epochs,onecycle_peak,onecycle_epochs";

        /** One CSV row; the peak is the geometric mean over seeds. */
        String csvRow(String problem) {
            double log = 0;
            for (double p : peaks) {
                log += Math.log(p);
            }
            return String.format(Locale.ROOT, "%s,%.4f,%.3e,%d,%.3e,%d", problem, target, constantLr, constantEpochs,
                    Math.exp(log / peaks.length), oneCycleEpochs);
        }
    }

    /**
     * @param constant           the updater at a fixed rate
     * @param scheduled          the updater for a schedule and the run's total iterations
     * @param peaks              the 1cycle peak per seed
     * @param iterationsPerEpoch minibatches per epoch
     * @param maxEpochs          the longest 1cycle run tried
     */
    Comparison compare(double target, double constantLr, DoubleFunction<IUpdater> constant,
                       BiFunction<ISchedule, Integer, IUpdater> scheduled, double[] peaks, int iterationsPerEpoch,
                       int maxEpochs) {
        double[] curve = meanCurve(problem.epochs(), s -> constant.apply(constantLr));
        int constantEpochs = -1;
        for (int e = 0; e < curve.length && constantEpochs < 0; e++) {
            if (curve[e] >= target - 1e-12) {
                constantEpochs = e + 1;
            }
        }
        int oneCycle = -1;
        for (int k = 1; k <= maxEpochs && oneCycle < 0; k++) {
            int total = k * iterationsPerEpoch;
            double mean = 0;
            for (int s = 0; s < seeds; s++) {
                double[] c = curve(s, seed -> scheduled.apply(OneCycleSchedule.withDefaults(ScheduleType.ITERATION,
                        peaks[seed], total), total), total / iterationsPerEpoch);
                mean += c[c.length - 1] / seeds;
            }
            log.info(String.format(Locale.ROOT, "1cycle over %d epoch(s): mean score %.4f (target %.4f)", k, mean, target));
            if (mean >= target) {
                oneCycle = k;
            }
        }
        return new Comparison(target, constantLr, constantEpochs, peaks.clone(), oneCycle);
    }

    private double[] meanCurve(int epochs, IntFunction<IUpdater> updaterForSeed) {
        double[] mean = new double[epochs];
        for (int s = 0; s < seeds; s++) {
            double[] c = curve(s, updaterForSeed, epochs);
            for (int e = 0; e < epochs; e++) {
                mean[e] += c[e] / seeds;
            }
        }
        return mean;
    }

    /** The score after each epoch of one training from scratch; NaN (diverged) counts as 0. */
    private double[] curve(int seed, IntFunction<IUpdater> updaterForSeed, int epochs) {
        Model net = problem.model(updaterForSeed.apply(seed), seed);
        NetworkAdapter adapter = NetworkAdapter.of(net);
        double[] scores = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            adapter.fit(problem.train(seed, e));
            double score = NetworkAdapter.finite(adapter.params()) ? problem.score(net, seed) : Double.NaN;
            scores[e] = Double.isNaN(score) ? 0 : score;
        }
        return scores;
    }
}
