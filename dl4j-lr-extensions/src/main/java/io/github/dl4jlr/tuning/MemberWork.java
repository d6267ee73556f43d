package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.updater.LearningRateFree;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * One member's round, from its description alone, on whatever JVM runs it: build the network from the configuration
 * JSON, load the task's parameters, updater state and counters, <b>then</b> apply the task's hyperparameters (so a
 * copied updater state can never overwrite an explored learning rate, ray#62173), train for one round, score, and
 * return the new state as bytes. Every {@link MemberTrainer} calls this, which is why they agree.
 */
final class MemberWork {

    private MemberWork() {
    }

    /**
     * @throws MemberFailedException naming the member and round, whatever went wrong
     */
    static MemberOutcome run(MemberSpec spec, MemberTask task) {
        try {
            long t0 = System.nanoTime();
            Model model = build(spec);
            NetworkAdapter net = NetworkAdapter.of(model);
            load(net, task.params(), task.updaterState(), task.iteration(), task.epoch());
            long t1 = System.nanoTime();
            HyperparameterApplier.apply(model, task.hyperparameters());
            if (spec.listeners() != null) {
                List<TrainingListener> listeners = spec.listeners().create(task.member(), task.round());
                model.setListeners(listeners.toArray(new TrainingListener[0]));
            }
            train(spec, task, model, net);
            double score = spec.evaluator().score(model);
            long t2 = System.nanoTime();
            byte[][] state = save(net);
            long t3 = System.nanoTime();
            return new MemberOutcome(task.member(), task.round(), state[0], state[1], net.iterationCount(),
                    net.epochCount(), score, (t2 - t1) / 1e6, ((t1 - t0) + (t3 - t2)) / 1e6, worker());
        } catch (MemberFailedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new MemberFailedException(task.member(), task.round(), e);
        }
    }

    /** A fresh, initialised network from the spec's JSON. */
    static Model build(MemberSpec spec) {
        return NetworkAdapter.fromConfiguration(spec.networkJson(), spec.graph()).model();
    }

    /** A network from the spec in the state an outcome (or a task) describes, hyperparameters applied. */
    static Model materialize(MemberSpec spec, Map<String, Double> hyperparameters, byte[] params,
                                    byte[] updaterState, int iteration, int epoch) {
        Model model = build(spec);
        load(NetworkAdapter.of(model), params, updaterState, iteration, epoch);
        HyperparameterApplier.apply(model, hyperparameters);
        return model;
    }

    private static void train(MemberSpec spec, MemberTask task, Model model, NetworkAdapter net) {
        DataSetIterator data = spec.data().iterator(task.member(), task.round());
        if (spec.readyUnit() == ScheduleType.EPOCH) {
            for (int e = 0; e < spec.readyEvery(); e++) {
                data.reset();
                net.fit(data);
            }
            return;
        }
        int perEpoch = spec.iterationsPerEpoch();
        if (perEpoch > 0) {
            // continue the epoch this member is in: skip what it already trained on
            int done = intoEpoch(net, perEpoch);
            for (int i = 0; i < done && data.hasNext(); i++) {
                data.next();
            }
        }
        LearningRateFree.trainMode(model);
        for (int i = 0; i < spec.readyEvery(); i++) {
            if (!data.hasNext()) {
                data.reset();
            }
            net.fit(data.next());
            if (perEpoch > 0 && intoEpoch(net, perEpoch) == 0) {
                net.setCounters(net.iterationCount(), net.epochCount() + 1);     // as fit(iterator) at an epoch's end
            }
        }
        LearningRateFree.evalMode(model);
    }

    /**
     * Minibatches of the current epoch already trained on. Counters that do not fit this data's epoch length (a network
     * that trained on other data, with {@code network(net)}) start it part way into a pass, so that every later epoch
     * end falls on the end of a pass over the data, however its training is cut into rounds.
     */
    static int intoEpoch(NetworkAdapter net, int perEpoch) {
        return Math.floorMod(net.iterationCount() - net.epochCount() * perEpoch, perEpoch);
    }

    /** Parameters and updater state (null for stateless updaters) in ND4J's binary array format. */
    static byte[][] save(NetworkAdapter net) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray state = net.updaterState();
            return new byte[][]{Nd4j.toByteArray(net.params()), state == null ? null : Nd4j.toByteArray(state)};
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize a member's arrays", e);
        }
    }

    static void load(NetworkAdapter net, byte[] params, byte[] updaterState, int iteration, int epoch) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            net.params().assign(Nd4j.fromByteArray(params));
            INDArray state = net.updaterState();
            if (state != null && updaterState != null) {
                state.assign(Nd4j.fromByteArray(updaterState));
            }
        }
        net.setCounters(iteration, epoch);
    }

    private static String worker() {
        return "pid " + ProcessHandle.current().pid() + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")";
    }
}
