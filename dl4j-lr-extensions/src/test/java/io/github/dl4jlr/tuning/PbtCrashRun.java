package io.github.dl4jlr.tuning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child JVM for {@link PbtCheckpointTest}: runs the test population with a checkpoint folder and halts the JVM (no
 * shutdown hooks, like {@code kill -9}) right before the {@code crashAt}-th file operation of the checkpoint saves.
 */
public final class PbtCrashRun {

    private PbtCrashRun() {
    }

    /** The checkpoint's file operations, counted; {@code onOp} sees the 1-based number of each before it runs. */
    static PbtCheckpoint.Io counting(AtomicInteger ops, java.util.function.IntConsumer onOp) {
        return new PbtCheckpoint.Io() {
            @Override
            public void write(Path file, byte[] bytes) throws IOException {
                onOp.accept(ops.incrementAndGet());
                PbtCheckpoint.Io.FILES.write(file, bytes);
            }

            @Override
            public void moveAtomically(Path from, Path to) throws IOException {
                onOp.accept(ops.incrementAndGet());
                PbtCheckpoint.Io.FILES.moveAtomically(from, to);
            }
        };
    }

    /** {@code args}: checkpoint folder, rounds, operation to halt before. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int crashAt = Integer.parseInt(args[2]);
        PopulationBasedTrainingTest.pbt(rounds).checkpointDir(dir)
                .checkpointIo(counting(new AtomicInteger(), op -> {
                    if (op == crashAt) {
                        Runtime.getRuntime().halt(137);
                    }
                }))
                .build().run();
        System.exit(0);
    }
}
