package io.github.dl4jlr.monitor;

import java.util.List;
import java.util.Locale;

/**
 * What was found when training went non-finite, and the pure rule that turns it into a message.
 *
 * @param iteration          iteration of the step that was checked
 * @param epoch              epoch of that step
 * @param learningRate       learning rate of the first trained layer at that step
 * @param score              minibatch loss of that step
 * @param inputFinite        whether the minibatch features were finite ({@code null} if unknown)
 * @param labelsFinite       whether the minibatch labels were finite ({@code null} if unknown)
 * @param paramsBeforeStep   arrays already non-finite before the update, forward order (empty if not inspected)
 * @param gradientsBeforeStep raw gradients that were non-finite, forward order
 * @param paramsAfterStep    arrays non-finite after the update, forward order
 * @param updates            applied updates that were non-finite, forward order
 */
public record Diagnosis(int iteration, int epoch, double learningRate, double score, Boolean inputFinite,
                        Boolean labelsFinite, List<String> paramsBeforeStep, List<String> gradientsBeforeStep,
                        List<String> paramsAfterStep, List<String> updates) {

    public Diagnosis {
        paramsBeforeStep = List.copyOf(paramsBeforeStep);
        gradientsBeforeStep = List.copyOf(gradientsBeforeStep);
        paramsAfterStep = List.copyOf(paramsAfterStep);
        updates = List.copyOf(updates);
    }

    /** The parameter arrays this diagnosis blames first, in forward order. */
    public List<String> culprits() {
        if (!paramsBeforeStep.isEmpty()) {
            return paramsBeforeStep;
        }
        if (!paramsAfterStep.isEmpty()) {
            return paramsAfterStep;
        }
        return !updates.isEmpty() ? updates : gradientsBeforeStep;
    }

    /** The layer of the first culprit ("0" for key "0_W", "conv1" for "conv1_b"), or empty. */
    public String firstLayer() {
        List<String> c = culprits();
        if (c.isEmpty()) {
            return "";
        }
        String key = c.get(0);
        int cut = key.lastIndexOf('_');
        return cut > 0 ? key.substring(0, cut) : key;
    }

    /** Cause and advice, for the log and for {@link TrainingDivergedException}. */
    public String message() {
        String where = String.format(Locale.ROOT, "Non-finite training state at iter=%d epoch=%d lr=%.1e (score=%s): ",
                iteration, epoch, learningRate, score);
        if (!paramsBeforeStep.isEmpty()) {
            return where + "parameters " + first(paramsBeforeStep) + " were already NaN/Inf before this step, so "
                    + "something wrote into them outside the update (a manual change, a custom op, or an earlier "
                    + "non-finite update that was not checked); layer " + firstLayer() + " is where it starts.";
        }
        if (Boolean.FALSE.equals(inputFinite)) {
            return where + "the minibatch input contains NaN/Inf; the parameters were finite. Clean the data: look "
                    + "for missing values and for normalizers dividing by a zero standard deviation.";
        }
        if (Boolean.FALSE.equals(labelsFinite)) {
            return where + "the minibatch labels contain NaN/Inf; the parameters and input were finite. Clean the labels.";
        }
        if (!paramsAfterStep.isEmpty() || !updates.isEmpty()) {
            List<String> bad = !updates.isEmpty() ? updates : paramsAfterStep;
            return where + "the update made " + first(bad) + " non-finite, starting in layer " + firstLayer()
                    + ". The learning rate is likely too high: try x0.1, run the LR finder, or clip gradients "
                    + "(GradientNormalization.ClipL2PerLayer).";
        }
        return where + "the loss is non-finite while parameters and input are finite: activations or the loss "
                + "overflowed (e.g. log(0)). Lower the learning rate or check the output activation and loss pairing.";
    }

    private static String first(List<String> keys) {
        int n = Math.min(keys.size(), 5);
        String shown = String.join(", ", keys.subList(0, n));
        return keys.size() > n ? shown + " (+" + (keys.size() - n) + " more)" : shown;
    }
}
