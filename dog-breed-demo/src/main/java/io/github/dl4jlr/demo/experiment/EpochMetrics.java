package io.github.dl4jlr.demo.experiment;

import java.util.Locale;

/** One row of metrics.csv: one experiment, seed and epoch (1-based). NaN marks a diverged or undefined value. */
public record EpochMetrics(String experiment, String group, int seed, int epoch, double trainLoss, double trainAccuracy,
                           double testLoss, double testAccuracy, double lr, double seconds, double imagesPerSecond,
                           double dataWaitFraction) {

    public static final String HEADER = "experiment,group,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy,"
            + "lr,seconds,images_per_second,data_wait_fraction";

    /** A whole CSV file: the header and one line per row. */
    public static String toCsv(java.util.List<EpochMetrics> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> b.append(r.toCsv()).append('\n'));
        return b.toString();
    }

    public String toCsv() {
        return String.join(",", experiment, group, String.valueOf(seed), String.valueOf(epoch), num(trainLoss),
                num(trainAccuracy), num(testLoss), num(testAccuracy), num(lr), num(seconds), num(imagesPerSecond),
                num(dataWaitFraction));
    }

    public static EpochMetrics fromCsv(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 12) {
            throw new IllegalArgumentException("Expected 12 columns in a metrics row, but got " + f.length + ": " + line);
        }
        return new EpochMetrics(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), parse(f[4]), parse(f[5]),
                parse(f[6]), parse(f[7]), parse(f[8]), parse(f[9]), parse(f[10]), parse(f[11]));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static double parse(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
