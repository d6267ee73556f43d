package io.github.dl4jlr.monitor;

import java.util.Locale;

/**
 * The loss stayed finite but exploded: the median of the recent minibatch losses rose above {@code factor} times its
 * reference (see {@link DivergenceRules}).
 *
 * @param level     the median of the recent losses, or, when {@code atStart}, of the losses after the first
 * @param reference the lowest level before, or, when {@code atStart}, the first loss of training
 * @param atStart   whether this happened in the first iterations, against the first loss
 */
public record LossExplosion(int iteration, int epoch, double learningRate, double loss, double level, double reference,
                            double factor, boolean atStart) implements Trouble {

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
        return String.format(Locale.ROOT, "Training diverged at iter=%d epoch=%d lr=%.1e: the median of the %s "
                        + "minibatch losses, %.3g, is %.1fx %s %.3g (limit %.0fx; last minibatch loss %.3g). The learning "
                        + "rate is likely too high: try x0.1 or run the LR finder.", iteration, epoch, learningRate,
                atStart ? "first" : "recent", level, level / reference,
                atStart ? "the loss before the first update," : "its lowest level,", reference, factor, loss);
    }
}
