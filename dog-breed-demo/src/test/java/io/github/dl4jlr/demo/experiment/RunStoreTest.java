package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.demo.model.BreedModels;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunStoreTest {

    private static EpochMetrics row(int epoch) {
        return new EpochMetrics("adam", "optimizers", 0, epoch, 4.8, 0.01, 4.7, 0.02, 1e-3, 1.5, 300, 0.01);
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rowsAndCheckpointAlwaysDescribeTheSameEpoch(@TempDir Path dir) throws Exception {
        RunStore store = new RunStore(dir);
        MultiLayerNetwork net = BreedModels.smallCnn(16, 120, new Adam(1e-3), 0);
        List<EpochMetrics> rows = new ArrayList<>();
        rows.add(row(1));
        store.commitEpoch(rows, net);
        assertEquals(List.of("checkpoint-e1.zip", "epochs.csv"), files(dir));
        rows.add(row(2));
        store.commitEpoch(rows, net);
        assertEquals(List.of("checkpoint-e2.zip", "epochs.csv"), files(dir), "the previous checkpoint is removed");

        assertEquals(2, store.epochs().size());
        Model restored = store.checkpoint(2, false);
        assertNotNull(restored);
        assertEquals(net.params(), ((MultiLayerNetwork) restored).params());
        // Only the checkpoint that matches the rows exists; for any other epoch the runner starts afresh.
        assertNull(store.checkpoint(1, false));
        assertNull(store.checkpoint(3, false));
    }
}
