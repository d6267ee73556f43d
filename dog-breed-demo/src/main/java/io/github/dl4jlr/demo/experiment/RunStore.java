package io.github.dl4jlr.demo.experiment;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run's folder. Everything is written to a temporary file and renamed, so a kill leaves either the old or the
 * new version: {@code epochs.csv} (the rows so far), {@code checkpoint-e<k>.zip} (the model after k completed
 * epochs) and {@code result.json}, whose presence marks the run as finished.
 *
 * <p>An epoch is committed in the order checkpoint, rows, then removal of the previous checkpoint, so whenever
 * {@code epochs.csv} has k rows, {@code checkpoint-e<k>.zip} exists: a resumed run never pairs rows with a model
 * from another epoch (which would silently skip or repeat an epoch's training).
 */
final class RunStore {

    private final Path dir;

    RunStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    boolean finished() {
        return Files.isRegularFile(dir.resolve("result.json"));
    }

    void clear() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dir, e);
        }
    }

    List<EpochMetrics> epochs() {
        Path f = dir.resolve("epochs.csv");
        if (!Files.isRegularFile(f)) {
            return new ArrayList<>();
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            List<EpochMetrics> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) {
                    rows.add(EpochMetrics.fromCsv(l));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The learning rate of every iteration so far: {@code [iteration, epoch, lr]} rows (empty if none saved). */
    List<double[]> learningRates() {
        String csv = read("lr.csv");
        List<double[]> out = new ArrayList<>();
        if (csv == null) {
            return out;
        }
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("iteration")) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return out;
    }

    /** Writes {@code lr.csv} ({@code iteration,epoch,lr}), atomically. */
    void saveLearningRates(List<double[]> rows) {
        StringBuilder b = new StringBuilder("iteration,epoch,lr\n");
        for (double[] r : rows) {
            b.append((long) r[0]).append(',').append((long) r[1]).append(',').append(r[2]).append('\n');
        }
        write("lr.csv", b.toString());
    }

    /** Rows only, for runs without a model checkpoint of their own (PBT keeps its own). */
    void saveEpochs(List<EpochMetrics> rows) {
        write("epochs.csv", EpochMetrics.toCsv(rows));
    }

    /** Commits one finished epoch: the model after {@code rows.size()} epochs, then the rows. */
    void commitEpoch(List<EpochMetrics> rows, Model model) {
        int k = rows.size();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("checkpoint.zip.tmp");
            ModelSerializer.writeModel(model, tmp.toFile(), true);
            Files.move(tmp, checkpointFile(k), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            saveEpochs(rows);
            Files.deleteIfExists(checkpointFile(k - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the checkpoint of " + dir, e);
        }
    }

    /** The model after {@code epochs} completed epochs, or null if there is no such checkpoint. */
    Model checkpoint(int epochs, boolean graph) {
        Path f = checkpointFile(epochs);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return graph ? ModelSerializer.restoreComputationGraph(f.toFile(), true)
                    : ModelSerializer.restoreMultiLayerNetwork(f.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the checkpoint " + f, e);
        }
    }

    private Path checkpointFile(int epochs) {
        return dir.resolve("checkpoint-e" + epochs + ".zip");
    }

    RunSummary summary() {
        try {
            return new ObjectMapper().readValue(dir.resolve("result.json").toFile(), RunSummaryJson.class).toSummary();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dir.resolve("result.json"), e);
        }
    }

    void finish(RunSummary s) {
        try {
            write("result.json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(RunSummaryJson.of(s)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String name, String content) {
        io.github.dl4jlr.internal.util.AtomicFile.writeString(dir.resolve(name), content);
    }

    String read(String name) {
        Path f = dir.resolve(name);
        try {
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson-friendly mirror of {@link RunSummary} (NaN written as null). */
    public static final class RunSummaryJson {
        public String experiment;
        public String group;
        public int seed;
        public int epochs;
        public Double bestTestAccuracy;
        public Double finalTestAccuracy;
        public Double finalTestLoss;
        public Double minTestLoss;
        public Double secondsPerEpoch;
        public Double dataWaitFraction;
        public Double seconds;
        public Double medianRatio;
        public boolean diverged;
        public String note;
        public String status;
        public String reason;

        static RunSummaryJson of(RunSummary s) {
            RunSummaryJson j = new RunSummaryJson();
            j.experiment = s.experiment();
            j.group = s.group();
            j.seed = s.seed();
            j.epochs = s.epochs();
            j.bestTestAccuracy = n(s.bestTestAccuracy());
            j.finalTestAccuracy = n(s.finalTestAccuracy());
            j.finalTestLoss = n(s.finalTestLoss());
            j.minTestLoss = n(s.minTestLoss());
            j.secondsPerEpoch = n(s.secondsPerEpoch());
            j.seconds = n(s.seconds());
            j.dataWaitFraction = n(s.dataWaitFraction());
            j.medianRatio = n(s.medianRatio());
            j.diverged = s.diverged();
            j.note = s.note();
            j.status = s.status().name();
            j.reason = s.reason();
            return j;
        }

        RunSummary toSummary() {
            return new RunSummary(experiment, group, seed, epochs, d(bestTestAccuracy), d(finalTestAccuracy),
                    d(finalTestLoss), d(minTestLoss), d(secondsPerEpoch), d(seconds), d(dataWaitFraction), d(medianRatio), diverged, note,
                    status == null ? RunSummary.Status.DONE : RunSummary.Status.valueOf(status), reason == null ? "" : reason);
        }

        private static Double n(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static double d(Double v) {
            return v == null ? Double.NaN : v;
        }
    }
}
