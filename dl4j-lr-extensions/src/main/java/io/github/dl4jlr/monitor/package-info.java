/**
 * The training health monitor: one listener, {@link io.github.dl4jlr.monitor.TrainingHealthMonitor}, that catches
 * NaN/Inf where it starts, an exploding loss, a dead network, stalls, a slow or stuck start and update:parameter
 * ratios out of their band, says in its log what to do, and can stop training or roll back to a healthy state at a
 * lower learning rate.
 *
 * <pre>{@code
 *   try (TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.ROLLBACK).build()) {
 *       net.addListeners(monitor);
 *       net.fit(train, epochs);
 *       MonitorReport report = monitor.report();
 *   }
 * }</pre>
 *
 * @serial exclude
 */
package io.github.dl4jlr.monitor;
