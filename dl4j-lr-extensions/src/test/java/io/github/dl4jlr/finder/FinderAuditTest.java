package io.github.dl4jlr.finder;

import io.github.dl4jlr.testutil.TinyNets;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit's bookkeeping on a tiny problem: grid, best, regret per rule, and what it trains. */
class FinderAuditTest {

    /** The tiny 3-class problem: 2 epochs, scored by accuracy on a fixed test set. */
    private static final FinderAudit.Problem TINY = new FinderAudit.Problem() {
        public Model model(IUpdater updater, int seed) {
            MultiLayerNetwork net = new MultiLayerNetwork(TinyNets.mlnConf(updater, 42 + seed));
            net.init();
            return net;
        }

        public DataSetIterator train(int seed, int epoch) {
            return TinyNets.iterator(10, 16, 1, 2.0);
        }

        public double score(Model trained, int seed) {
            return ((MultiLayerNetwork) trained).evaluate(TinyNets.iterator(5, 32, 9, 2.0)).accuracy();
        }

        public int epochs() {
            return 2;
        }
    };

    @Test
    void halfDecadesIncludeBothEnds() {
        assertArrayEquals(new double[]{1e-5, 3.1623e-5, 1e-4}, FinderAudit.halfDecades(1e-5, 1e-4), 1e-9);
        assertEquals(13, FinderAudit.halfDecades(1e-5, 10).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FinderAudit.halfDecades(1, 0.1));
        assertEquals("Expected to >= from (1.0) and finite, but got 0.1", e.getMessage());
    }

    @Test
    void regretIsTheBestGridScoreMinusTheRulesScore() {
        FinderAudit audit = FinderAudit.builder().problem(TINY).updater(Adam::new).grid(1e-6, 1e-2).seeds(1)
                .finder(LearningRateFinder.builder().numIterations(40).build()).build();
        FinderAudit.Result r = audit.run();
        assertEquals(2, r.gridScores().length);
        assertTrue(r.gridScores()[1] > r.gridScores()[0], "1e-2 trains this problem, 1e-6 does not");
        assertEquals(1e-2, r.bestLearningRate());
        assertEquals(audit.score(0, 1e-2), r.bestScore(), 0.0, "scores are cached and deterministic");
        for (SuggestionMethod m : SuggestionMethod.values()) {
            FinderAudit.RuleOutcome o = r.rules().get(m);
            double lr = r.finderRuns().get(0).suggestion(m).orElseThrow();
            assertEquals(lr, o.meanLearningRate(), 1e-15 * lr, m.name());
            assertEquals(audit.score(0, lr), o.meanScore(), 0.0, m.name());
            assertEquals(r.bestScore() - o.meanScore(), r.regret(m), 1e-15, m.name());
        }
        assertEquals(SuggestionMethod.values().length + 1, r.regretRows("tiny").size());
        assertTrue(r.regretRows("tiny").get(SuggestionMethod.values().length).startsWith("tiny,default,"));
        assertTrue(r.regretRows("tiny").get(0).startsWith("tiny,valley,"), r.regretRows("tiny").get(0));
        assertEquals(1, r.costRows("tiny").size());
    }

    /**
     * The default row is what a finder with its default mode answers on the same seed: AUTO on a fresh network's
     * readable curve, the trials' winner on a trained network's, while the audited finder ran trials on both.
     */
    @Test
    void theDefaultRowAnswersAsTheDefaultFinderWould() {
        for (int pretrain : new int[]{0, 6}) {
            FinderAudit.Problem problem = pretrained(pretrain);
            FinderAudit audit = FinderAudit.builder().problem(problem).updater(Adam::new).grid(1e-3, 1e-2).seeds(2)
                    .finder(LearningRateFinder.builder().numIterations(40).confirm(ConfirmMode.ALWAYS).build())
                    .build();
            FinderAudit.Result r = audit.run();
            LearningRateFinder shipped = LearningRateFinder.builder().numIterations(40).build();
            for (int seed = 0; seed < 2; seed++) {
                LrFinderResult run = r.finderRuns().get(seed);
                assertEquals(pretrain > 0, run.unreadable(), "pretrained " + pretrain + " seed " + seed);
                double expected = shipped.find(problem.model(new Adam(1e-3), seed), problem.train(seed, 0))
                        .suggestion().orElseThrow();
                assertEquals(expected, r.finderDefault().perSeedLr()[seed], 0.0, "pretrained " + pretrain);
                SuggestionMethod answered = pretrain > 0 ? SuggestionMethod.CONFIRMED : SuggestionMethod.AUTO;
                assertEquals(run.suggestion(answered).orElseThrow(), expected, 0.0, answered.name());
                assertEquals(pretrain > 0 ? run.totalIterations() : run.iterations(),
                        r.finderDefault().perSeedFinderIterations()[seed], "no trials on a readable curve");
                assertTrue(run.totalIterations() > run.iterations(), "the audited finder ran trials on both");
            }
            double mean = (audit.score(0, r.finderDefault().perSeedLr()[0])
                    + audit.score(1, r.finderDefault().perSeedLr()[1])) / 2;
            assertEquals(mean, r.finderDefault().meanScore(), 1e-15);
            assertEquals(r.bestScore() - mean, r.regretOfDefault(), 1e-15);
            FinderAudit.RuleOutcome valley = r.rules().get(SuggestionMethod.VALLEY);
            assertTrue(r.regretSummary().startsWith(String.format(Locale.ROOT, " valley %.1e -> regret %.2f;",
                    valley.meanLearningRate(), 100 * r.regret(SuggestionMethod.VALLEY))), r.regretSummary());
            assertTrue(r.regretSummary().endsWith(String.format(Locale.ROOT, "; default %.1e -> regret %.2f",
                    r.finderDefault().meanLearningRate(), 100 * r.regretOfDefault())), r.regretSummary());
        }
    }

    /** The tiny problem, its networks fitted for {@code epochs} epochs at Adam 1e-2 before they are handed out. */
    private static FinderAudit.Problem pretrained(int epochs) {
        return new FinderAudit.Problem() {
            public Model model(IUpdater updater, int seed) {
                if (epochs == 0) {
                    return TINY.model(updater, seed);
                }
                MultiLayerNetwork net = (MultiLayerNetwork) TINY.model(new Adam(1e-2), seed);
                for (int e = 0; e < epochs; e++) {
                    net.fit(TINY.train(seed, e));
                }
                net.setLearningRate(updater.getLearningRate(0, 0));
                return net;
            }

            public DataSetIterator train(int seed, int epoch) {
                return TINY.train(seed, epoch);
            }

            public double score(Model trained, int seed) {
                return TINY.score(trained, seed);
            }

            public int epochs() {
                return TINY.epochs();
            }
        };
    }
}
