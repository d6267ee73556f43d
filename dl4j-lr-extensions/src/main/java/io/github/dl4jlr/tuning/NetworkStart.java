package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where search candidates and PBT members start: the initialization of a configuration, or a network as it is now (a
 * pretrained one with a new head, frozen layers included, or one trained for a while). From a network, each goes on
 * as {@code net.fit(...)} would: its weights, its updater state (momentum, Adam's moments) and its iteration and epoch
 * counters, so Adam's bias correction and a schedule carry on where the network left them. A network that has not
 * trained yet, as {@code TransferLearning} builds one, has counters at 0 and an empty updater state.
 */
final class NetworkStart {

    private final String json;
    private final boolean graph;
    private final MemberState state;

    private NetworkStart(String json, boolean graph, MemberState state) {
        this.json = json;
        this.graph = graph;
        this.state = state;
    }

    static NetworkStart of(MultiLayerConfiguration conf) {
        return new NetworkStart(Args.notNull("network", conf).toJson(), false, null);
    }

    static NetworkStart of(ComputationGraphConfiguration conf) {
        return new NetworkStart(Args.notNull("network", conf).toJson(), true, null);
    }

    /** The configuration of an initialized network; its weights are not used. */
    static NetworkStart configurationOf(Model model) {
        NetworkAdapter net = NetworkAdapter.of(Args.notNull("network", model));
        return new NetworkStart(net.configurationJson(), net.isGraph(), null);
    }

    /** An initialized network's configuration and a copy of its parameters, updater state and counters, taken now. */
    static NetworkStart stateOf(Model model) {
        NetworkAdapter net = NetworkAdapter.of(Args.notNull("network", model));
        Args.check(model.params() != null, "an initialized network (call init() first)", "none");
        return new NetworkStart(net.configurationJson(), net.isGraph(), MemberState.of(net));
    }

    String json() {
        return json;
    }

    boolean graph() {
        return graph;
    }

    boolean fromNetwork() {
        return state != null;
    }

    /** The iteration counter every candidate or member starts at. */
    int startIteration() {
        return state == null ? 0 : state.iteration();
    }

    /** The epoch counter every candidate or member starts at. */
    int startEpoch() {
        return state == null ? 0 : state.epoch();
    }

    /** The state every candidate or member starts in. */
    MemberState initial(MemberSpec spec) {
        return state != null ? state : MemberState.of(NetworkAdapter.of(MemberWork.build(spec)));
    }

    /** Tells starts apart for a checkpoint: the configuration and, from a network, its state. */
    int fingerprint() {
        int configuration = 31 * json.hashCode();
        return state == null ? configuration : configuration + Objects.hash(Arrays.hashCode(state.params()),
                Arrays.hashCode(state.updaterState()), state.iteration(), state.epoch());
    }
}
