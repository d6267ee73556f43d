/**
 * The learning-rate range test: {@link io.github.dl4jlr.finder.LearningRateFinder} sweeps the rate over a short run,
 * stops when the loss diverges, suggests a rate (with short trials when the curve cannot be read), and leaves the
 * network exactly as it was.
 *
 * <pre>{@code
 *   LrFinderResult r = LearningRateFinder.builder().build().find(net, trainIterator);
 *   double lr = r.suggestion().orElse(1e-3);
 *   r.savePlot(Path.of("lr-finder.png"));
 * }</pre>
 *
 * @serial exclude
 */
package io.github.dl4jlr.finder;
