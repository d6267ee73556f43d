/**
 * <b>Not API.</b> DL4J plumbing that dl4j-lr's own packages share: one seam over {@code MultiLayerNetwork} and
 * {@code ComputationGraph} ({@link io.github.dl4jlr.internal.nn.NetworkAdapter}), learning rates per layer, losses,
 * snapshots. Anything here may change or disappear in any release; call the public packages instead.
 */
package io.github.dl4jlr.internal.nn;
