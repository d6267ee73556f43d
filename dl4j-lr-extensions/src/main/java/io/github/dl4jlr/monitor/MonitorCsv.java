package io.github.dl4jlr.monitor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The monitor's CSV ({@code replica,iteration,epoch,lr,param,ratio,verdict,step_size}, one row per array and check).
 * Opened on the first row (the file is replaced then), flushed on request, closed by {@link #close()}; rows written
 * after a close append to the same file. Not thread-safe: the monitor calls it under its own lock.
 */
final class MonitorCsv implements AutoCloseable {

    static final String HEADER = "replica,iteration,epoch,lr,param,ratio,verdict,step_size";

    private final Path file;
    private BufferedWriter writer;
    private boolean started;

    MonitorCsv(Path file) {
        this.file = file;
    }

    void write(RatioCheck c) {
        try {
            if (writer == null) {
                open();
            }
            double[] ratios = c.ratios();
            double[] steps = c.stepSizes();
            for (int i = 0; i < c.keys().size(); i++) {
                writer.write(c.replica() + "," + c.iteration() + "," + c.epoch() + "," + c.learningRate() + "," + c.keys().get(i) + ","
                        + ratios[i] + "," + c.verdicts().get(i) + "," + steps[i]);
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the monitor CSV " + file, e);
        }
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!started) {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writer.write(HEADER);
            writer.newLine();
            started = true;
        } else {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    void flush() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not flush the monitor CSV " + file, e);
            }
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not close the monitor CSV " + file, e);
            } finally {
                writer = null;
            }
        }
    }
}
