package io.github.dl4jlr.schedule;

import io.github.dl4jlr.schedule.CyclicSchedule.Mode;
import io.github.dl4jlr.schedule.OneCycleSchedule.Anneal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares every schedule with PyTorch's reference schedulers, step by step, including every phase edge.
 * The CSVs under {@code golden/} come from {@code src/test/python/pytorch_reference.py}, which follows
 * PyTorch's stepping (chainable) algorithms, not the closed forms used here.
 */
class GoldenValuesTest {

    private static final ScheduleType IT = ScheduleType.ITERATION;
    private static final double REL_TOL = 1e-9;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("step_lr", new StepDecaySchedule(IT, 0.1, 0.9, 30)),
                Arguments.of("step_lr_7_half", new StepDecaySchedule(IT, 0.05, 0.5, 7)),
                Arguments.of("multistep_400_700", new MultiStepSchedule(IT, 0.1, 0.1, new int[]{400, 700})),
                Arguments.of("multistep_dense", new MultiStepSchedule(IT, 0.2, 0.5, new int[]{3, 5, 6, 100, 1500})),
                // LinearLR(lr=0.1, start_factor=0.01, end_factor=1.0, total_iters=1000)
                Arguments.of("linear_warmup", new LinearDecaySchedule(IT, 0.1 * 0.01, 0.1, 1000)),
                Arguments.of("linear_decay", new LinearDecaySchedule(IT, 0.1, 0.1 * 0.05, 777)),
                Arguments.of("poly_2", new PolynomialDecaySchedule(IT, 0.1, 0.0, 1000, 2.0)),
                Arguments.of("poly_half", new PolynomialDecaySchedule(IT, 0.3, 0.0, 333, 0.5)),
                Arguments.of("cosine", new CosineDecaySchedule(IT, 0.1, 0.001, 1000)),
                Arguments.of("cosine_odd", new CosineDecaySchedule(IT, 0.02, 0.0, 37)),
                Arguments.of("sgdr_10_2", new CosineWarmRestartsSchedule(IT, 0.1, 1e-4, 10, 2)),
                Arguments.of("sgdr_50_1", new CosineWarmRestartsSchedule(IT, 0.05, 0.0, 50, 1)),
                Arguments.of("sgdr_7_3", new CosineWarmRestartsSchedule(IT, 0.1, 0.001, 7, 3)),
                Arguments.of("cyclic_triangular", new CyclicSchedule(IT, 0.001, 0.006, 200, 300, Mode.TRIANGULAR, 1.0)),
                Arguments.of("cyclic_triangular2", new CyclicSchedule(IT, 0.001, 0.006, 100, 100, Mode.TRIANGULAR2, 1.0)),
                Arguments.of("cyclic_exp_range", new CyclicSchedule(IT, 0.001, 0.006, 150, 250, Mode.EXP_RANGE, 0.999)),
                Arguments.of("onecycle_cos", new OneCycleSchedule(IT, 0.1, 1000, 0.3, 25, 1e4, Anneal.COS, false)),
                Arguments.of("onecycle_cos_momentum", OneCycleSchedule.momentum(IT, 0.85, 0.95, 1000, 0.3, Anneal.COS, false)),
                Arguments.of("onecycle_linear_3phase", new OneCycleSchedule(IT, 0.01, 2000, 0.25, 10, 100, Anneal.LINEAR, true)),
                Arguments.of("onecycle_linear_3phase_momentum", OneCycleSchedule.momentum(IT, 0.8, 0.9, 2000, 0.25, Anneal.LINEAR, true)),
                Arguments.of("onecycle_cos_3phase_999", new OneCycleSchedule(IT, 0.5, 999, 0.3, 25, 1e4, Anneal.COS, true)),
                Arguments.of("onecycle_cos_3phase_999_momentum", OneCycleSchedule.momentum(IT, 0.85, 0.95, 999, 0.3, Anneal.COS, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchReferenceAtEveryStep(String name, ISchedule schedule) throws IOException {
        double[] expected = load(name);
        assertTrue(expected.length >= 38, "golden file too short: " + name);
        for (int t = 0; t < expected.length; t++) {
            double actual = schedule.valueAt(t, 0);
            double tol = REL_TOL * Math.max(Math.abs(expected[t]), 1e-12);
            if (Math.abs(actual - expected[t]) > tol) {
                fail(name + " at t=" + t + ": expected " + expected[t] + " but got " + actual);
            }
        }
    }

    private static double[] load(String name) throws IOException {
        List<Double> values = new ArrayList<>();
        try (InputStream in = GoldenValuesTest.class.getResourceAsStream("/golden/" + name + ".csv")) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals("t,value", r.readLine());
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.split(",");
                assertEquals(values.size(), Integer.parseInt(parts[0]));
                values.add(Double.parseDouble(parts[1]));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
