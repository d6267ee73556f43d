package io.github.dl4jlr.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the packaged jar in a child JVM, as a user would after {@code mvn package}. */
class DogBreedDemoJarIT {

    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    private static Outcome java(Path workDir, String... args) throws IOException, InterruptedException {
        Path jar = Paths.get(System.getProperty("demo.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged jar exists: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Outcome(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void helpPrintsUsageAndRunsNothing(@TempDir Path dir) throws Exception {
        Outcome o = java(dir, "--help");

        assertEquals(0, o.exitCode(), o.stderr());
        assertTrue(o.stdout().startsWith("Usage: dog-breed-demo"), o.stdout());
        for (String option : List.of("--quick", "--seeds", "--parallel", "--resume", "--data", "--spark-master")) {
            assertTrue(o.stdout().contains(option), option + " is documented: " + o.stdout());
        }
        assertFalse(o.stdout().contains("--halt-after-epochs"), "the test hook stays hidden");
        assertFalse(Files.exists(dir.resolve("results")), "no run started");
    }

    @Test
    void versionPrintsTheVersionAndRunsNothing(@TempDir Path dir) throws Exception {
        Outcome o = java(dir, "--version");

        assertEquals(0, o.exitCode(), o.stderr());
        assertTrue(o.stdout().matches("dog-breed-demo \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), o.stdout());
        assertFalse(Files.exists(dir.resolve("results")), "no run started");
    }

    @Test
    void aBadOptionSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Outcome o = java(dir, "--parallel", "0");

        assertEquals(2, o.exitCode(), o.stdout());
        assertTrue(o.stderr().contains("Expected --parallel >= 1, but got 0"), o.stderr());
        o = java(dir, "--seeds");
        assertEquals(2, o.exitCode(), o.stdout());
        assertTrue(o.stderr().contains("Missing required parameter for option '--seeds'"), o.stderr());
    }
}
