package io.github.dl4jlr.internal.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The loss of a network that knows nothing but the class frequencies, or on a regression output the targets' mean:
 * what a network that has learned nothing scores, and what a dead one sits at. Accumulates the labels' sums and sums
 * of squares over the minibatches it is shown, per output and unit.
 *
 * <p>As DL4J scores it (averaged over examples): {@code -sum p_k ln p_k} for a softmax cross-entropy output (one-hot
 * or soft labels), {@code sum_k H(p_k)} with the binary entropy H for independent sigmoid cross-entropy outputs, the
 * variance of the targets averaged over the units for a mean squared error and summed over them for a squared error
 * (L2), the variance of the rows seen (what predicting their mean scores on them). Unknown (NaN) for any other loss.
 * Worked values: labels 1 and 3 of one unit: variance 1, so 1 for MSE and L2; units with variances 1 and 4: MSE 2.5,
 * L2 5.
 *
 * <p>A time-series output ({@code RnnOutputLayer}, labels {@code [examples, units, steps]}) is scored by DL4J as the
 * sum of its unmasked steps' losses divided by the examples; so its chance level is the level per step, over every
 * unmasked step seen, times the unmasked steps per example. Worked value: one unit, two series (1, 3, 1) and
 * (3, 7, 3) with the last two steps of the second masked: variance 1 over the four unmasked steps (1, 3, 1, 3), times
 * 4/2 steps per example: 2 for MSE and L2. Not thread-safe.
 */
public final class ChanceLevel {

    /**
     * Below this share of the chance level a network has learned. A fresh network's outputs are near uniform, so its
     * loss starts near or above the chance level (the 60 fresh networks of the benchmarks' 20 tables, 3 seeds each:
     * 0.87 to 4.9 of it); networks trained 3 to 5 epochs on two hard tables stood at 0.42 to 0.66 of it, where half
     * took most of them for fresh ones.
     */
    public static final double LEARNED = 0.75;

    private double[][] sums;
    private double[][] squares;
    /** Per output: the rows (examples, or unmasked time steps of a time series) its sums are over. */
    private double[] steps;
    private long examples;

    /**
     * Adds one minibatch's labels without masks (see {@link #add(List, List)}).
     *
     * @param labels the minibatch's labels, one array per output in the network's order
     */
    public void add(Collection<INDArray> labels) {
        add(List.copyOf(labels), Collections.nCopies(labels.size(), null));
    }

    /**
     * Adds one minibatch's labels, one array per output in the network's order, with the mask DL4J scores each output
     * with (null for none). An output's labels are {@code [examples, units]}, or {@code [examples, units, steps]} for
     * a time series, whose every unmasked step is a row, with a {@code [examples, steps]} mask (or DL4J's own column
     * form of it); a matrix's mask is {@code [examples, 1]}. A minibatch whose labels or masks have another shape, or
     * whose outputs differ in their number of examples, is ignored.
     *
     * @param labels the minibatch's labels
     * @param masks  the mask of each output, or null entries
     */
    public void add(List<INDArray> labels, List<INDArray> masks) {
        if (masks.size() != labels.size()) {
            return;
        }
        double[][] s = new double[labels.size()][];
        double[][] q = new double[labels.size()][];
        double[] m = new double[labels.size()];
        long n = -1;
        for (int o = 0; o < labels.size(); o++) {
            INDArray l = labels.get(o);
            if (l == null || (n >= 0 && l.size(0) != n)) {
                return;
            }
            n = l.size(0);
            INDArray rows = rows(l);
            INDArray mask = masks.get(o);
            INDArray weights = mask == null ? null : rowWeights(l, mask);
            if (rows == null || (mask != null && weights == null)) {
                return;
            }
            INDArray weighted = weights == null ? rows : rows.mulColumnVector(weights);
            s[o] = weighted.sum(0).toDoubleVector();
            q[o] = weighted.mul(rows).sum(0).toDoubleVector();
            m[o] = weights == null ? rows.size(0) : weights.sumNumber().doubleValue();
        }
        if (sums == null) {
            sums = s;
            squares = q;
            steps = m;
        } else {
            if (s.length != sums.length) {
                return;
            }
            for (int i = 0; i < s.length; i++) {
                if (s[i].length != sums[i].length) {
                    return;
                }
            }
            for (int i = 0; i < s.length; i++) {
                for (int k = 0; k < s[i].length; k++) {
                    sums[i][k] += s[i][k];
                    squares[i][k] += q[i][k];
                }
                steps[i] += m[i];
            }
        }
        examples += n;
    }

    /** The labels as {@code [rows, units]} doubles: a time series' steps become rows; null for another rank. */
    private static INDArray rows(INDArray labels) {
        INDArray d = labels.castTo(DataType.DOUBLE);
        if (d.rank() == 2) {
            return d;
        }
        return d.rank() == 3 ? d.permute(0, 2, 1).dup('c').reshape(d.size(0) * d.size(2), d.size(1)) : null;
    }

    /**
     * The mask as a 0/1 (or weighting) column per row of {@link #rows}; null for a mask of another shape. A time
     * series' mask is {@code [examples, steps]} as given, or the {@code [examples x steps, 1]} column, time-major, that
     * DL4J's output layer keeps it as during training.
     */
    private static INDArray rowWeights(INDArray labels, INDArray mask) {
        long n = labels.size(0);
        long rowCount = labels.rank() == 3 ? n * labels.size(2) : n;
        INDArray m = mask.castTo(DataType.DOUBLE);
        if (labels.rank() == 3 && m.rank() == 2 && m.size(0) == n && m.size(1) == labels.size(2)) {
            return m.dup('c').reshape(rowCount, 1);
        }
        if (labels.rank() == 3 && m.rank() == 2 && m.size(0) == rowCount && m.size(1) == 1) {
            return m.dup('f').reshape('f', n, labels.size(2)).dup('c').reshape(rowCount, 1);
        }
        return labels.rank() == 2 && m.rank() == 2 && m.size(0) == n && m.size(1) == 1 ? m : null;
    }

    /**
     * Whether {@code loss} is below {@value #LEARNED} of {@code chance}: the network has learned more than the class
     * frequencies. False when either is unknown (NaN) or the chance level is not positive.
     * Worked values, chance 1.0: 0.749 has learned, 0.75 has not.
     *
     * @param loss   a loss of the network (a level, an epoch's mean, the loss before a sweep)
     * @param chance the chance-level loss ({@link #loss(List)})
     * @return whether the loss is below three quarters of the chance level
     */
    public static boolean learned(double loss, double chance) {
        return chance > 0 && loss < LEARNED * chance;
    }

    /**
     * @param outputs how each output scores, in the order of the labels added
     * @return the chance-level loss summed over the outputs; NaN when nothing was added or an output's loss is neither
     *     a cross-entropy nor an unweighted squared error
     */
    public double loss(List<OutputLoss> outputs) {
        if (sums == null || examples == 0 || outputs.size() != sums.length || outputs.contains(OutputLoss.OTHER)) {
            return Double.NaN;
        }
        double total = 0;
        for (int o = 0; o < sums.length; o++) {
            if (steps[o] <= 0) {
                return Double.NaN;
            }
            double[] mean = sums[o].clone();
            double variances = 0;
            for (int k = 0; k < mean.length; k++) {
                mean[k] /= steps[o];
                variances += Math.max(0, squares[o][k] / steps[o] - mean[k] * mean[k]);
            }
            double perRow = switch (outputs.get(o)) {
                case MEAN_SQUARED_ERROR -> mean.length == 0 ? Double.NaN : variances / mean.length;
                case SQUARED_ERROR -> mean.length == 0 ? Double.NaN : variances;
                default -> loss(mean, outputs.get(o) == OutputLoss.SOFTMAX_CROSS_ENTROPY);
            };
            total += perRow * steps[o] / examples;   // DL4J sums over the rows and divides by the examples
        }
        return total;
    }

    /**
     * The chance-level loss of one output.
     *
     * @param frequencies the mean label of each output unit
     * @param softmax     whether the units are one softmax (else independent binary units)
     * @return the loss of predicting {@code frequencies}; NaN when {@code frequencies} is empty
     */
    public static double loss(double[] frequencies, boolean softmax) {
        if (frequencies.length == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (double p : frequencies) {
            h += entropyTerm(p) + (softmax ? 0 : entropyTerm(1 - p));
        }
        return h;
    }

    private static double entropyTerm(double p) {
        return p > 0 && p < 1 ? -p * Math.log(p) : 0;
    }
}
