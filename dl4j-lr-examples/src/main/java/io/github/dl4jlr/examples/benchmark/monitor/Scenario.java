package io.github.dl4jlr.examples.benchmark.monitor;

import io.github.dl4jlr.monitor.TroubleMode;

import java.util.Locale;

/**
 * One training run of the suite: a problem, an optimizer, what the run is built to be, its learning rate (relative to
 * the good rate of the grid) and the monitor's policy.
 *
 * @param problem   the data set and model, e.g. {@code digits} or {@code digits-cnn}
 * @param optimizer {@code sgd}, {@code momentum} or {@code adam}
 * @param build     what it is built as: {@code good}, {@code cosine}, {@code step}, {@code plateau}, {@code long},
 *                  {@code x10}, {@code x30}, {@code x1000}, {@code /100}, {@code /1000}, {@code lr0.3}, {@code lr1},
 *                  {@code lr10}
 * @param lr        the (peak) learning rate
 * @param good      the grid's good rate for this problem and optimizer
 * @param epochs    epochs to train
 * @param seed      the weights' seed
 * @param policy    the monitor's policy
 */
record Scenario(String problem, String optimizer, String build, double lr, double good, int epochs, long seed,
                TroubleMode policy) {

    /** The learning-rate control the build asks for. */
    enum Control { NONE, COSINE, STEP, PLATEAU }

    Control control() {
        return switch (build) {
            case "cosine" -> Control.COSINE;
            case "step" -> Control.STEP;
            case "plateau" -> Control.PLATEAU;
            default -> Control.NONE;
        };
    }

    /** Built far above the good rate: 3x or more (Adam's 0.3 against a good rate of 0.1 is 3x, despite rounding). */
    boolean high() {
        return lr / good >= 3 * (1 - EPSILON);
    }

    /** Built far below it: 30x or more. */
    boolean low() {
        return good / lr >= 30 * (1 - EPSILON);
    }

    /** Relative slack for the ratios of rates that are meant to be exact (3 x 0.1 is 0.30000000000000004). */
    private static final double EPSILON = 1e-9;

    String id() {
        return String.format(Locale.ROOT, "%s/%s/%s/s%d/%s", problem, optimizer, build, seed, policy);
    }
}
