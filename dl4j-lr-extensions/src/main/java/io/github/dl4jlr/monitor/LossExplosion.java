package io.github.dl4jlr.monitor;

import java.util.Locale;

/**
 * The loss stayed finite but exploded: its smoothed value rose above {@code factor} times its best, sustained over
 * several minibatches (see {@link io.github.dl4jlr.util.LossTracker}).
 */
public record LossExplosion(int iteration, int epoch, double learningRate, double loss, double smoothed, double best,
                            double factor) implements Trouble {

    @Override
    public Cause cause() {
        return Cause.LOSS_DIVERGED;
    }

    @Override
    public String key() {
        return "loss";
    }

    @Override
    public String message() {
        return String.format(Locale.ROOT, "Training diverged at iter=%d epoch=%d lr=%.1e: the smoothed loss %.3g is "
                        + "%.1fx its best value %.3g (limit %.0fx; last minibatch loss %.3g). The learning rate is likely "
                        + "too high: try x0.1 or run the LR finder.", iteration, epoch, learningRate, smoothed,
                smoothed / best, best, factor, loss);
    }
}
