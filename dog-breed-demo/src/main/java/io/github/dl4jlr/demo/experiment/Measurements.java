package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/** What a run measures after each epoch (one console line per epoch), and its summary at the end. */
final class Measurements {

    private static final Logger log = LoggerFactory.getLogger(Runner.class);
    private static final int TRAIN_ACCURACY_SAMPLE = 500;

    private final PreparedData data;
    private final DemoConfig config;
    private final long started = System.nanoTime();

    /** Measures one run, which starts now. */
    Measurements(PreparedData data, DemoConfig config) {
        this.data = data;
        this.config = config;
    }

    EpochMetrics measure(Experiment e, int seed, int epoch, Model net, double trainLoss, double lr,
                                 double seconds, double etlSeconds) {
        boolean finite = NetworkAdapter.finite(net.params());
        double trainAcc = finite ? accuracy(net, data.trainSample(TRAIN_ACCURACY_SAMPLE)) : Double.NaN;
        double testAcc = finite ? accuracy(net, data.test()) : Double.NaN;
        double testLoss = finite ? NetworkAdapter.of(net).meanLoss(data.test()) : Double.NaN;
        EpochMetrics m = new EpochMetrics(e.id(), e.group().id(), seed, epoch + 1, trainLoss, trainAcc, testLoss, testAcc,
                lr, seconds, data.trainImages().count() / seconds,
                Double.isNaN(etlSeconds) ? Double.NaN : etlSeconds / seconds);
        log.info(String.format(Locale.ROOT, "%s seed %d epoch %d/%d: train loss %s acc %s | test loss %s acc %s | "
                        + "lr %s | %.1f s, %.0f img/s, data wait %s", e.id(), seed, epoch + 1, config.epochs(),
                fmt("%.3f", trainLoss), fmt("%.3f", trainAcc), fmt("%.3f", testLoss), fmt("%.3f", testAcc), fmt("%.1e", lr),
                seconds, m.imagesPerSecond(), Double.isNaN(m.dataWaitFraction()) ? "n/a"
                        : String.format(Locale.ROOT, "%.1f%%", 100 * m.dataWaitFraction())));
        return m;
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    static double accuracy(Model net, DataSetIterator it) {
        if (!NetworkAdapter.finite(net.params())) {
            return Double.NaN;
        }
        return NetworkAdapter.of(net).evaluate(it).accuracy();
    }

    RunSummary summarize(Experiment e, int seed, List<EpochMetrics> rows, double medianRatio, String note,
                                 RunStore store) {
        double best = Double.NaN;
        double minLoss = Double.NaN;
        double seconds = 0;
        double wait = 0;
        int waitCount = 0;
        for (EpochMetrics m : rows) {
            best = Double.isNaN(best) || m.testAccuracy() > best ? m.testAccuracy() : best;
            minLoss = Double.isNaN(minLoss) || m.testLoss() < minLoss ? m.testLoss() : minLoss;
            seconds += m.seconds();
            // Data wait is judged after the first epoch, once caches and JIT are warm.
            if (m.epoch() > 1 && !Double.isNaN(m.dataWaitFraction())) {
                wait += m.dataWaitFraction();
                waitCount++;
            }
        }
        EpochMetrics last = rows.get(rows.size() - 1);
        boolean diverged = rows.stream().anyMatch(m -> Double.isNaN(m.testAccuracy()));
        RunSummary s = new RunSummary(e.id(), e.group().id(), seed, rows.size(), best, last.testAccuracy(),
                last.testLoss(), minLoss, seconds / rows.size(), (System.nanoTime() - started) / 1e9, waitCount == 0 ? Double.NaN : wait / waitCount,
                medianRatio, diverged, note == null ? "" : note, RunSummary.Status.DONE, "");
        store.finish(s);
        return s;
    }
}
