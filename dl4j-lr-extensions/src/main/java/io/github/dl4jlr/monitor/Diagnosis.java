package io.github.dl4jlr.monitor;

import java.util.List;
import java.util.Locale;

/**
 * What was found when training went non-finite, and the pure rules that turn it into a cause, a key and a message.
 *
 * @param iteration           iteration of the step that was checked
 * @param epoch               epoch of that step
 * @param learningRate        learning rate of the first trained layer at that step
 * @param score               minibatch loss of that step
 * @param dataInspected       whether the minibatch's inputs and labels were inspected (they are when the loss itself
 *                            is non-finite; not when only parameters went bad at a periodic check)
 * @param nonFiniteInputs     names of the inputs holding NaN/Inf ("features" on a MultiLayerNetwork)
 * @param nonFiniteLabels     names of the outputs whose labels hold NaN/Inf ("labels" on a MultiLayerNetwork)
 * @param paramsBeforeStep    arrays already non-finite before the update, forward order (empty if not inspected)
 * @param gradientsBeforeStep raw gradients that were non-finite, forward order
 * @param paramsAfterStep     arrays non-finite after the update, forward order
 * @param updates             applied updates that were non-finite, forward order
 * @param spreadFrom          another replica of the same ParallelWrapper that went non-finite before this one, or -1:
 *                            parameter averaging then copies its NaN into every replica, so this replica's "parameters
 *                            already bad" is that replica's trouble, not a new one
 */
public record Diagnosis(int iteration, int epoch, double learningRate, double score, boolean dataInspected,
                        List<String> nonFiniteInputs, List<String> nonFiniteLabels, List<String> paramsBeforeStep,
                        List<String> gradientsBeforeStep, List<String> paramsAfterStep, List<String> updates,
                        int spreadFrom) implements Trouble {

    /**
     * Copies the lists.
     *
     * @param iteration iteration of the step that was checked
     * @param epoch epoch of that step
     * @param learningRate learning rate of the first trained layer at that step
     * @param score minibatch loss of that step
     * @param dataInspected whether the minibatch's inputs and labels were inspected (they are when the loss itself is
     *     non-finite; not when only parameters went bad at a periodic check)
     * @param nonFiniteInputs names of the inputs holding NaN/Inf ("features" on a MultiLayerNetwork)
     * @param nonFiniteLabels names of the outputs whose labels hold NaN/Inf ("labels" on a MultiLayerNetwork)
     * @param paramsBeforeStep arrays already non-finite before the update, forward order (empty if not inspected)
     * @param gradientsBeforeStep raw gradients that were non-finite, forward order
     * @param paramsAfterStep arrays non-finite after the update, forward order
     * @param updates applied updates that were non-finite, forward order
     * @param spreadFrom another replica of the same ParallelWrapper that went non-finite before this one, or -1:
     *     parameter averaging then copies its NaN into every replica, so this replica's "parameters already bad" is
     *     that replica's trouble, not a new one
     */
    public Diagnosis {
        nonFiniteInputs = List.copyOf(nonFiniteInputs);
        nonFiniteLabels = List.copyOf(nonFiniteLabels);
        paramsBeforeStep = List.copyOf(paramsBeforeStep);
        gradientsBeforeStep = List.copyOf(gradientsBeforeStep);
        paramsAfterStep = List.copyOf(paramsAfterStep);
        updates = List.copyOf(updates);
    }

    /**
     * The first cause in this order: parameters already bad before the step, bad inputs, bad labels, a non-finite
     * update, else an overflow of the loss or activations.
     */
    @Override
    public Cause cause() {
        if (!paramsBeforeStep.isEmpty()) {
            return Cause.PARAMS_ALREADY_NON_FINITE;
        }
        if (!nonFiniteInputs.isEmpty()) {
            return Cause.BAD_INPUT;
        }
        if (!nonFiniteLabels.isEmpty()) {
            return Cause.BAD_LABELS;
        }
        if (!paramsAfterStep.isEmpty() || !updates.isEmpty()) {
            return Cause.UPDATE_NON_FINITE;
        }
        return Cause.LOSS_NON_FINITE;
    }

    /**
     * Whether the minibatch features were finite; {@code null} if they were not inspected.
     *
     * @return whether the minibatch features were finite; {@code null} if they were not inspected
     */
    public Boolean inputFinite() {
        return dataInspected ? nonFiniteInputs.isEmpty() : null;
    }

    /**
     * The parameter arrays this diagnosis blames first, in forward order.
     *
     * @return the parameter arrays this diagnosis blames first, in forward order
     */
    public List<String> culprits() {
        if (!paramsBeforeStep.isEmpty()) {
            return paramsBeforeStep;
        }
        if (!paramsAfterStep.isEmpty()) {
            return paramsAfterStep;
        }
        return !updates.isEmpty() ? updates : gradientsBeforeStep;
    }

    /**
     * The layer of the first culprit ("0" for key "0_W", "conv1" for "conv1_b"), or empty.
     *
     * @return the layer of the first culprit ("0" for key "0_W", "conv1" for "conv1_b"), or empty
     */
    public String firstLayer() {
        List<String> c = culprits();
        if (c.isEmpty()) {
            return "";
        }
        String key = c.get(0);
        int cut = key.lastIndexOf('_');
        return cut > 0 ? key.substring(0, cut) : key;
    }

    /** The bad input for BAD_INPUT, the output for BAD_LABELS, otherwise the first culprit layer (or "loss"). */
    @Override
    public String key() {
        switch (cause()) {
            case BAD_INPUT:
                return nonFiniteInputs.get(0);
            case BAD_LABELS:
                return nonFiniteLabels.get(0);
            default:
                String layer = firstLayer();
                return layer.isEmpty() ? "loss" : layer;
        }
    }

    /** Cause and advice, for the log and for {@link TrainingDivergedException}. */
    @Override
    public String message() {
        String where = String.format(Locale.ROOT, "Non-finite training state at iter=%d epoch=%d lr=%.1e (score=%s): ",
                iteration, epoch, learningRate, score);
        switch (cause()) {
            case PARAMS_ALREADY_NON_FINITE:
                if (spreadFrom >= 0) {
                    return where + "parameters " + first(paramsBeforeStep) + " were already NaN/Inf before this step: "
                            + "replica " + spreadFrom + " went non-finite first, and ParallelWrapper's parameter "
                            + "averaging copied its state into this one. Its diagnosis above names the cause.";
                }
                return where + "parameters " + first(paramsBeforeStep) + " were already NaN/Inf before this step, so "
                        + "something wrote into them outside the update (a manual change, a custom op, or an earlier "
                        + "non-finite update that was not checked); layer " + firstLayer() + " is where it starts.";
            case BAD_INPUT:
                return where + "the minibatch input " + quoted(nonFiniteInputs) + " contains NaN/Inf; the parameters "
                        + "were finite. This is a data problem, not a learning-rate one: clean the data (look for "
                        + "missing values and for normalizers dividing by a zero standard deviation).";
            case BAD_LABELS:
                return where + "the minibatch labels for output " + quoted(nonFiniteLabels) + " contain NaN/Inf; the "
                        + "parameters and inputs were finite. This is a data problem: clean the labels.";
            case UPDATE_NON_FINITE:
                List<String> bad = !updates.isEmpty() ? updates : paramsAfterStep;
                return where + "the update made " + first(bad) + " non-finite, starting in layer " + firstLayer()
                        + ". The learning rate is likely too high: try x0.1, run the LR finder, or clip gradients "
                        + "(GradientNormalization.ClipL2PerLayer).";
            default:
                return where + "the loss is non-finite while parameters and inputs are finite: activations or the loss "
                        + "overflowed (e.g. log(0)). Lower the learning rate or check the output activation and loss "
                        + "pairing.";
        }
    }

    private static String quoted(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }

    private static String first(List<String> keys) {
        int n = Math.min(keys.size(), 5);
        String shown = String.join(", ", keys.subList(0, n));
        return keys.size() > n ? shown + " (+" + (keys.size() - n) + " more)" : shown;
    }
}
