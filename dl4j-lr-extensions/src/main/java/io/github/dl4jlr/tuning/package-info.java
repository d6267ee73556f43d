/**
 * Tuning the learning rate by training: {@link io.github.dl4jlr.tuning.LearningRateSearch} (successive halving over
 * a bracket of rates, with your own configuration and schedule, at a stated price) and
 * {@link io.github.dl4jlr.tuning.PopulationBasedTraining} (a population that explores the rate while it trains).
 * Both run their candidates or members through a {@link io.github.dl4jlr.tuning.MemberTrainer}: threads in this JVM
 * ({@link io.github.dl4jlr.tuning.LocalMemberTrainer}, the default) or a Spark cluster
 * ({@code io.github.dl4jlr.tuning.spark.SparkMemberTrainer}), with the same result.
 *
 * <pre>{@code
 *   LrFinderResult sweep = LearningRateFinder.builder().build().find(net, train);
 *   SearchResult r = LearningRateSearch.builder()
 *           .network(conf).trainData(TrainingData.of(() -> train())).evaluator(m -> accuracy(m, validation()))
 *           .epochs(10).bracket(sweep)
 *           .build().run();              // logs its price first: "about 3.0 trainings of your budget"
 *   double rate = r.bestRate();
 * }</pre>
 *
 * @serial exclude
 */
package io.github.dl4jlr.tuning;
