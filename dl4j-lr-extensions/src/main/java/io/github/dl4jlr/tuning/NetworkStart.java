package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.util.Args;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

import java.util.Arrays;

/**
 * Where search candidates and PBT members start: the initialization of a configuration, or the weights of a network
 * (a pretrained one with a new head, frozen layers included, or one trained for a while). From weights, each starts a
 * new phase of training, as a network that {@code TransferLearning} rebuilt does: a fresh updater state and iteration
 * and epoch counters at 0.
 */
final class NetworkStart {

    private final String json;
    private final boolean graph;
    private final byte[] params;

    private NetworkStart(String json, boolean graph, byte[] params) {
        this.json = json;
        this.graph = graph;
        this.params = params;
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

    /** An initialized network's configuration and a copy of its parameters, taken now. */
    static NetworkStart weightsOf(Model model) {
        NetworkAdapter net = NetworkAdapter.of(Args.notNull("network", model));
        Args.check(model.params() != null, "an initialized network (call init() first)", "none");
        return new NetworkStart(net.configurationJson(), net.isGraph(), MemberWork.save(net)[0]);
    }

    String json() {
        return json;
    }

    boolean graph() {
        return graph;
    }

    boolean fromWeights() {
        return params != null;
    }

    /** The state every candidate or member starts in. */
    MemberState initial(MemberSpec spec) {
        return params != null ? new MemberState(params, null, 0, 0)
                : MemberState.of(NetworkAdapter.of(MemberWork.build(spec)));
    }

    /** Tells starts apart for a checkpoint: the configuration and, from weights, the weights. */
    int fingerprint() {
        return 31 * json.hashCode() + Arrays.hashCode(params);
    }
}
