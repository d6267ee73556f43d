package io.github.dl4jlr.updater;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;

/**
 * The step of {@link ScheduleFreeAdamW} and {@link ScheduleFreeSgd} over one updater block (the authors' memory-saving
 * form, which updates {@code y} in place without storing {@code x}). The block's parameters hold {@code y} while
 * training and {@code x} in evaluation mode ({@link LearningRateFree#evalMode}); both are exact functions of each
 * other and of {@code z}:
 * <pre>
 *   y = (1 - beta1) * z + beta1 * x          x = y + (1 - 1/beta1) * (z - y)
 * </pre>
 * State: {@code z} (and {@code v} for AdamW) per parameter, plus per variable the step counter, the largest rate so
 * far, the sum of the averaging weights, whether {@code z} was taken, and the mode.
 */
final class ScheduleFreeUpdater implements GradientUpdater<IUpdater>, CoordinatedUpdater {

    static final int SCALARS = 5;
    static final int K = 0;
    static final int LR_MAX = 1;
    static final int WEIGHT_SUM = 2;
    static final int STARTED = 3;
    /** 0: the parameters hold y (training); 1: they hold x (evaluation). */
    static final int MODE = 4;

    /** The settings both variants share. */
    record Settings(double beta1, double beta2, double epsilon, double weightDecay, int warmupSteps, double r,
                    double weightLrPower, boolean adam) {
    }

    private final IUpdater config;
    private final Settings settings;
    private final INDArray view;
    private BlockState state;
    private CoordinatedStep step;
    private INDArray params;

    ScheduleFreeUpdater(IUpdater config, Settings settings, INDArray view, boolean initialize) {
        this.config = config;
        this.settings = settings;
        this.view = view;
        if (initialize) {
            view.assign(0);
        }
    }

    /** The number of parameter-sized vectors in the state: z, and v for AdamW. */
    static int arrays(boolean adam) {
        return adam ? 2 : 1;
    }

    @Override
    public IUpdater getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        throw new UnsupportedOperationException("Schedule-Free keeps its state in DL4J's flat updater view");
    }

    @Override
    public Map<String, INDArray> getState() {
        if (state == null) {
            return Map.of();
        }
        return settings.adam() ? Map.of("z", state.array(0), "v", state.array(1)) : Map.of("z", state.array(0));
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        throw new UnsupportedOperationException("Schedule-Free's state view is set when DL4J instantiates it");
    }

    @Override
    public void join(CoordinatedStep step, int index, INDArray params) {
        this.step = step;
        bind(params);
    }

    /** Binds the block's parameters (for a mode switch outside training, too). */
    void bind(INDArray params) {
        this.params = params;
        if (state == null) {
            state = new BlockState(view, arrays(settings.adam()), params.length(), SCALARS);
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

    /** Whether the parameters hold x; false before the first step. */
    boolean evalMode() {
        return state != null && state.scalar(MODE) != 0;
    }

    /** Switches the bound parameters to x ({@code true}) or y; nothing before the first step. */
    void mode(boolean eval) {
        if (state == null || state.scalar(STARTED) == 0 || evalMode() == eval) {
            return;
        }
        INDArray z = state.array(0);
        double beta1 = settings.beta1();
        double w = eval ? 1 - 1 / beta1 : 1 - beta1;
        params.addi(z.sub(params).muli(w));
        state.scalar(MODE, eval ? 1 : 0);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        CoordinatedStep s = step;
        if (s == null || s.iteration() != iteration) {
            throw new IllegalStateException(LearningRateFree.missing(config.getClass().getSimpleName(),
                    "the gradient is taken at y while the model to evaluate and save is x"));
        }
        step = null;
        if (evalMode()) {
            throw new IllegalStateException(LearningRateFree.EVAL_MODE_TRAINING);
        }
        INDArray g = gradient.reshape(gradient.length());
        INDArray y = params;
        INDArray z = state.array(0);
        if (state.scalar(STARTED) == 0) {
            z.assign(y);
            state.scalar(LR_MAX, -1);
            state.scalar(STARTED, 1);
        }
        double k = state.scalar(K);
        double sched = k < settings.warmupSteps() ? (k + 1) / settings.warmupSteps() : 1.0;
        double lr = config.getLearningRate(iteration, epoch) * sched;
        double lrMax = Math.max(lr, state.scalar(LR_MAX));
        double weight = Math.pow(k + 1, settings.r()) * Math.pow(lrMax, settings.weightLrPower());
        double weightSum = state.scalar(WEIGHT_SUM) + weight;
        double ckp1 = weightSum == 0 ? 0 : weight / weightSum;
        INDArray normalized;
        if (settings.adam()) {
            double bias2 = 1 - Math.pow(settings.beta2(), k + 1);
            INDArray v = state.array(1);
            v.muli(settings.beta2()).addi(g.mul(g).muli(1 - settings.beta2()));
            INDArray denom = Transforms.sqrt(v.div(bias2), false).addi(settings.epsilon());
            normalized = g.div(denom);
        } else {
            normalized = g.dup();
        }
        if (settings.weightDecay() != 0) {
            normalized.addi(y.mul(settings.weightDecay()));
        }
        // y_new = y + ckp1 (z - y) + lr (beta1 (1 - ckp1) - 1) normalized; the update is y - y_new
        INDArray update = z.sub(y).muli(-ckp1).subi(normalized.mul(lr * (settings.beta1() * (1 - ckp1) - 1)));
        z.subi(normalized.muli(lr));
        g.assign(update);
        state.scalar(K, k + 1);
        state.scalar(LR_MAX, lrMax);
        state.scalar(WEIGHT_SUM, weightSum);
    }
}
