package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.internal.util.Args;

/**
 * One configured experiment: a strategy in a group, with an explicit learning rate or none (then the group decides:
 * the common value for {@link Group#OPTIMIZERS}, DL4J's default for {@link Group#DL4J_DEFAULTS}, the authors' default
 * for {@link Group#LR_FREE}).
 */
public record Experiment(String id, Group group, Strategy strategy, Double lr) implements java.io.Serializable {

    public Experiment {
        Args.check(id != null && id.matches("[A-Za-z0-9._-]+"), "an experiment id of letters, digits, '.', '_' or '-'", id);
        Args.notNull("group", group);
        Args.notNull("strategy", strategy);
        if (lr != null) {
            Args.positive(id + " lr", lr);
        }
        Args.check(strategy.hasLearningRate() || lr == null, "no lr for " + strategy.id() + " (it has no learning rate)",
                lr);
        Args.check(group != Group.LR_SWEEP || lr != null, "an lr for " + id + " in group lr-sweep", lr);
    }

    /** The learning rate this experiment trains at (PBT: where its first member starts); NaN without one. */
    public double learningRate(double commonLr) {
        if (!strategy.hasLearningRate()) {
            return Double.NaN;
        }
        if (lr != null) {
            return lr;
        }
        return group == Group.DL4J_DEFAULTS || group == Group.LR_FREE ? strategy.dl4jDefaultLr() : commonLr;
    }
}
