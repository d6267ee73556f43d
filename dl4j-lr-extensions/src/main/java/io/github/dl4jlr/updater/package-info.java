/**
 * Learning-rate-free updaters for DL4J: {@link io.github.dl4jlr.updater.Prodigy} estimates its own step size,
 * {@link io.github.dl4jlr.updater.ScheduleFreeAdamW} (and {@link io.github.dl4jlr.updater.ScheduleFreeSgd}) need no
 * schedule. Both need the {@link io.github.dl4jlr.updater.LearningRateFree} listener.
 *
 * <pre>{@code
 *   MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
 *           .updater(new Prodigy())          // or new ScheduleFreeAdamW()
 *           .list()
 *           // ... your layers
 *           .build());
 *   net.init();
 *   LearningRateFree.attach(net);
 *   net.fit(train, epochs);
 * }</pre>
 *
 * @serial exclude
 */
package io.github.dl4jlr.updater;
