package io.github.dl4jlr.tuning;

import org.deeplearning4j.optimize.api.TrainingListener;

import java.io.Serializable;
import java.util.List;

/**
 * Listeners for one member's round, created on the JVM that trains it (so they never have to travel): e.g. a
 * {@code TrainingHealthMonitor} with a CSV per member and round.
 */
@FunctionalInterface
public interface MemberListeners extends Serializable {

    /**
     * @param member the member about to train
     * @param round  its round
     * @return the listeners for that round; may be empty
     */
    List<TrainingListener> create(int member, int round);
}
