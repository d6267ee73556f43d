/**
 * Runs the search's candidates and PBT's members as Apache Spark tasks: the driver keeps every decision, each
 * candidate or member of a round is one task, and the result is the same as with the local trainer.
 *
 * <pre>{@code
 *   try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("pbt"))) {
 *       PbtResult r = PopulationBasedTraining.builder()
 *               // ... as with the local trainer
 *               .trainer(new SparkMemberTrainer(sc)).build().run();
 *   }
 * }</pre>
 *
 * <p>Spark is a {@code provided} dependency: add {@code spark-core_2.13} 4.x yourself, or run under
 * {@code spark-submit}.
 *
 * @serial exclude
 */
package io.github.dl4jlr.tuning.spark;
