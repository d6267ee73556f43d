package io.github.dl4jlr.internal.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name in the same folder, then renames it over the target in one atomic step, so a
 * reader or a killed process sees either the old file or the complete new one, never a half-written file.
 */
public final class AtomicFile {

    /** Writes the content of a file to the path it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Creates the parent folders, lets {@code writer} fill a temporary sibling of {@code target}, then renames it to
     * {@code target}. The temporary file is removed if the writer fails.
     *
     * @return {@code target}
     */
    public static Path write(Path target, Writer writer) throws IOException {
        Args.notNull("target", target);
        Args.notNull("writer", writer);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            writer.writeTo(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** {@link #write} for UTF-8 text; I/O errors become {@link UncheckedIOException}. */
    public static Path writeString(Path target, String content) {
        try {
            return write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }
}
