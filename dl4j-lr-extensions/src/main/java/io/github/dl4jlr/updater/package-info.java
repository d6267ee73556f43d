/**
 * Learning-rate-free updaters for DL4J: {@link io.github.dl4jlr.updater.Prodigy} estimates its own step size,
 * {@link io.github.dl4jlr.updater.ScheduleFreeAdamW} (and {@link io.github.dl4jlr.updater.ScheduleFreeSgd}) need no
 * schedule. Both need the {@link io.github.dl4jlr.updater.LearningRateFree} listener.
 *
 * <pre>
 *   builder.updater(new Prodigy());          // or new ScheduleFreeAdamW()
 *   MultiLayerNetwork net = new MultiLayerNetwork(builder.build());
 *   net.init();
 *   LearningRateFree.attach(net);
 *   net.fit(train, epochs);
 * </pre>
 *
 * @serial exclude
 */
package io.github.dl4jlr.updater;
