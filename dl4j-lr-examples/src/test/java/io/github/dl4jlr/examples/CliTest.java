package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @Command(name = "probe", mixinStandardHelpOptions = true)
    static final class Options {
        @Option(names = "--epochs", description = "Epochs.")
        int epochs = 1;
    }

    @Test
    void unknownOptionIsAnIllegalArgumentWithTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cli.parse(new Options(), "--out", "x"));
        assertTrue(e.getMessage().startsWith("Unknown options: '--out', 'x'"), e.getMessage());
        assertTrue(e.getMessage().contains("Usage: probe"), e.getMessage());
    }

    @Test
    void badValueNamesTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cli.parse(new Options(), "--epochs", "two"));
        assertTrue(e.getMessage().contains("--epochs"), e.getMessage());
    }

    /** As a user starts an example: a bad option gives its message and status 2, not a stack trace. */
    @Test
    void exampleStartedWithABadOptionExitsWithTwoAndNoStackTrace() throws IOException, InterruptedException {
        Path err = Files.createTempFile("cli-test", ".err");
        try {
            Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LrFinderExample.class.getName(), "--no-such-option")
                    .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), stderr);
            assertTrue(stderr.contains("Unknown option: '--no-such-option'"), stderr);
            assertTrue(stderr.contains("Usage:"), stderr);
            assertFalse(stderr.contains("Exception"), stderr);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
