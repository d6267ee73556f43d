package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.testutil.ClassificationNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ROLLBACK on the divergences users actually hit: a learning rate 1000x too high for plain SGD, and Adam at 1 or 10.
 * Every case gets the same 60-iteration budget and the same monitor settings, and must end with finite parameters,
 * training still going at a lower learning rate, and a training loss below where it started.
 */
class RollbackRecoveryTest {

    private static final int BUDGET = 60;

    /** Stable SGD rates found by hand for these nets: 0.1 (MLP) and 0.05 (CNN); the cases use 1000x that. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("MLP, SGD 1000x stable (100)", (Function<IUpdater, Model>) ClassificationNets::mlp,
                        new Sgd(100), "mixture"),
                Arguments.of("MLP, Adam 1", (Function<IUpdater, Model>) ClassificationNets::mlp, new Adam(1), "mixture"),
                Arguments.of("MLP, Adam 10", (Function<IUpdater, Model>) ClassificationNets::mlp, new Adam(10), "mixture"),
                Arguments.of("CNN, SGD 1000x stable (50)", (Function<IUpdater, Model>) ClassificationNets::cnn,
                        new Sgd(50), "bars"),
                Arguments.of("CNN, Adam 10", (Function<IUpdater, Model>) ClassificationNets::cnn, new Adam(10), "bars"),
                Arguments.of("ComputationGraph MLP, Adam 10", (Function<IUpdater, Model>) ClassificationNets::graph,
                        new Adam(10), "mixture"));
    }

    /** Every minibatch loss, and the iteration of each. */
    private static final class Losses extends BaseTrainingListener {
        final List<Double> values = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            values.add(model.score());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rollbackRecoversAndTrainingGoesOn(String name, Function<IUpdater, Model> build, IUpdater updater, String data) {
        Model net = build.apply(updater);
        double startLr = updater.getLearningRate(0, 0);
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.ROLLBACK)
                .rollbackLrFactor(0.1).maxRollbacks(5).build();
        Losses losses = new Losses();
        net.setListeners(losses, monitor);
        DataSetIterator it = data.equals("bars") ? ClassificationNets.bars(BUDGET, 1) : ClassificationNets.mixture(BUDGET, 1);

        NetworkAdapter.of(net).fit(it);

        MonitorReport report = monitor.report();
        List<RollbackRecord> rollbacks = report.rollbacks();
        assertFalse(rollbacks.isEmpty(), name + ": the learning rate diverged, so there must be a rollback");
        assertTrue(rollbacks.stream().allMatch(r -> r.action() == RecoveryAction.ROLLBACK
                && r.lrAfter() < r.lrBefore()), rollbacks.toString());
        assertEquals(BUDGET, losses.values.size(), name + ": training ran its whole budget");
        assertTrue(Double.isFinite(net.params().sumNumber().doubleValue()), name + ": parameters are finite");
        double lrNow = NetworkAdapter.of(net).trainedUpdaters().get(0).getLearningRate(BUDGET, 1);
        assertTrue(lrNow < startLr, name + ": training goes on at a lower learning rate, now " + lrNow);
        int lastRollback = rollbacks.get(rollbacks.size() - 1).iteration();
        assertTrue(BUDGET - lastRollback >= 20, name + ": at least 20 iterations trained after the last rollback, "
                + "which was at " + lastRollback);
        double start = losses.values.get(0);
        double end = losses.values.subList(BUDGET - 10, BUDGET).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        assertTrue(end < start, name + ": mean loss of the last 10 minibatches " + end + " is below the first, " + start
                + "; rollbacks " + rollbacks);
    }
}
