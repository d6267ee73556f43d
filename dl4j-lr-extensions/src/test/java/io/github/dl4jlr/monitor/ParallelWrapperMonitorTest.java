package io.github.dl4jlr.monitor;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One monitor instance shared by ParallelWrapper's workers: DL4J calls it from every worker thread at once (each on
 * its own model replica), so its per-model state and shared report must hold up.
 */
class ParallelWrapperMonitorTest {

    @Test
    void twoWorkersShareOneMonitorAndTheNanOfOneWorkersBatchIsReported() {
        MultiLayerNetwork net = TinyNets.mln(new Adam(1e-3));
        TrainingHealthMonitor monitor = TrainingHealthMonitor.builder().frequency(1).build();
        List<DataSet> batches = new ArrayList<>(TinyNets.data(40 * 10, 17, 3.0).batchBy(10));
        batches.get(25).getFeatures().putScalar(3, 1, Double.NaN);   // one minibatch, so one worker sees it

        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(net).workers(2).prefetchBuffer(2)
                .averagingFrequency(5).build();
        wrapper.setListeners(monitor);
        wrapper.fit(new ListDataSetIterator<>(batches, 1));
        wrapper.shutdown();

        MonitorReport report = monitor.report();
        List<MonitorEvent> bad = report.nonFiniteEvents();
        assertFalse(bad.isEmpty(), "the NaN minibatch was caught");
        assertEquals("features", bad.get(0).key(), "and blamed on the data: " + bad.get(0).message());
        assertTrue(bad.get(0).message().contains("the minibatch input 'features' contains NaN/Inf"), bad.get(0).message());
        // Both workers check every iteration of their own replica, so most iterations are checked twice.
        Set<Integer> iterations = report.checks().stream().map(RatioCheck::iteration).collect(Collectors.toSet());
        assertTrue(report.checks().size() > iterations.size() + 5, "checks from both workers: " + report.checks().size()
                + " checks over " + iterations.size() + " distinct iterations");
    }
}
