package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.nn.LearningRateConfig;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes hyperparameters into a network's configuration in place (no updater rebuild, state untouched). The
 * learning rate replaces any schedule with the fixed value PBT chose; the learning-rate scale multiplies whatever is
 * configured, schedule included.
 */
final class HyperparameterApplier {

    private HyperparameterApplier() {
    }

    static void apply(Model model, Map<String, Double> hyperparameters) {
        NetworkAdapter net = NetworkAdapter.of(model);
        for (Map.Entry<String, Double> e : hyperparameters.entrySet()) {
            double v = e.getValue();
            switch (e.getKey()) {
                case SearchSpace.LEARNING_RATE:
                    for (IUpdater u : net.trainedUpdaters()) {
                        LearningRateConfig.requireLearningRate(u);
                        u.setLrAndSchedule(v, null);
                    }
                    break;
                case SearchSpace.LEARNING_RATE_SCALE:
                    for (IUpdater u : net.trainedUpdaters()) {
                        LearningRateConfig.read(u).scaled(v).applyTo(u);
                    }
                    break;
                case SearchSpace.MOMENTUM:
                    for (IUpdater u : net.trainedUpdaters()) {
                        if (!(u instanceof Nesterovs)) {
                            throw new IllegalArgumentException("Expected Nesterovs for hyperparameter momentum, but got "
                                    + u.getClass().getSimpleName());
                        }
                        ((Nesterovs) u).setMomentum(v);
                        ((Nesterovs) u).setMomentumISchedule(null);
                    }
                    break;
                case SearchSpace.BETA1:
                    for (IUpdater u : net.trainedUpdaters()) {
                        setBeta1(u, v);
                    }
                    break;
                case SearchSpace.WEIGHT_DECAY:
                    for (BaseLayer layer : baseLayers(model)) {
                        setWeightDecay(layer, v);
                    }
                    break;
                default:
                    throw new IllegalArgumentException("Expected a hyperparameter of " + List.of(SearchSpace.LEARNING_RATE,
                            SearchSpace.LEARNING_RATE_SCALE, SearchSpace.MOMENTUM, SearchSpace.BETA1,
                            SearchSpace.WEIGHT_DECAY) + ", but got " + e.getKey());
            }
        }
    }

    private static void setBeta1(IUpdater u, double beta1) {
        try {
            Method m = u.getClass().getMethod("setBeta1", double.class);
            m.invoke(u, beta1);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalArgumentException("Expected an Adam-family updater for hyperparameter beta1, but got "
                    + u.getClass().getSimpleName(), ex);
        }
    }

    /** Replaces the layer's weight decay (keeping its applyLR flag), or adds one. DL4J reads it at every update. */
    private static void setWeightDecay(BaseLayer layer, double coeff) {
        List<Regularization> old = layer.getRegularization() == null ? List.of() : layer.getRegularization();
        boolean applyLr = true;
        List<Regularization> regs = new ArrayList<>();
        for (Regularization r : old) {
            if (r instanceof WeightDecay) {
                applyLr = ((WeightDecay) r).isApplyLR();
            } else {
                regs.add(r);
            }
        }
        regs.add(new WeightDecay(coeff, applyLr));
        layer.setRegularization(regs);
    }

    private static List<BaseLayer> baseLayers(Model model) {
        Layer[] layers = NetworkAdapter.of(model).layers();
        List<BaseLayer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.conf().getLayer() instanceof BaseLayer && l.numParams() > 0) {
                out.add((BaseLayer) l.conf().getLayer());
            }
        }
        return out;
    }
}
