package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.updater.Prodigy;
import io.github.dl4jlr.updater.ScheduleFreeAdamW;
import io.github.dl4jlr.schedule.MultiStepSchedule;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Arrays;

/**
 * An optimizer or learning-rate strategy of the demo: everything about it lives in its constant, so adding one is one
 * edit (plus a runner method for a new {@link Kind}).
 */
public enum Strategy {
    SGD("sgd", Kind.PLAIN, 1e-3) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Sgd(lr);
        }
    },
    /** SGD with the article's step annealing: x0.1 after 40% and again after 70% of the epochs. */
    SGD_STEP("sgd-step", Kind.PLAIN, 1e-3) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Sgd(stepAnnealing(lr, epochs));
        }
    },
    NESTEROV("nesterov", Kind.PLAIN, 0.1) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Nesterovs(lr, 0.9);
        }
    },
    RMSPROP("rmsprop", Kind.PLAIN, 0.1) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new RmsProp(lr);
        }
    },
    ADAM("adam", Kind.PLAIN, 1e-3) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Adam(lr);
        }
    },
    ADAGRAD("adagrad", Kind.PLAIN, 0.1) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new AdaGrad(lr);
        }
    },
    /** No learning rate: it adapts its step size from the gradient history. */
    ADADELTA("adadelta", Kind.PLAIN, Double.NaN) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new AdaDelta();
        }
    },
    /** Population based training over Adam's learning rate, one round per epoch. */
    PBT_ADAM("pbt-adam", Kind.PBT, 1e-3) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Adam(lr);
        }
    },
    /** Prodigy at its authors' defaults: the rate is a multiplier of its own estimate, 1. */
    PRODIGY("prodigy", Kind.PLAIN, Prodigy.DEFAULT_LR) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Prodigy(lr);
        }
    },
    /** Schedule-Free AdamW at its authors' defaults (0.0025, no warm-up): no schedule. */
    SCHEDULE_FREE_ADAMW("schedule-free-adamw", Kind.PLAIN, ScheduleFreeAdamW.DEFAULT_LR) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new ScheduleFreeAdamW(lr);
        }
    },
    /** The LR finder's suggestion as the peak of a 1cycle schedule, with Nesterov momentum cycling. */
    FINDER_ONECYCLE("finder-onecycle", Kind.FINDER, 1e-2) {
        @Override
        public IUpdater updater(double lr, int epochs) {
            return new Nesterovs(lr, 0.9);
        }
    };

    /** How the runner trains it. */
    public enum Kind {
        /** One network, one updater, epoch by epoch. */
        PLAIN,
        /** A population (see PopulationBasedTraining). */
        PBT,
        /** A range test first, then 1cycle. */
        FINDER
    }

    private final String id;
    private final Kind kind;
    private final double dl4jDefaultLr;

    Strategy(String id, Kind kind, double dl4jDefaultLr) {
        this.id = id;
        this.kind = kind;
        this.dl4jDefaultLr = dl4jDefaultLr;
    }

    /** The updater at learning rate {@code lr} for a run of {@code epochs} (AdaDelta ignores {@code lr}). */
    public abstract IUpdater updater(double lr, int epochs);

    /** The name used in the experiment file. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean hasLearningRate() {
        return !Double.isNaN(dl4jDefaultLr);
    }

    /** Whether it needs the {@code LearningRateFree} listener (Prodigy, Schedule-Free). */
    public boolean learningRateFree() {
        return this == PRODIGY || this == SCHEDULE_FREE_ADAMW;
    }

    /** DL4J's default learning rate for this updater (the authors' for the learning-rate-free pair); NaN for AdaDelta. */
    public double dl4jDefaultLr() {
        return dl4jDefaultLr;
    }

    public static Strategy of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Expected a strategy of " + Arrays.stream(values()).map(Strategy::id).toList()
                        + ", but got " + id));
    }

    /**
     * The article's step annealing scaled to the run: x1, then x0.1 from 40% of the epochs, x0.01 from 70% (milestones
     * at least 1 and strictly increasing; a milestone at or past the last epoch never fires).
     */
    static MultiStepSchedule stepAnnealing(double lr, int epochs) {
        int first = Math.max(1, (int) Math.round(0.4 * epochs));
        int second = Math.max(first + 1, (int) Math.round(0.7 * epochs));
        return new MultiStepSchedule(ScheduleType.EPOCH, lr, 0.1, new int[]{first, second});
    }
}
