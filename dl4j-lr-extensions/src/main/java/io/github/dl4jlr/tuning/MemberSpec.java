package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.Serializable;

/**
 * What every member task of a PBT run shares, in a form that travels: the network configuration as JSON, the data
 * source, the evaluator, optional listeners and the length of a round. Shipped once per round to each worker.
 *
 * @param networkJson        the configuration's JSON ({@code toJson()})
 * @param graph              whether it is a ComputationGraph configuration (else a MultiLayerNetwork one)
 * @param listeners          listeners created per task on the worker; may be null
 * @param readyEvery         the length of a round, in {@code readyUnit}s
 * @param iterationsPerEpoch minibatches per epoch of the data, or 0 when unknown. With ITERATION rounds and a known
 *                           epoch length a member continues exactly where its last round stopped: the minibatches of
 *                           the epoch it already trained on are skipped, and the epoch counter advances at every
 *                           epoch's end, as in {@code fit(iterator)}
 */
public record MemberSpec(String networkJson, boolean graph, TrainingData data, Evaluator evaluator,
                         MemberListeners listeners, int readyEvery, ScheduleType readyUnit, int iterationsPerEpoch)
        implements Serializable {

    /**
     * Validates the settings.
     *
     * @param networkJson the configuration's JSON ({@code toJson()})
     * @param graph whether it is a ComputationGraph configuration (else a MultiLayerNetwork one)
     * @param data where a member's minibatches come from
     * @param evaluator scores a member after its round
     * @param listeners listeners created per task on the worker; may be null
     * @param readyEvery the length of a round, in {@code readyUnit}s
     * @param readyUnit {@code EPOCH} or {@code ITERATION}
     * @param iterationsPerEpoch minibatches per epoch of the data, or 0 when unknown. With ITERATION rounds and a
     *     known epoch length a member continues exactly where its last round stopped: the minibatches of the epoch it
     *     already trained on are skipped, and the epoch counter advances at every epoch's end, as in
     *     {@code fit(iterator)}
     */
    public MemberSpec {
        Args.notNull("networkJson", networkJson);
        Args.notNull("trainData", data);
        Args.notNull("evaluator", evaluator);
        Args.positive("readyEvery", readyEvery);
        Args.notNull("readyUnit", readyUnit);
        Args.nonNegative("iterationsPerEpoch", iterationsPerEpoch);
    }

    /**
     * Trains one member's round on this JVM, from this description and the task alone: what {@link LocalMemberTrainer}
     * and {@code SparkMemberTrainer} run on each worker, and what a custom {@link MemberTrainer} should call. The
     * task's hyperparameters are applied after its state is loaded, so a copied updater state never overwrites an
     * explored learning rate.
     *
     * @param task the member, its state and its hyperparameters
     * @return the member's new state and score
     * @throws MemberFailedException naming the member and round, whatever went wrong
     */
    public MemberOutcome train(MemberTask task) {
        return MemberWork.run(this, task);
    }

    /**
     * What every member of a round shares, for a {@code MultiLayerNetwork}.
     *
     * @param conf       the network's configuration
     * @param data       where a member's minibatches come from
     * @param evaluator  scores a member after its round
     * @param listeners  per-member listeners, or null
     * @param readyEvery round length, in {@code readyUnit}s
     * @param readyUnit  {@code EPOCH} or {@code ITERATION}
     * @return the description every member task of a round shares
     */
    public static MemberSpec of(MultiLayerConfiguration conf, TrainingData data, Evaluator evaluator,
                                MemberListeners listeners, int readyEvery, ScheduleType readyUnit) {
        return new MemberSpec(conf.toJson(), false, data, evaluator, listeners, readyEvery, readyUnit, 0);
    }

    /**
     * {@link #of(MultiLayerConfiguration, TrainingData, Evaluator, MemberListeners, int, ScheduleType)} for a graph.
     *
     * @param conf       the network's configuration
     * @param data       where a member's minibatches come from
     * @param evaluator  scores a member after its round
     * @param listeners  per-member listeners, or null
     * @param readyEvery round length, in {@code readyUnit}s
     * @param readyUnit  {@code EPOCH} or {@code ITERATION}
     * @return the description every member task of a round shares
     */
    public static MemberSpec of(ComputationGraphConfiguration conf, TrainingData data, Evaluator evaluator,
                                MemberListeners listeners, int readyEvery, ScheduleType readyUnit) {
        return new MemberSpec(conf.toJson(), true, data, evaluator, listeners, readyEvery, readyUnit, 0);
    }
}
