package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.schedule.MultiStepSchedule;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ScheduleType;

/** The updater of each plain experiment; defaults are DL4J's own. */
final class Optimizers {

    private Optimizers() {
    }

    static IUpdater updater(Experiment e, int epochs) {
        Double lr = e.lr();
        return switch (e.optimizer()) {
            case "sgd" -> lr == null ? new Sgd() : new Sgd(lr);
            case "sgd-step" -> new Sgd(stepAnnealing(lr == null ? 0.1 : lr, epochs));
            case "nesterov" -> lr == null ? new Nesterovs() : new Nesterovs(lr);
            case "rmsprop" -> lr == null ? new RmsProp() : new RmsProp(lr);
            case "adam" -> lr == null ? new Adam() : new Adam(lr);
            case "adagrad" -> lr == null ? new AdaGrad() : new AdaGrad(lr);
            case "adadelta" -> new AdaDelta();
            default -> throw new IllegalArgumentException("Expected a plain optimizer, but got " + e.optimizer());
        };
    }

    /**
     * The source's step annealing scaled to the run: x1, then x0.1 from 40% of the epochs, x0.01 from 70%
     * (milestones at least 1 and strictly increasing; a milestone at or past the last epoch never fires).
     */
    static MultiStepSchedule stepAnnealing(double lr, int epochs) {
        int first = Math.max(1, (int) Math.round(0.4 * epochs));
        int second = Math.max(first + 1, (int) Math.round(0.7 * epochs));
        return new MultiStepSchedule(ScheduleType.EPOCH, lr, 0.1, new int[]{first, second});
    }
}
