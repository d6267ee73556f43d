package io.github.dl4jlr.pbt;

import org.deeplearning4j.optimize.api.TrainingListener;

import java.io.Serializable;
import java.util.List;

/**
 * Listeners for one member's round, created on the JVM that trains it (so they never have to travel): e.g. a
 * {@code TrainingHealthMonitor} with a CSV per member and round.
 */
@FunctionalInterface
public interface MemberListeners extends Serializable {

    List<TrainingListener> create(int member, int round);
}
