package io.github.dl4jlr.updater;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

/**
 * The step of {@link Prodigy} over one updater block. Each block hands its gradient to the step it joined; the last
 * one runs the global step over all of them (see {@link Prodigy} for the arithmetic) and writes every block's update.
 */
final class ProdigyUpdater implements GradientUpdater<Prodigy>, CoordinatedUpdater {

    /** Scalar slots per variable: step counter, d, dMax, numerator, the latest dHat, whether p0 was taken. */
    static final int SCALARS = 6;
    static final int K = 0;
    static final int D = 1;
    static final int D_MAX = 2;
    static final int NUMERATOR = 3;
    static final int D_HAT = 4;
    static final int STARTED = 5;

    private final Prodigy config;
    private final INDArray view;
    private BlockState state;
    private CoordinatedStep step;
    private INDArray params;

    ProdigyUpdater(Prodigy config, INDArray view, boolean initialize) {
        this.config = config;
        this.view = view;
        if (initialize) {
            view.assign(0);
        }
    }

    @Override
    public Prodigy getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        throw new UnsupportedOperationException("Prodigy keeps its state in DL4J's flat updater view");
    }

    @Override
    public Map<String, INDArray> getState() {
        return state == null ? Map.of() : Map.of("m", state.array(0), "v", state.array(1), "s", state.array(2),
                "p0", state.array(3));
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        throw new UnsupportedOperationException("Prodigy's state view is set when DL4J instantiates it");
    }

    @Override
    public void join(CoordinatedStep step, int index, INDArray params) {
        this.step = step;
        this.params = params;
        if (state == null) {
            state = new BlockState(view, 4, params.length(), SCALARS);
        }
    }

    @Override
    public boolean pending() {
        return step != null;
    }

    @Override
    public long size() {
        return state == null ? -1 : state.n();
    }

    /** The current global step size d; NaN before the first step. */
    double d() {
        return state == null || state.scalar(STARTED) == 0 ? Double.NaN : state.scalar(D);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        CoordinatedStep s = step;
        if (s == null || s.iteration() != iteration) {
            throw new IllegalStateException(LearningRateFree.missing("Prodigy", "its step size d is global over all the "
                    + "network's Prodigy layers"));
        }
        step = null;
        if (s.submit(this, gradient.reshape(gradient.length()))) {
            globalStep(s, iteration, epoch);
        }
    }

    /** The reference's step over every block of {@code s} (see {@link Prodigy}). */
    private static void globalStep(CoordinatedStep s, int iteration, int epoch) {
        List<ProdigyUpdater> blocks = s.blocks();
        List<INDArray> grads = s.gradients();
        Prodigy c = blocks.get(0).config;
        double lr = c.getLearningRate(iteration, epoch);
        for (ProdigyUpdater b : blocks) {
            if (!b.config.equals(c) && b.config.getLearningRate(iteration, epoch) != lr) {
                throw new IllegalArgumentException("Expected one learning rate for every Prodigy layer (d is global), but "
                        + "got " + lr + " and " + b.config.getLearningRate(iteration, epoch));
            }
        }
        BlockState source = null;
        for (ProdigyUpdater b : blocks) {
            if (b.state.scalar(STARTED) != 0) {
                source = b.state;
                break;
            }
        }
        double d0 = c.d0();
        double k = source == null ? 0 : source.scalar(K);
        double d = source == null ? d0 : source.scalar(D);
        double dMax = source == null ? d0 : source.scalar(D_MAX);
        double numerator = source == null ? 0 : source.scalar(NUMERATOR);
        double dHat = source == null ? Double.NaN : source.scalar(D_HAT);
        double beta1 = c.beta1();
        double beta2 = c.beta2();
        double beta3 = c.beta3();
        double decay = c.weightDecay();
        double adamBias = Math.sqrt(1 - Math.pow(beta2, k + 1)) / (1 - Math.pow(beta1, k + 1));
        double bias = c.useBiasCorrection() ? adamBias : 1;
        double dlr = d * lr * bias;
        double numeratorBefore = numerator;
        numerator *= beta3;
        // Adam's native op updates both moments and writes the step in one pass: fed d * g, it keeps Prodigy's moments
        // (m += d (1 - beta1) g, v += d^2 (1 - beta2) g^2); its rate and epsilon are set below to give Prodigy's step.
        boolean fused = lr > 0 && beta1 > 0;
        double delta = 0;
        double denominator = 0;
        for (int i = 0; i < blocks.size(); i++) {
            BlockState st = blocks.get(i).state;
            INDArray p = blocks.get(i).params;
            INDArray g = grads.get(i);
            if (st.scalar(STARTED) == 0) {
                st.array(3).assign(p);
            }
            if (decay != 0 && !c.decouple()) {
                g.addi(p.mul(decay));
            }
            if (lr > 0) {
                delta += (d / d0) * dlr * Nd4j.getBlasWrapper().dot(g, st.array(3).sub(p));
                if (!fused) {
                    if (beta1 > 0) {
                        st.array(0).muli(beta1).addi(g.mul(d * (1 - beta1)));
                    }
                    st.array(1).muli(beta2).addi(g.mul(g).muli(d * d * (1 - beta2)));
                }
                INDArray sum = st.array(2);
                sum.muli(beta3);
                Nd4j.getBlasWrapper().level1().axpy(sum.length(), (d / d0) * (c.safeguardWarmup() ? d : dlr), g, sum);
                denominator += sum.norm1Number().doubleValue();
            }
        }
        if (denominator == 0) {
            // The reference takes no step at all while no gradient has been seen.
            for (int i = 0; i < blocks.size(); i++) {
                grads.get(i).assign(0);
                write(blocks.get(i).state, k, d, dMax, numeratorBefore, dHat);
            }
            return;
        }
        numerator += delta;
        double dOld = d;
        dHat = c.dCoef() * numerator / denominator;
        if (d == d0) {
            d = Math.max(d, dHat);
        }
        dMax = Math.max(dMax, dHat);
        d = Math.min(dMax, d * c.growthRate());
        // The op multiplies its rate by Adam's bias correction, so it gets dlr without it.
        double opRate = dlr / adamBias;
        for (int i = 0; i < blocks.size(); i++) {
            BlockState st = blocks.get(i).state;
            INDArray g = grads.get(i);
            if (fused) {
                g.muli(dOld);
                Nd4j.exec(new AdamUpdater(g, st.array(1), st.array(0), opRate, beta1, beta2, d * c.epsilon(), (int) k));
            } else {
                INDArray denom = Transforms.sqrt(st.array(1), true).addi(d * c.epsilon());
                g.assign(beta1 > 0 ? st.array(0).div(denom).muli(dlr) : g.div(denom).muli(dlr * d));
            }
            if (decay != 0 && c.decouple()) {
                Nd4j.getBlasWrapper().level1().axpy(g.length(), decay * dlr, blocks.get(i).params, g);
            }
            write(st, k + 1, d, dMax, numerator, dHat);
        }
    }

    private static void write(BlockState st, double k, double d, double dMax, double numerator, double dHat) {
        st.scalar(K, k);
        st.scalar(D, d);
        st.scalar(D_MAX, dMax);
        st.scalar(NUMERATOR, numerator);
        st.scalar(D_HAT, dHat);
        st.scalar(STARTED, 1);
    }
}
