package io.github.dl4jlr.pbt;

import io.github.dl4jlr.nn.NetworkAdapter;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Trains tasks in this JVM. Each member keeps one network (built once by the model factory); a task loads the
 * task's parameters, updater state and counters into it, <b>then</b> applies the task's hyperparameters (so a
 * copied updater state can never overwrite an explored learning rate, ray#62173), trains for one round and
 * evaluates.
 */
final class LocalMemberTrainer implements MemberTrainer {

    private final Function<Map<String, Double>, Model> factory;
    private final Supplier<DataSetIterator> trainData;
    private final Evaluator evaluator;
    private final int readyEvery;
    private final ScheduleType readyUnit;
    private final Map<Integer, Model> models = new ConcurrentHashMap<>();

    LocalMemberTrainer(Function<Map<String, Double>, Model> factory, Supplier<DataSetIterator> trainData,
                       Evaluator evaluator, int readyEvery, ScheduleType readyUnit) {
        this.factory = factory;
        this.trainData = trainData;
        this.evaluator = evaluator;
        this.readyEvery = readyEvery;
        this.readyUnit = readyUnit;
    }

    /** The member's network, built by the factory on first use. */
    Model model(int member, Map<String, Double> hyperparameters) {
        return models.computeIfAbsent(member, m -> factory.apply(hyperparameters));
    }

    @Override
    public MemberOutcome train(MemberTask task) {
        Model model = model(task.member(), task.hyperparameters());
        NetworkAdapter net = NetworkAdapter.of(model);
        load(net, task.params(), task.updaterState(), task.iteration(), task.epoch());
        HyperparameterApplier.apply(model, task.hyperparameters());
        DataSetIterator data = trainData.get();
        if (readyUnit == ScheduleType.EPOCH) {
            for (int e = 0; e < readyEvery; e++) {
                data.reset();
                if (model instanceof org.deeplearning4j.nn.multilayer.MultiLayerNetwork) {
                    ((org.deeplearning4j.nn.multilayer.MultiLayerNetwork) model).fit(data);
                } else {
                    ((org.deeplearning4j.nn.graph.ComputationGraph) model).fit(data);
                }
            }
        } else {
            for (int i = 0; i < readyEvery; i++) {
                if (!data.hasNext()) {
                    data.reset();
                }
                net.fit(data.next());
            }
        }
        double score = evaluator.score(model);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray state = net.updaterState();
            return new MemberOutcome(task.member(), task.round(), net.params().dup(), state == null ? null : state.dup(),
                    net.iterationCount(), net.epochCount(), score);
        }
    }

    static void load(NetworkAdapter net, INDArray params, INDArray updaterState, int iteration, int epoch) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            net.params().assign(params);
            INDArray state = net.updaterState();
            if (state != null && updaterState != null) {
                state.assign(updaterState);
            }
        }
        net.setCounters(iteration, epoch);
    }
}
