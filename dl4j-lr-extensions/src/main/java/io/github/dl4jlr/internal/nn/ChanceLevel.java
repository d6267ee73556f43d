package io.github.dl4jlr.internal.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
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
 * L2 5. Not thread-safe.
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
    private long rows;

    /**
     * Adds one minibatch's labels, one array per output in the network's order; labels that are not
     * {@code [examples, units]} matrices of the same number of examples are ignored.
     *
     * @param labels the minibatch's labels
     */
    public void add(Collection<INDArray> labels) {
        double[][] s = new double[labels.size()][];
        double[][] q = new double[labels.size()][];
        long n = -1;
        int o = 0;
        for (INDArray l : labels) {
            if (l == null || l.rank() != 2 || (n >= 0 && l.size(0) != n)) {
                return;
            }
            n = l.size(0);
            INDArray d = l.castTo(DataType.DOUBLE);
            s[o] = d.sum(0).toDoubleVector();
            q[o++] = d.mul(d).sum(0).toDoubleVector();
        }
        if (sums == null) {
            sums = s;
            squares = q;
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
            }
        }
        rows += n;
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
        if (sums == null || rows == 0 || outputs.size() != sums.length || outputs.contains(OutputLoss.OTHER)) {
            return Double.NaN;
        }
        double total = 0;
        for (int o = 0; o < sums.length; o++) {
            double[] mean = sums[o].clone();
            double variances = 0;
            for (int k = 0; k < mean.length; k++) {
                mean[k] /= rows;
                variances += Math.max(0, squares[o][k] / rows - mean[k] * mean[k]);
            }
            total += switch (outputs.get(o)) {
                case MEAN_SQUARED_ERROR -> mean.length == 0 ? Double.NaN : variances / mean.length;
                case SQUARED_ERROR -> mean.length == 0 ? Double.NaN : variances;
                default -> loss(mean, outputs.get(o) == OutputLoss.SOFTMAX_CROSS_ENTROPY);
            };
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
