/**
 * Adaptive control of the learning rate during training: {@link io.github.dl4jlr.control.ReduceLROnPlateau} cuts it
 * when the loss stops improving, rescaling the configured schedule instead of replacing it.
 *
 * <pre>{@code
 *   ReduceLROnPlateau.builder().factor(0.1).patience(10).build().attachTo(net);
 *   net.fit(train, epochs);     // logs every cut: "epoch 12: training loss 0.812 has not improved by 1e-04 ..."
 * }</pre>
 *
 * @serial exclude
 */
package io.github.dl4jlr.control;
