package io.github.dl4jlr.examples.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Time series cut into sequences for a recurrent network: features {@code [sequences, inputs, steps]}, one target per
 * step {@code [sequences, 1, steps]}, a regression ({@code classes} 0).
 */
public final class SequenceData {

    /** Steps per sequence: two weeks. */
    static final int STEPS = 14;
    /** Days between the starts of two sequences: a week, so that neighbours share one of their two weeks. */
    static final int STRIDE = 7;
    /** The share of the days, in date order, that the training sequences come from; the test ones start after. */
    static final double TRAIN_SHARE = 0.8;

    private SequenceData() {
    }

    /**
     * Kuhn and Johnson's Chicago L-train entries at Clark/Lake (R's modeldata copy, MIT; made by
     * {@code src/main/r/chicago.R}): 5698 days, 2001-01-22 to 2016-08-28. At each step of a sequence the network sees
     * the day's entries and the next day's weekday (one-hot) and predicts the next day's entries. The first 80% of the
     * days give the training sequences, the rest the test ones (no day in both); entries standardized on the training
     * days; sequences of 14 days starting every 7 days (650 training and 160 test sequences), training order
     * shuffled with the seed, minibatch 32.
     */
    public static BenchmarkData.Split chicago(long seed) {
        List<String> lines = BenchmarkData.resourceLines("chicago-5698.csv.gz", "it is bundled next to BenchmarkData");
        if (lines.size() != 5698) {
            throw new IllegalStateException("Expected 5698 chicago days, but got " + lines.size());
        }
        int days = lines.size();
        int[] weekday = new int[days];
        double[] entries = new double[days];
        for (int i = 0; i < days; i++) {
            String[] f = lines.get(i).split(",");
            weekday[i] = Integer.parseInt(f[0].trim());
            entries[i] = Double.parseDouble(f[1].trim());
        }
        int cut = (int) Math.round(TRAIN_SHARE * days);
        double mean = 0;
        for (int i = 0; i < cut; i++) {
            mean += entries[i];
        }
        mean /= cut;
        double var = 0;
        for (int i = 0; i < cut; i++) {
            var += (entries[i] - mean) * (entries[i] - mean);
        }
        double sd = Math.sqrt(var / cut);
        double[] z = new double[days];
        for (int i = 0; i < days; i++) {
            z[i] = (entries[i] - mean) / sd;
        }
        List<Integer> trainStarts = new ArrayList<>();
        List<Integer> testStarts = new ArrayList<>();
        for (int s = 0; s + STEPS < days; s += STRIDE) {
            if (s + STEPS < cut) {               // its last target, day s + STEPS, is a training day
                trainStarts.add(s);
            } else if (s >= cut) {
                testStarts.add(s);
            }
        }
        Collections.shuffle(trainStarts, new Random(seed));
        return new BenchmarkData.Split("chicago", sequences(trainStarts, z, weekday),
                sequences(testStarts, z, weekday), 32, 0);
    }

    private static DataSet sequences(List<Integer> starts, double[] z, int[] weekday) {
        int n = starts.size();
        INDArray x = Nd4j.zeros(DataType.FLOAT, n, 8, STEPS);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 1, STEPS);
        for (int k = 0; k < n; k++) {
            int s = starts.get(k);
            for (int t = 0; t < STEPS; t++) {
                x.putScalar(new int[]{k, 0, t}, z[s + t]);
                x.putScalar(new int[]{k, 1 + weekday[s + t + 1], t}, 1);
                y.putScalar(new int[]{k, 0, t}, z[s + t + 1]);
            }
        }
        return new DataSet(x, y);
    }

    /**
     * Labels as rows {@code [rows, units]}: a matrix as it is, a time series' steps as rows of their own.
     *
     * @param labels {@code [examples, units]} or {@code [examples, units, steps]}
     * @return the rows, as doubles
     */
    public static INDArray rows(INDArray labels) {
        INDArray d = labels.castTo(DataType.DOUBLE);
        return d.rank() == 3 ? d.permute(0, 2, 1).dup('c').reshape(d.size(0) * d.size(2), d.size(1)) : d;
    }
}
