package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.nn.NetworkAdapter;

import java.util.Map;

/**
 * A member's (or a search candidate's) training state between rounds, as bytes that never change: parameters, updater
 * state (null for stateless updaters) and counters.
 */
record MemberState(byte[] params, byte[] updaterState, int iteration, int epoch) {

    static MemberState of(MemberOutcome o) {
        return new MemberState(o.params(), o.updaterState(), o.iteration(), o.epoch());
    }

    static MemberState of(NetworkAdapter net) {
        byte[][] arrays = MemberWork.save(net);
        return new MemberState(arrays[0], arrays[1], net.iterationCount(), net.epochCount());
    }

    MemberTask task(int member, int round, Map<String, Double> hyperparameters) {
        return new MemberTask(member, round, hyperparameters, params, updaterState, iteration, epoch);
    }
}
