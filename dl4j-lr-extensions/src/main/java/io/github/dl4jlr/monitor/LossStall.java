package io.github.dl4jlr.monitor;

/**
 * One "the loss has not improved for several epochs" finding.
 *
 * @param replica          which model (see {@link MonitorEvent#replica()})
 * @param iteration        the iteration counter at the end of the epoch
 * @param epoch            the epoch that completed the streak
 * @param validation       whether the watched loss is the validation loss (else the epoch's mean training loss)
 * @param loss             the watched loss of this epoch
 * @param first            the watched loss of the first epoch
 * @param lowest           the lowest watched loss so far
 * @param best             the best watched loss in the plateau rule's sense (it moves only by the threshold)
 * @param epochs           epochs without improvement (the patience)
 * @param threshold        the relative improvement that would have counted
 * @param medianRatio      the median weight ratio over the stalled epochs' checks; NaN when none ran
 * @param cause            what the ratios, the gradients and the learning rate say
 * @param learningRate     learning rate of the first trained layer at the next step
 * @param peakLearningRate the highest learning rate the monitor saw at a check; NaN before the first check
 * @param lrOwner          who lowered the rate below its peak, for {@link StallCause#LR_LOWERED} ("its schedule",
 *                         "ReduceLROnPlateau", "a rollback of this monitor", "a change of the learning rate")
 */
public record LossStall(int replica, int iteration, int epoch, boolean validation, double loss, double first,
                        double lowest, double best, int epochs, double threshold, double medianRatio, StallCause cause,
                        double learningRate, double peakLearningRate, String lrOwner) {
}
