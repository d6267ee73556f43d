package io.github.dl4jlr.demo.experiment;

import java.util.Arrays;
import java.util.Locale;

/** A group of experiments that answers one question, and the protocol its learning rates follow. */
public enum Group {
    /** The article's first figure: Adam at several learning rates. */
    LR_SWEEP("lr-sweep", "Adam learning-rate sweep") {
        @Override
        public String protocol(double commonLr) {
            return "Adam at each listed learning rate, everything else at DL4J's defaults (the article's first figure)";
        }
    },
    /** The article's second figure: every strategy with a learning rate at one common value. */
    OPTIMIZERS("optimizers", "Optimizers and LR strategies at one common learning rate") {
        @Override
        public String protocol(double commonLr) {
            return String.format(Locale.ROOT, "the article's protocol: every strategy that has a learning rate uses the "
                    + "same value, %s, and everything else stays at its defaults; step annealing starts at it and "
                    + "multiplies it by 0.1 after 40%% and again after 70%% of the epochs; PBT starts one member at it and "
                    + "searches %s..%s; AdaDelta has no learning rate; finder + 1cycle does not use it: the LR finder "
                    + "picks the 1cycle peak, which is the point of that strategy", num(commonLr), num(commonLr / 100),
                    num(commonLr * 100));
        }
    },
    /** Prodigy and Schedule-Free AdamW at their authors' defaults, next to Adam at the common rate. */
    LR_FREE("lr-free", "Learning-rate-free: Prodigy and Schedule-Free AdamW at their defaults") {
        @Override
        public String protocol(double commonLr) {
            return "no learning rate chosen: Prodigy at its authors' defaults (its rate is a multiplier, 1) and "
                    + "Schedule-Free AdamW at its authors' default rate 0.0025 with no schedule, each with the "
                    + "LearningRateFree listener; compared with Adam at the optimizers' common rate, " + num(commonLr);
        }
    },
    /** Each optimizer at DL4J's own default learning rate (a different question; optional). */
    DL4J_DEFAULTS("dl4j-defaults", "Optimizers at DL4J's own default learning rates") {
        @Override
        public String protocol(double commonLr) {
            return "each optimizer at DL4J's own default learning rate (SGD 1e-3, Nesterov 0.1 with momentum 0.9, "
                    + "RMSProp 0.1, Adam 1e-3, AdaGrad 0.1; AdaDelta has none), everything else at its defaults";
        }
    };

    private final String id;
    private final String title;

    Group(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name used in the experiment file, in metrics.csv and on the command line. */
    public String id() {
        return id;
    }

    /** The report's heading for this group. */
    public String title() {
        return title;
    }

    /** How the learning rates of this group were chosen, for the report. */
    public abstract String protocol(double commonLr);

    public static Group of(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Expected a group of " + Arrays.stream(values()).map(Group::id).toList()
                        + ", but got " + id));
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e");
    }
}
