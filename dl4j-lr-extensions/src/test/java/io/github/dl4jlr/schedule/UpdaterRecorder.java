package io.github.dl4jlr.schedule;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.util.List;

/** Records the learning rate and momentum that layer 0's Nesterovs updater uses at each iteration. */
final class UpdaterRecorder extends BaseTrainingListener {

    private final List<double[]> sink;

    UpdaterRecorder(List<double[]> sink) {
        this.sink = sink;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        Nesterovs u = (Nesterovs) ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater();
        sink.add(new double[]{u.getLearningRate(iteration, epoch), u.currentMomentum(iteration, epoch)});
    }
}
