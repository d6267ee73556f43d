package io.github.dl4jlr.demo.report;

import io.github.dl4jlr.demo.experiment.RunSummary;

import java.util.ArrayList;
import java.util.List;

/** The report's notes: what the data left out, and what individual runs want said. */
public final class ReportNotes {

    private ReportNotes() {
    }

    public static List<String> of(List<String> dataNotes, List<RunSummary> runs) {
        List<String> notes = new ArrayList<>(dataNotes);
        for (RunSummary s : runs) {
            if (!s.note().isEmpty()) {
                notes.add(s.experiment() + " seed " + s.seed() + ": " + s.note() + ".");
            }
            if (s.diverged()) {
                notes.add(s.experiment() + " seed " + s.seed() + " diverged (non-finite parameters); its accuracy is "
                        + "shown as n/a.");
            }
        }
        return notes;
    }
}
