package io.github.dl4jlr.tuning;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A checkpoint is committed as a whole or not at all: a JVM killed at any point of a save, or an I/O error while
 * writing it, resumes to exactly the history of an uninterrupted run; a changed checkpoint is refused.
 */
@Tag("slow")
class PbtCheckpointTest {

    private static final int ROUNDS = 3;
    /** Four members with Adam: 4 parameter files, 4 updater-state files, state.json, CURRENT.tmp, the commit move. */
    private static final int OPS_PER_SAVE = 11;

    private static List<PbtRecord> straight;

    @BeforeAll
    static void uninterrupted() {
        straight = PopulationBasedTrainingTest.pbt(ROUNDS).build().run().history();
    }

    private static int runChild(Path dir, int crashAt) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile="
                        + System.getProperty("logback.configurationFile", ""), PbtCrashRun.class.getName(),
                dir.toString(), String.valueOf(ROUNDS), String.valueOf(crashAt)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolveSibling(
                dir.getFileName() + ".log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
        return p.exitValue();
    }

    @Test
    void aKillAnywhereInsideASaveResumesToTheUninterruptedHistory(@TempDir Path tmp) throws Exception {
        // Before the first commit, at it, inside the second save (parameters, state.json, the pointer), at the second
        // commit, and inside the third.
        int[] crashPoints = {3, OPS_PER_SAVE, OPS_PER_SAVE + 3, OPS_PER_SAVE + 9, 2 * OPS_PER_SAVE - 1, 2 * OPS_PER_SAVE,
                2 * OPS_PER_SAVE + 5};
        for (int at : crashPoints) {
            Path dir = tmp.resolve("crash-" + at);
            assertEquals(137, runChild(dir, at), "the child was halted at operation " + at);
            List<PbtRecord> resumed = PopulationBasedTrainingTest.pbt(ROUNDS).checkpointDir(dir).build().run().history();
            assertEquals(straight, resumed, "resumed after a kill before operation " + at);
        }
    }

    @Test
    void anIoErrorWhileWritingTheStateLeavesThePreviousRoundCommitted(@TempDir Path dir) {
        AtomicInteger ops = new AtomicInteger();
        PbtCheckpoint.Io failing = PbtCrashRun.counting(ops, op -> {
            if (op == OPS_PER_SAVE + 9) {                   // state.json of the second save
                throw new UncheckedIOException(new IOException("disk full"));
            }
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () ->
                PopulationBasedTrainingTest.pbt(ROUNDS).checkpointDir(dir).checkpointIo(failing).build().run());
        assertTrue(e.getMessage().contains("disk full") || e.getCause().getMessage().contains("disk full"), e.toString());
        assertEquals(straight, PopulationBasedTrainingTest.pbt(ROUNDS).checkpointDir(dir).build().run().history());
    }

    @Test
    void aChangedCheckpointIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        PopulationBasedTrainingTest.pbt(2).checkpointDir(dir).build().run();
        Path params = dir.resolve("gen-000002").resolve("member-0.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 1] ^= 1;
        Files.write(params, bytes);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PopulationBasedTrainingTest.pbt(ROUNDS).checkpointDir(dir).build().run());
        assertEquals("The PBT checkpoint file " + params + " does not match its recorded length and checksum; delete "
                + dir + " to start over", e.getMessage());
    }

    @Test
    void theOldFormatIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pbt-state.json"), "{}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PopulationBasedTrainingTest.pbt(ROUNDS).checkpointDir(dir).build().run());
        assertTrue(e.getMessage().contains("older format"), e.getMessage());
    }
}
