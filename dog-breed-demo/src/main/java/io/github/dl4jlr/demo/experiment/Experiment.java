package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.util.Args;

import java.util.Set;

/** One configured experiment: an optimizer or LR strategy, optionally with a learning rate. */
public record Experiment(String id, String group, String optimizer, Double lr) {

    public static final Set<String> OPTIMIZERS = Set.of("sgd", "sgd-step", "nesterov", "rmsprop", "adam", "adagrad",
            "adadelta", "pbt-adam", "finder-onecycle");

    public Experiment {
        Args.check(id != null && id.matches("[A-Za-z0-9._-]+"), "an experiment id of letters, digits, '.', '_' or '-'", id);
        Args.check("lr-sweep".equals(group) || "optimizers".equals(group), "group lr-sweep or optimizers", group);
        Args.check(OPTIMIZERS.contains(optimizer), "optimizer one of " + new java.util.TreeSet<>(OPTIMIZERS), optimizer);
        if (lr != null) {
            Args.positive(id + " lr", lr);
        }
        Args.check(!"adadelta".equals(optimizer) || lr == null, "no lr for adadelta (it has no learning rate)", lr);
    }
}
