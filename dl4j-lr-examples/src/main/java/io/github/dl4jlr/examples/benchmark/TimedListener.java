package io.github.dl4jlr.examples.benchmark;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Delegates every hook to a listener and adds up the wall time spent inside it: the listener's own cost,
 * free of the run-to-run noise of whole-iteration timings.
 */
final class TimedListener implements TrainingListener {

    private final TrainingListener delegate;
    private long nanos;

    TimedListener(TrainingListener delegate) {
        this.delegate = delegate;
    }

    long nanos() {
        return nanos;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        long t = System.nanoTime();
        delegate.iterationDone(model, iteration, epoch);
        nanos += System.nanoTime() - t;
    }

    @Override
    public void onEpochStart(Model model) {
        long t = System.nanoTime();
        delegate.onEpochStart(model);
        nanos += System.nanoTime() - t;
    }

    @Override
    public void onEpochEnd(Model model) {
        long t = System.nanoTime();
        delegate.onEpochEnd(model);
        nanos += System.nanoTime() - t;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        long t = System.nanoTime();
        delegate.onForwardPass(model, activations);
        nanos += System.nanoTime() - t;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        long t = System.nanoTime();
        delegate.onForwardPass(model, activations);
        nanos += System.nanoTime() - t;
    }

    @Override
    public void onGradientCalculation(Model model) {
        long t = System.nanoTime();
        delegate.onGradientCalculation(model);
        nanos += System.nanoTime() - t;
    }

    @Override
    public void onBackwardPass(Model model) {
        long t = System.nanoTime();
        delegate.onBackwardPass(model);
        nanos += System.nanoTime() - t;
    }
}
