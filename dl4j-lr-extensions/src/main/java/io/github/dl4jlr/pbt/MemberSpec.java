package io.github.dl4jlr.pbt;

import io.github.dl4jlr.util.Args;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.Serializable;

/**
 * What every member task of a PBT run shares, in a form that travels: the network configuration as JSON, the data
 * source, the evaluator, optional listeners and the length of a round. Shipped once per round to each worker.
 *
 * @param networkJson the configuration's JSON ({@code toJson()})
 * @param graph       whether it is a ComputationGraph configuration (else a MultiLayerNetwork one)
 * @param listeners   listeners created per task on the worker; may be null
 */
public record MemberSpec(String networkJson, boolean graph, TrainingData data, Evaluator evaluator,
                         MemberListeners listeners, int readyEvery, ScheduleType readyUnit) implements Serializable {

    public MemberSpec {
        Args.notNull("networkJson", networkJson);
        Args.notNull("trainData", data);
        Args.notNull("evaluator", evaluator);
        Args.positive("readyEvery", readyEvery);
        Args.notNull("readyUnit", readyUnit);
    }

    public static MemberSpec of(MultiLayerConfiguration conf, TrainingData data, Evaluator evaluator,
                                MemberListeners listeners, int readyEvery, ScheduleType readyUnit) {
        return new MemberSpec(conf.toJson(), false, data, evaluator, listeners, readyEvery, readyUnit);
    }

    public static MemberSpec of(ComputationGraphConfiguration conf, TrainingData data, Evaluator evaluator,
                                MemberListeners listeners, int readyEvery, ScheduleType readyUnit) {
        return new MemberSpec(conf.toJson(), true, data, evaluator, listeners, readyEvery, readyUnit);
    }
}
