package io.github.dl4jlr.examples.benchmark.monitor;

/**
 * What a run really is, from its own outcome and the healthy run of the same problem, optimizer and seed, never from
 * what the monitor said: a run that did not turn out as built is {@link Kind#AMBIGUOUS} and left out of the scores.
 */
final class Truth {

    /** Accuracy points below the healthy run that make a high or low rate "worse". */
    static final double WORSE = 0.02;
    /** A long run whose training loss fell by this share has converged. */
    static final double CONVERGED_FALL = 0.98;
    /** A high-rate run that ends with an epoch loss at least this share of the chance level (and no better than
     * the majority class) is dead. */
    static final double DEAD_LOSS = 0.8;
    /** A long run whose training loss improved by less than this over its last 3 epochs has plateaued. */
    static final double PLATEAU_GAIN = 0.01;
    /**
     * A problem whose good runs end with a mean test loss at least this share of the chance level (less than 5% below
     * the loss of predicting the class frequencies) learned nothing that generalizes at its budget: its best rate is
     * the one that learned least, so no line about the rate can be shown right there. The report scores such a
     * problem's lines apart as well as with the others.
     */
    static final double NO_SIGNAL = 0.95;

    private Truth() {
    }

    static Kind of(Outcome o, double healthyAccuracy) {
        Scenario s = o.scenario();
        if (o.nanSeen()) {
            return Kind.BLOWUP;
        }
        if (s.high()) {
            boolean dead = o.accuracy() <= o.majority() + 0.05 && o.lastEpochLoss() >= DEAD_LOSS * o.chance();
            if (dead) {
                return Kind.DEAD;
            }
            return o.accuracy() < healthyAccuracy - WORSE ? Kind.TOO_HIGH : Kind.AMBIGUOUS;
        }
        if (s.low()) {
            return o.accuracy() < healthyAccuracy - WORSE ? Kind.TOO_LOW : Kind.AMBIGUOUS;
        }
        if (s.build().equals("long")) {
            double[] e = o.epochLoss();
            if (1 - o.lastEpochLoss() / o.firstEpochLoss() >= CONVERGED_FALL) {
                return Kind.CONVERGED;
            }
            double gain = e.length > 3 ? 1 - e[e.length - 1] / e[e.length - 4] : 1;
            return gain < PLATEAU_GAIN ? Kind.PLATEAU : Kind.HEALTHY;
        }
        if (o.accuracy() < healthyAccuracy - WORSE && !s.build().equals("good")) {
            return Kind.AMBIGUOUS;
        }
        return switch (s.build()) {
            case "cosine" -> Kind.HEALTHY_COSINE;
            case "step" -> Kind.HEALTHY_STEP;
            case "plateau" -> Kind.HEALTHY_PLATEAU;
            default -> Kind.HEALTHY;
        };
    }
}
