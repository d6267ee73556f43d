package io.github.dl4jlr.examples.benchmark.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The suite's scores per kind: precision of the advice, false alarms on healthy runs, recall within N epochs. */
final class Scores {

    /** A problem must be named in one of its first this many epochs (0-based epochs 0, 1 and 2) for recall. */
    static final int RECALL_EPOCHS = 3;

    /** One kind's row. */
    record Row(Kind kind, int runs, int advice, int right, long troubles, int named, int namedAtAll) {
        double precision() {
            return advice == 0 ? Double.NaN : right / (double) advice;
        }

        String markdown() {
            boolean problem = !kind.named().isEmpty();
            return String.format(Locale.ROOT, "| %s | %d | %d | %s | %.2f | %d | %s | %s |", kind, runs, advice,
                    advice == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.0f%%)", right, advice, 100 * precision()),
                    runs == 0 ? 0.0 : advice / (double) runs, troubles,
                    problem ? named + "/" + runs : "-", problem ? namedAtAll + "/" + runs : "-");
        }
    }

    static final String HEADER = "| kind | runs | advice lines | direction right | lines per run | troubles (would stop or "
            + "roll back) | named within " + RECALL_EPOCHS + " epochs | named at all |\n|---|---|---|---|---|---|---|---|";

    private Scores() {
    }

    /** The rows for the given (outcome, truth) pairs, one per kind present, AMBIGUOUS left out. */
    static List<Row> rows(List<Judged> judged) {
        Map<Kind, List<Judged>> byKind = new EnumMap<>(Kind.class);
        for (Judged j : judged) {
            if (j.truth() != Kind.AMBIGUOUS) {
                byKind.computeIfAbsent(j.truth(), k -> new ArrayList<>()).add(j);
            }
        }
        List<Row> rows = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            int advice = 0;
            int right = 0;
            long troubles = 0;
            int named = 0;
            int namedAtAll = 0;
            for (Judged j : list) {
                for (Outcome.Advice a : j.outcome().advice()) {
                    advice++;
                    right += kind.right().contains(a.direction()) ? 1 : 0;
                }
                troubles += j.outcome().troubles();
                int first = firstNamed(j);
                named += first >= 0 && first < RECALL_EPOCHS ? 1 : 0;
                namedAtAll += first >= 0 ? 1 : 0;
            }
            rows.add(new Row(kind, list.size(), advice, right, troubles, named, namedAtAll));
        });
        return rows;
    }

    /**
     * The epoch from which a run's epoch losses all stay at or above {@link Truth#DEAD_LOSS} of its chance level: when
     * a dead run settled there (a run can learn first and die later); -1 when it never does.
     */
    static int deathOnset(Outcome o) {
        double[] e = o.epochLoss();
        int onset = -1;
        for (int i = e.length - 1; i >= 0 && !(e[i] < Truth.DEAD_LOSS * o.chance()); i--) {
            onset = i;
        }
        return onset;
    }

    /**
     * The dead runs, and how many of them were named at most {@code RECALL_EPOCHS - 1} epochs after their
     * {@link #deathOnset} (a run that never settled is timed from its start): {named, runs}.
     */
    static int[] deadNamedAfterOnset(List<Judged> judged) {
        int runs = 0;
        int named = 0;
        for (Judged j : judged) {
            if (j.truth() == Kind.DEAD) {
                runs++;
                int first = firstNamed(j);
                int onset = deathOnset(j.outcome());
                named += first >= 0 && first < Math.max(onset, 0) + RECALL_EPOCHS ? 1 : 0;
            }
        }
        return new int[]{named, runs};
    }

    /** The epoch of the first advice line that names the run's problem; -1 when none. */
    static int firstNamed(Judged j) {
        Set<Direction> d = j.truth().named();
        return j.outcome().advice().stream().filter(a -> d.contains(a.direction()))
                .mapToInt(a -> a.event().epoch()).findFirst().orElse(-1);
    }

    /**
     * Per line (the event's kind and the direction it points), how many advice lines the judged runs heard and how many
     * pointed the right way: how far a user can trust each line. AMBIGUOUS runs are left out.
     *
     * @return {right, lines} per "KIND DIRECTION", most frequent first, in insertion order for equal counts
     */
    static Map<String, int[]> byLine(List<Judged> judged) {
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (Judged j : judged) {
            if (j.truth() == Kind.AMBIGUOUS) {
                continue;
            }
            for (Outcome.Advice a : j.outcome().advice()) {
                int[] t = tally.computeIfAbsent(a.event().kind() + " " + a.direction(), k -> new int[2]);
                t[0] += j.truth().right().contains(a.direction()) ? 1 : 0;
                t[1]++;
            }
        }
        return tally.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> e.getValue()[1]).reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
    }

    /** An outcome with its truth. */
    record Judged(Outcome outcome, Kind truth) {
    }
}
