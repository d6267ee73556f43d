package io.github.dl4jlr.internal.nn;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recording tests that pin what the health monitor relies on under ParallelWrapper (DL4J 1.0.0-M2.1): the workers'
 * threads are named {@code "ParallelWrapper training thread <n>"} with {@code n} = 0, 1, ... again at every
 * {@code fit}; worker 0 trains the original model while the other workers get new replicas at every {@code fit}; no
 * epoch event fires; and an exception thrown by a listener reaches the caller inside two {@code RuntimeException}s.
 */
class ParallelWrapperBehaviourTest {

    /** What each callback saw, per fit call: thread name to the models it trained. */
    private static final class Recorder extends BaseTrainingListener {
        final List<Map<String, Set<Model>>> fits = new ArrayList<>();
        volatile int epochEvents;

        void nextFit() {
            fits.add(Collections.synchronizedMap(new TreeMap<>()));
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            fits.get(fits.size() - 1).computeIfAbsent(Thread.currentThread().getName(),
                    t -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()))).add(model);
        }

        @Override
        public void onEpochEnd(Model model) {
            epochEvents++;
        }

        Model only(int fit, String thread) {
            Set<Model> models = fits.get(fit).get(thread);
            assertEquals(1, models.size(), "one model per worker and fit");
            return models.iterator().next();
        }
    }

    private static ListDataSetIterator<DataSet> batches() {
        return new ListDataSetIterator<>(new ArrayList<>(TinyNets.data(16 * 10, 17, 3.0).batchBy(10)), 1);
    }

    @Test
    void workerThreadsAreNumberedAgainAtEveryFitAndOnlyWorkerZeroKeepsItsModel() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(net).workers(2).prefetchBuffer(2).averagingFrequency(2)
                .build();
        Recorder recorder = new Recorder();
        wrapper.setListeners(recorder);
        for (int fit = 0; fit < 2; fit++) {
            recorder.nextFit();
            wrapper.fit(batches());
        }
        wrapper.shutdown();

        String zero = "ParallelWrapper training thread 0";
        String one = "ParallelWrapper training thread 1";
        assertEquals(new TreeSet<>(List.of(zero, one)), recorder.fits.get(0).keySet());
        assertEquals(new TreeSet<>(List.of(zero, one)), recorder.fits.get(1).keySet(), "the numbering starts at 0 again");
        assertSame(net, recorder.only(0, zero), "worker 0 trains the original model");
        assertSame(net, recorder.only(1, zero));
        assertNotSame(recorder.only(0, one), recorder.only(1, one), "worker 1 gets a new replica at every fit");
        assertEquals(0, recorder.epochEvents, "no epoch events");
    }

    @Test
    void aListenerExceptionArrivesInsideTwoRuntimeExceptions() {
        final class Stop extends RuntimeException {
        }
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(net).workers(2).prefetchBuffer(2).build();
        wrapper.setListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                throw new Stop();
            }
        });
        RuntimeException e = assertThrows(RuntimeException.class, () -> wrapper.fit(batches()));
        wrapper.shutdown();
        assertFalse(e instanceof Stop, "not the listener's own type");
        assertInstanceOf(RuntimeException.class, e.getCause());
        assertInstanceOf(Stop.class, e.getCause().getCause());
        assertTrue(e.getCause().getCause().getCause() == null);
    }
}
