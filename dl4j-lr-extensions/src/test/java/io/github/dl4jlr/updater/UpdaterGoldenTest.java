package io.github.dl4jlr.updater;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prodigy and Schedule-Free against the authors' PyTorch code: the same network, initial weights and minibatches, 60
 * steps, parameters compared after steps 1, 2, 3, 10, 49, 50, 51 and 60 (and Schedule-Free's x, and Prodigy's d). The
 * "blocks" network has two updater blocks of the updater under test, split by a middle layer that is not trained (or,
 * "mixed", trained by plain SGD alongside: Prodigy's d is then global over its own two blocks only). The
 * golden files and the script that wrote them are in {@code src/test/resources/golden/updaters} and
 * {@code src/test/python/updater_reference.py}.
 */
class UpdaterGoldenTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("prodigy_default_mlp_float64", (Supplier<IUpdater>) Prodigy::new),
                Arguments.of("prodigy_decay_bias_safeguard_mlp_float64", (Supplier<IUpdater>) UpdaterGoldenTest::decayBias),
                Arguments.of("prodigy_coupled_growth_beta3_mlp_float64", (Supplier<IUpdater>) () -> Prodigy.builder()
                        .learningRate(0.5).weightDecay(0.01).decouple(false).growthRate(1.02).beta3(0.99).dCoef(2.0)
                        .build()),
                Arguments.of("prodigy_beta1_zero_mlp_float64", (Supplier<IUpdater>) () -> Prodigy.builder()
                        .betas(0.0, 0.99).d0(1e-5).build()),
                Arguments.of("sf_adamw_default_mlp_float64", (Supplier<IUpdater>) ScheduleFreeAdamW::new),
                Arguments.of("sf_adamw_warmup_decay_r_mlp_float64", (Supplier<IUpdater>) () -> ScheduleFreeAdamW.builder()
                        .learningRate(0.01).warmupSteps(10).weightDecay(0.01).r(0.5).weightLrPower(1.0)
                        .betas(0.95, 0.99).build()),
                Arguments.of("sf_sgd_mlp_float64", (Supplier<IUpdater>) UpdaterGoldenTest::sgd),
                Arguments.of("prodigy_default_blocks_float64", (Supplier<IUpdater>) Prodigy::new),
                Arguments.of("prodigy_decay_bias_safeguard_blocks_float64", (Supplier<IUpdater>) UpdaterGoldenTest::decayBias),
                Arguments.of("sf_adamw_default_blocks_float64", (Supplier<IUpdater>) ScheduleFreeAdamW::new),
                Arguments.of("sf_sgd_blocks_float64", (Supplier<IUpdater>) UpdaterGoldenTest::sgd),
                Arguments.of("prodigy_default_mixed_sgd_blocks_float64", (Supplier<IUpdater>) Prodigy::new),
                Arguments.of("sf_adamw_default_mixed_sgd_blocks_float64", (Supplier<IUpdater>) ScheduleFreeAdamW::new),
                Arguments.of("prodigy_default_mlp_float32", (Supplier<IUpdater>) Prodigy::new),
                Arguments.of("prodigy_default_blocks_float32", (Supplier<IUpdater>) Prodigy::new),
                Arguments.of("sf_adamw_default_mlp_float32", (Supplier<IUpdater>) ScheduleFreeAdamW::new),
                Arguments.of("sf_adamw_default_blocks_float32", (Supplier<IUpdater>) ScheduleFreeAdamW::new));
    }

    private static IUpdater decayBias() {
        return Prodigy.builder().weightDecay(0.01).useBiasCorrection(true).safeguardWarmup(true).build();
    }

    private static IUpdater sgd() {
        return new ScheduleFreeSgd(0.5, 0.9, 0.001, 5, 0, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheAuthorsCode(String name, Supplier<IUpdater> updater) {
        GoldenCase golden = GoldenCase.load(name);
        MultiLayerNetwork net = golden.network(updater.get());
        LearningRateFree.attach(net);
        boolean float64 = golden.dtype == DataType.DOUBLE;
        // float64: the same arithmetic; float32: summation order differs, and Prodigy's d amplifies it a little
        double tolerance = float64 ? 1e-10 : 2e-4;
        double worst = 0;
        for (int step = 1; step <= golden.steps(); step++) {
            net.fit(golden.batch((step - 1) % golden.batches()));
            JsonNode expected = golden.checkpoint(step);
            if (expected == null) {
                continue;
            }
            worst = Math.max(worst, compare(name + " step " + step, expected.get("params"), net, tolerance));
            if (expected.has("d")) {
                double d = expected.get("d").asDouble();
                assertEquals(d, LearningRateFree.prodigyStepSize(net), tolerance * Math.abs(d) + 1e-30,
                        name + " step " + step + ": d");
            }
            if (expected.has("x")) {
                try (LearningRateFree.Evaluation x = LearningRateFree.evaluating(net)) {
                    assertTrue(LearningRateFree.inEvalMode(net));
                    compare(name + " step " + step + " x", expected.get("x"), net, tolerance);
                }
                assertTrue(!LearningRateFree.inEvalMode(net), "back to y");
            }
        }
        assertTrue(worst <= tolerance, name + ": worst " + worst);
    }

    /** The largest difference between the network's parameters and the expected ones, relative to their scale. */
    private static double compare(String what, JsonNode layers, MultiLayerNetwork net, double tolerance) {
        double worst = 0;
        for (int i = 0; i < layers.size(); i++) {
            for (String p : new String[]{"W", "b"}) {
                INDArray actual = net.getParam(i + "_" + p).castTo(DataType.DOUBLE);
                INDArray expected = GoldenCase.matrix(layers.get(i).get(p), DataType.DOUBLE).reshape(actual.shape());
                double diff = actual.sub(expected).amaxNumber().doubleValue()
                        / Math.max(1e-3, expected.amaxNumber().doubleValue());
                assertTrue(diff <= tolerance, what + " " + i + "_" + p + ": relative difference " + diff);
                worst = Math.max(worst, diff);
            }
        }
        return worst;
    }
}
