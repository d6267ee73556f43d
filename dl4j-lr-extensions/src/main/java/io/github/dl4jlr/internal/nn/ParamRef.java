package io.github.dl4jlr.internal.nn;

import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/** A parameter array of a network: its key ("0_W", "conv1_b"), layer, parameter name and updater. */
public final class ParamRef {

    private final String key;
    private final String layer;
    private final String param;
    private final IUpdater updater;

    ParamRef(String key, String layer, String param, IUpdater updater) {
        this.key = key;
        this.layer = layer;
        this.param = param;
        this.updater = updater;
    }

    public String key() {
        return key;
    }

    public String layer() {
        return layer;
    }

    public String param() {
        return param;
    }

    /** The updater configuration object the network uses for this array (shared, not a copy). */
    public IUpdater updater() {
        return updater;
    }

    /** False for arrays the updater never changes (batch-norm running statistics, frozen layers). */
    public boolean isTrained() {
        return updater != null && !(updater instanceof NoOp);
    }

    @Override
    public String toString() {
        return key;
    }
}
