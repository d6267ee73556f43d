package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One monitor instance shared by ParallelWrapper's workers: DL4J calls it from every worker thread at once (each on
 * its own replica, rebuilt at every {@code fit}), so its per-worker state, its report, its CSV and its STOP must hold
 * up.
 */
class ParallelWrapperMonitorTest {

    private static List<DataSet> batches(int count) {
        return new ArrayList<>(TinyNets.data(count * 10, 17, 3.0).batchBy(10));
    }

    private static ParallelWrapper wrapper(MultiLayerNetwork net, TrainingHealthMonitor monitor, int averaging) {
        ParallelWrapper w = new ParallelWrapper.Builder<>(net).workers(2).prefetchBuffer(2)
                .averagingFrequency(averaging).build();
        w.setListeners(monitor);
        return w;
    }

    @Test
    void theNanOfOneWorkersBatchIsBlamedOnTheDataAndTheCsvNamesTheReplica(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).csv(dir.resolve("m.csv")).build();
        List<DataSet> batches = batches(40);
        batches.get(25).getFeatures().putScalar(3, 1, Double.NaN);   // one minibatch, so one worker sees it
        ParallelWrapper wrapper = wrapper(net, monitor, 5);
        wrapper.fit(new ListDataSetIterator<>(batches, 1));
        wrapper.shutdown();
        monitor.close();

        MonitorReport report = monitor.report();
        List<MonitorEvent> bad = report.troubles();
        assertFalse(bad.isEmpty(), "the NaN minibatch was caught");
        assertEquals("features", bad.get(0).key(), "and blamed on the data: " + bad.get(0).message());
        assertTrue(bad.get(0).message().contains("the minibatch input 'features' contains NaN/Inf"), bad.get(0).message());
        Set<Integer> replicas = report.checks().stream().map(RatioCheck::replica).collect(Collectors.toSet());
        assertEquals(Set.of(0, 1), replicas, "checks from both workers, told apart");
        Set<String> csvReplicas = Files.readAllLines(dir.resolve("m.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        assertEquals(Set.of("0", "1"), csvReplicas);
    }

    @Test
    void aRatioStreakWarnsOncePerWorkerAcrossFitCalls() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-7));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).lossStall(false).build();
        ParallelWrapper wrapper = wrapper(net, monitor, 1);
        for (int fit = 0; fit < 3; fit++) {
            wrapper.fit(new ListDataSetIterator<>(batches(16), 1));
        }
        wrapper.shutdown();
        List<MonitorEvent> low = monitor.report().warnings();
        assertFalse(low.isEmpty(), "1e-7 is far too low");
        assertTrue(low.stream().allMatch(w -> w.kind() == MonitorEvent.Kind.RATIO_LOW), low.toString());
        long distinct = low.stream().map(w -> w.replica() + "/" + w.key()).distinct().count();
        assertEquals(distinct, low.size(), "one warning per worker and weight array over 3 fit calls: " + low);
        assertTrue(low.size() <= 2 * 2, "2 workers x 2 weight arrays at most: " + low.size());
    }

    @Test
    void endEpochRunsTheStallCheckOnTheWrappersEpochs() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(1e-6));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().build();
        ParallelWrapper wrapper = wrapper(net, monitor, 1);
        for (int epoch = 0; epoch < 5; epoch++) {
            wrapper.fit(new ListDataSetIterator<>(batches(16), 1));
            monitor.endEpoch();
            net.incrementEpochCount();
        }
        wrapper.shutdown();
        List<LossStall> stalls = monitor.report().stalls();
        assertEquals(1, stalls.size(), "one stall, judged on both workers' minibatches: " + stalls);
        assertEquals(StallCause.LR_TOO_LOW, stalls.get(0).cause());
        assertEquals(3, stalls.get(0).epoch(), "after 3 epochs without improvement, counted by incrementEpochCount");
    }

    @Test
    void stopReachesTheCallerWrappedAndUnwrapFindsIt() {
        MultiLayerNetwork net = TinyNets.mln(new Sgd(1e4));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().onTrouble(TroubleMode.STOP).build();
        ParallelWrapper wrapper = wrapper(net, monitor, 1);
        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> wrapper.fit(new ListDataSetIterator<>(batches(40), 1)));
        wrapper.shutdown();
        assertFalse(thrown instanceof TrainingDivergedException, "DL4J wraps it");
        TrainingDivergedException stop = TrainingDivergedException.unwrap(thrown).orElseThrow();
        assertTrue(stop.getMessage().startsWith("Training stopped: "), stop.getMessage());
        assertTrue(TrainingDivergedException.unwrap(new RuntimeException(new IllegalStateException())).isEmpty());
    }

    @Test
    void aNanThatAveragingSpreadsIsBlamedOnTheReplicaItCameFrom() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).build();
        List<DataSet> batches = batches(40);
        batches.get(20).getFeatures().putScalar(3, 1, Double.NaN);
        ParallelWrapper wrapper = wrapper(net, monitor, 1);
        wrapper.fit(new ListDataSetIterator<>(batches, 1));
        wrapper.shutdown();
        List<MonitorEvent> troubles = monitor.report().troubles();
        assertEquals("features", troubles.get(0).key(), troubles.toString());
        int first = troubles.get(0).replica();
        MonitorEvent spread = troubles.stream().filter(e -> e.replica() != first).findFirst().orElseThrow();
        assertTrue(spread.message().contains("replica " + first + " went non-finite first, and ParallelWrapper's "
                + "parameter averaging copied its state into this one"), spread.message());
    }
}
