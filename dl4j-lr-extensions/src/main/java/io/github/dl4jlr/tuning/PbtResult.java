package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.plot.LinePlot;
import io.github.dl4jlr.internal.plot.PlotSupport;
import io.github.dl4jlr.schedule.SequentialSchedule;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a PBT run produced: the best member, the full history, and the learning-rate schedule its lineage used. */
public final class PbtResult {

    private final Model bestModel;
    private final int bestMember;
    private final List<PbtRecord> history;
    private final int populationSize;
    private final int rounds;
    private final int readyEvery;
    private final ScheduleType readyUnit;

    PbtResult(Model bestModel, int bestMember, List<PbtRecord> history, int populationSize, int rounds,
              int readyEvery, ScheduleType readyUnit) {
        this.bestModel = bestModel;
        this.bestMember = bestMember;
        this.history = List.copyOf(history);
        this.populationSize = populationSize;
        this.rounds = rounds;
        this.readyEvery = readyEvery;
        this.readyUnit = readyUnit;
    }

    /**
     * The best member's network after the last round.
     *
     * @return the best member's network after the last round
     */
    public Model bestModel() {
        return bestModel;
    }

    /** @return the member with the best score in the last round */
    public int bestMember() {
        return bestMember;
    }

    /** @return the best member's record of the last round */
    public PbtRecord best() {
        return record(bestMember, rounds - 1);
    }

    /** @return the best member's hyperparameters in the last round */
    public Map<String, Double> bestHyperparameters() {
        return best().hyperparameters();
    }

    /** @return the best member's score in the last round */
    public double bestScore() {
        return best().score();
    }

    /**
     * Every (member, round) record, round by round, members in order.
     *
     * @return every (member, round) record, round by round, members in order
     */
    public List<PbtRecord> history() {
        return history;
    }

    /**
     * @param member a member
     * @param round  a round, from 0
     * @return that member's record of that round
     */
    public PbtRecord record(int member, int round) {
        return history.get(round * populationSize + member);
    }

    /**
     * The learning rate the winning lineage trained with in each round, following parents back in time.
     *
     * @return the learning rate the winning lineage trained with in each round, following parents back in time
     */
    public double[] bestLineageLearningRates() {
        double[] lrs = new double[rounds];
        int m = bestMember;
        for (int r = rounds - 1; r >= 0; r--) {
            PbtRecord rec = record(m, r);
            lrs[r] = rec.learningRate();
            m = rec.parent();
        }
        return lrs;
    }

    /**
     * The winning lineage's learning rate over time as a JSON-serializable schedule: a
     * {@link SequentialSchedule} of {@code FixedSchedule}s, one per round, with a milestone every
     * {@code readyEvery} iterations or epochs. Retrain one model with {@code new Adam(result.bestLrSchedule())}.
     *
     * @return the winning lineage's learning rate over time as a JSON-serializable schedule
     */
    public ISchedule bestLrSchedule() {
        double[] lrs = bestLineageLearningRates();
        if (rounds == 1) {
            return new FixedSchedule(lrs[0]);
        }
        int[] milestones = new int[rounds - 1];
        ISchedule[] parts = new ISchedule[rounds];
        for (int r = 0; r < rounds; r++) {
            parts[r] = new FixedSchedule(lrs[r]);
            if (r > 0) {
                milestones[r - 1] = r * readyEvery;
            }
        }
        return new SequentialSchedule(readyUnit, milestones, parts);
    }

    /**
     * Records where a member copied a donor before the round.
     *
     * @return records where a member copied a donor before the round
     */
    public List<PbtRecord> exploits() {
        return history.stream().filter(r -> r.parent() != r.member()).toList();
    }

    /**
     * Two stacked charts: every member's score and learning rate per round, exploit events marked.
     *
     * @param png the PNG file to write
     * @return two stacked charts
     * @throws IOException if writing fails
     */
    public Path savePlot(Path png) throws IOException {
        PlotSupport.requireXChart();
        LinePlot scores = LinePlot.create("PBT: score per member", "round", "score");
        LinePlot lrs = LinePlot.create("PBT: learning rate per member", "round", "learning rate (log)").logY(true);
        for (int m = 0; m < populationSize; m++) {
            double[] x = new double[rounds];
            double[] s = new double[rounds];
            double[] lr = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                x[r] = r;
                s[r] = record(m, r).score();
                lr[r] = record(m, r).learningRate();
            }
            scores.line("member " + m, x, s);
            lrs.line("member " + m, x, lr);
        }
        List<PbtRecord> ex = exploits();
        if (!ex.isEmpty()) {
            double[] x = new double[ex.size()];
            double[] s = new double[ex.size()];
            double[] lr = new double[ex.size()];
            for (int i = 0; i < ex.size(); i++) {
                x[i] = ex.get(i).round();
                s[i] = ex.get(i).score();
                lr[i] = ex.get(i).learningRate();
            }
            scores.markers("exploit", x, s);
            lrs.markers("exploit", x, lr);
        }
        return LinePlot.saveStacked(png, scores, lrs);
    }

    @Override
    public String toString() {
        return "PbtResult(best member " + bestMember + ", score " + bestScore() + ", " + bestHyperparameters() + ", "
                + exploits().size() + " exploits over " + rounds + " rounds)";
    }
}
