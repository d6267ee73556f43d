package io.github.dl4jlr.examples.benchmark;

import io.github.dl4jlr.examples.data.BenchmarkData;
import io.github.dl4jlr.examples.data.ExampleModels;
import io.github.dl4jlr.internal.nn.NetworkAdapter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("slow")
class LadderBenchmarkTest {

    @Test
    void everyRungOfTheLadderIsMeasuredForCostAndRegret(@TempDir Path dir) throws Exception {
        List<LadderBenchmark.Row> rows = LadderBenchmark.run("--problems", "digits", "--optimizers", "adam",
                "--schedules", "constant", "--seeds", "1", "--epochs", "1", "--out", dir.toString());
        assertEquals(LadderBenchmark.METHODS, rows.stream().map(LadderBenchmark.Row::method).toList());
        LadderBenchmark.Row grid = rows.get(0);
        assertEquals(0, grid.regretPoints(), 1e-9, "the grid is the reference");
        LadderBenchmark.Row picked = rows.get(1);
        assertEquals("grid on validation", picked.method());
        assertTrue(picked.regretPoints() >= 0, "a rate picked on validation data is at best the test's best: " + picked);
        for (LadderBenchmark.Row r : rows.subList(1, rows.size())) {
            assertTrue(r.cost() > 0, "every method costs something: " + r);
        }
        LadderBenchmark.Row search = rows.stream().filter(r -> r.method().equals("search")).findFirst().orElseThrow();
        LadderBenchmark.Row sweep = rows.stream().filter(r -> r.method().equals("sweep")).findFirst().orElseThrow();
        assertTrue(search.cost() > sweep.cost(), "the search costs more than the sweep it starts from: " + rows);
        assertTrue(Files.readString(dir.resolve("ladder.md")).contains("| search |"), "the table is written");
    }

    @Test
    void underACosineTheSameMeanPeaksAtAboutTwiceTheSweepsRate(@TempDir Path dir) throws Exception {
        List<LadderBenchmark.Row> rows = LadderBenchmark.run("--problems", "iris", "--optimizers", "adam",
                "--schedules", "cosine", "--seeds", "1", "--epochs", "1", "--methods",
                "sweep,sweep-mean,sweep+trials,trials-mean", "--judge", "loss", "--out", dir.toString());
        assertEquals(List.of("grid", "grid on validation", "sweep", "sweep-mean", "sweep+trials", "trials-mean"),
                rows.stream().map(LadderBenchmark.Row::method).toList());
        // a cosine to zero over n steps averages 1/2 + 1/(2n) of its peak
        for (int i : new int[]{2, 4}) {
            double ratio = rows.get(i + 1).meanLr() / rows.get(i).meanLr();
            assertTrue(ratio > 1.6 && ratio < 2, "the peak with " + rows.get(i).method() + "'s rate as its mean: "
                    + ratio + " in " + rows);
        }
        assertTrue(rows.get(1).regretPoints() >= 0, "picked on the validation half's loss: " + rows.get(1));
    }

    @Test
    void judgedByLossTheValidationHalfGivesMinusItsMeanLossAndBrokenWeightsTheLowestScore() {
        BenchmarkData.Split data = ExampleModels.dataFor("iris", 0);
        MultiLayerNetwork net = ExampleModels.forProblem("iris", data, new Adam(1e-2), 0);
        net.fit(data.trainIterator(), 2);
        List<DataSet> rows = data.test().asList();
        double loss = NetworkAdapter.of(net).meanLoss(rows.subList(0, rows.size() / 2));
        assertEquals(-loss, LadderCell.judge(net, "iris", 0, true), 1e-6);
        assertEquals(LadderCell.score(net, "iris", 0, true), LadderCell.judge(net, "iris", 0, false), 0.0);
        net.params().putScalar(0, Double.NaN);
        assertEquals(-Double.MAX_VALUE, LadderCell.judge(net, "iris", 0, true), 0.0);
    }

    @Test
    void aMethodThatDoesNotExistIsRefused(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LadderBenchmark.run(
                "--problems", "iris", "--methods", "sweep,grid search", "--out", dir.toString()));
        assertTrue(e.getMessage().contains("grid search"), e.getMessage());
    }
}
