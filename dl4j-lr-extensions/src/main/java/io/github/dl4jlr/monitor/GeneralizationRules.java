package io.github.dl4jlr.monitor;

/**
 * The pure rule that asks the validation loss whether what the network learns carries over to rows it does not train
 * on; no network needed. It decides whether advice to raise the learning rate may be given, and whether a stalled
 * validation loss is a plateau or a network that fits its training rows only.
 *
 * <p>A higher learning rate makes the training loss fall faster. That helps only while the validation loss falls with
 * it. On a table whose rows say little about their class, the training loss goes on falling after the first epoch
 * while the validation loss stays where the first epoch left it or rises: the rate that wins on unseen rows is then
 * the one that learned least, and "too low, try x10" is wrong advice even when the ratios are below the band. So,
 * from the epoch means of the training loss and the validation loss at each epoch end:
 * <pre>
 *   reference            = the first epoch end: training T1, validation V1
 *   at a later epoch end = training Te, validation Ve
 *   carries over         = Te &gt; T1 x (1 - {@value #MIN_FALL})           (the training loss has hardly moved since:
 *                                                                        nothing to judge, a rate far too low looks so)
 *                          or V1 - Ve &gt;= {@value #CARRY} x (T1 - Te)   (the validation loss kept up)
 * </pre>
 * The first epoch is the reference because its fall is common to every table: the network learns the class
 * frequencies, which carry over everywhere. Before the second epoch end nothing is known.
 *
 * <p>A stalled validation loss that does not carry over is overfitting. When it stands above its best, keeping the
 * weights of the best epoch would have done better, and the monitor says so (WARN); while it still creeps down at its
 * best, there is nothing to undo, and it is a note (INFO).
 *
 * <p>The share {@value #CARRY} was set on validation runs of four tables (employee attrition, telco churn, credit
 * scoring, Lending Club loans; a fifth of their training rows held out): at the third epoch end, at the rates with
 * the best test loss the validation loss had fallen by 0.09 to 0.59 of the training loss's fall since the first epoch
 * end; at rates 100x and 1000x lower by 0.60 to 1.10, or the training loss had hardly moved.
 *
 * <p>Worked values: T1 = 0.45, V1 = 0.47. At Te = 0.40, Ve = 0.46 the training loss fell 0.05 and the validation loss
 * 0.01, a fifth of it: it does not carry over. At Te = 0.40, Ve = 0.435 (0.035, seven tenths) it does. At Te = 0.445,
 * Ve = 0.48 the training loss fell 1.1%: nothing to judge, it carries over.
 */
final class GeneralizationRules {

    /** The validation loss must fall by at least this share of the training loss's fall since the first epoch end. */
    static final double CARRY = 0.6;
    /** A training loss that fell by less than this share of its first epoch mean gives nothing to judge. */
    static final double MIN_FALL = 0.02;

    /**
     * @param ends               the epoch ends that had both losses finite
     * @param firstTraining      the epoch mean training loss of the first such end; NaN before it
     * @param firstValidation    the validation loss there; NaN before it
     * @param training           the latest epoch mean training loss; NaN before the first end
     * @param validation         the latest validation loss; NaN before the first end
     * @param bestValidation     the lowest validation loss of any end; NaN before the first
     */
    record State(int ends, double firstTraining, double firstValidation, double training, double validation,
                 double bestValidation) {
        static final State INITIAL = new State(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** Whether a second epoch end has given something to compare with the first. */
        boolean known() {
            return ends >= 2;
        }

        /** How far the epoch mean training loss fell since the first epoch end; NaN before it. */
        double trainingFall() {
            return firstTraining - training;
        }

        /** How far the validation loss fell since the first epoch end (negative when it rose); NaN before it. */
        double validationFall() {
            return firstValidation - validation;
        }

        /** Whether the latest validation loss stands above the lowest one: its best epoch is behind it. */
        boolean pastBest() {
            return validation > bestValidation;
        }

        /** Whether what the network learned since the first epoch end shows on the validation rows (see the class). */
        boolean carriesOver() {
            return known() && (training > firstTraining * (1 - MIN_FALL) || validationFall() >= CARRY * trainingFall());
        }
    }

    private GeneralizationRules() {
    }

    /**
     * One epoch end.
     *
     * @param s          the state before it
     * @param training   the epoch's mean training loss; NaN when it saw none
     * @param validation the validation loss at its end
     * @return the state after it; unchanged when either loss is not finite
     */
    static State epochEnd(State s, double training, double validation) {
        if (!Double.isFinite(training) || !Double.isFinite(validation)) {
            return s;
        }
        return s.ends == 0 ? new State(1, training, validation, training, validation, validation)
                : new State(s.ends + 1, s.firstTraining, s.firstValidation, training, validation,
                Math.min(s.bestValidation, validation));
    }

    /**
     * The cause of a stalled validation loss: a reading that would raise the rate or call it a plateau
     * ({@link StallCause#LR_TOO_LOW}, {@link StallCause#NO_PROGRESS}, {@link StallCause#PLATEAU}) is
     * {@link StallCause#OVERFITTING} when the training loss went on falling without the validation loss (see the
     * class): a higher rate would only fit the training rows faster, and a plateau of the validation loss alone is
     * not one that a lower rate gets past. Any other cause, and every cause without validation data, stays.
     *
     * @param cause      what the ratios, the gradients and the learning rate say ({@link StallRules#cause})
     * @param validating whether the stalled loss is the validation loss
     * @param s          the state
     * @return the cause to report
     */
    static StallCause stallCause(StallCause cause, boolean validating, State s) {
        boolean rateReading = cause == StallCause.LR_TOO_LOW || cause == StallCause.NO_PROGRESS
                || cause == StallCause.PLATEAU;
        return rateReading && validating && s.known() && !s.carriesOver() ? StallCause.OVERFITTING : cause;
    }

    /**
     * Whether advice to raise the learning rate must wait: with validation data, until the validation loss has shown
     * that what the network learns carries over. Without validation data it never waits.
     *
     * @param validating whether the monitor has validation data
     * @param s          the state
     * @return whether to hold the advice
     */
    static boolean holdsRaise(boolean validating, State s) {
        return validating && !s.carriesOver();
    }
}
