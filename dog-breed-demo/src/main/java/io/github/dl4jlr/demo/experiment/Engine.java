package io.github.dl4jlr.demo.experiment;

import io.github.dl4jlr.internal.util.Args;
import io.github.dl4jlr.tuning.LocalMemberTrainer;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a list of runs and returns their summaries in the same order: in this JVM, or on Spark. */
public interface Engine extends AutoCloseable {

    /**
     * @param afterEachRun called after each run finishes (on this JVM), e.g. to refresh metrics.csv
     */
    List<RunSummary> run(List<RunTask> tasks, Progress progress, Runnable afterEachRun);

    @Override
    default void close() {
    }

    /** Memory one run of the default size needs at most, heap and off-heap together (measured: see the README). */
    long BYTES_PER_RUN = 1L << 30;

    /**
     * How many runs train at once by default: one per core, as far as memory allows ({@link #BYTES_PER_RUN} each, out
     * of the smaller of the JVM's heap and ND4J's off-heap limit), at least 1.
     *
     * @param cores     available processors
     * @param heapBytes the JVM's maximum heap
     * @param offHeap   ND4J's off-heap limit (JavaCPP's {@code maxBytes})
     */
    static int defaultParallelism(int cores, long heapBytes, long offHeap) {
        long byMemory = Math.min(heapBytes, offHeap) / BYTES_PER_RUN;
        return (int) Math.max(1, Math.min(cores, byMemory));
    }

    /** {@link #defaultParallelism(int, long, long)} for this JVM. */
    static int defaultParallelism() {
        return defaultParallelism(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                org.bytedeco.javacpp.Pointer.maxBytes());
    }

    /** One run after the other in this JVM; PBT members on the local trainer. */
    static Engine local() {
        return local(1);
    }

    /**
     * Runs in this JVM on {@code threads} threads at once, each with its own PBT member trainer; summaries in task
     * order. Runs share nothing but the decoded images (read-only) and write to their own run folders, so the results
     * are those of one run after the other.
     */
    static Engine local(int threads) {
        Args.positive("threads", threads);
        return (tasks, progress, afterEachRun) -> threads == 1 ? sequential(tasks, progress, afterEachRun)
                : parallel(threads, tasks, progress, afterEachRun);
    }

    private static List<RunSummary> sequential(List<RunTask> tasks, Progress progress, Runnable afterEachRun) {
        List<RunSummary> out = new ArrayList<>();
        try (LocalMemberTrainer members = new LocalMemberTrainer(1)) {
            for (RunTask t : tasks) {
                out.add(t.run(members, progress));
                afterEachRun.run();
            }
        }
        return out;
    }

    private static List<RunSummary> parallel(int threads, List<RunTask> tasks, Progress progress,
                                             Runnable afterEachRun) {
        // each run's ops on its own share of the cores, so runs do not fight over them; the numbers stay those of a
        // sequential run (DogBreedDemoTest compares them)
        int opThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / threads);
        int before = Nd4j.getEnvironment().maxThreads();
        Nd4j.getEnvironment().setMaxThreads(opThreads);
        Progress shared = Progress.concurrent(progress);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "demo-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunSummary>> futures = new ArrayList<>();
            for (RunTask t : tasks) {
                futures.add(pool.submit(() -> {
                    try (LocalMemberTrainer members = new LocalMemberTrainer(1)) {
                        RunSummary s = t.run(members, shared);
                        synchronized (afterEachRun) {
                            afterEachRun.run();
                        }
                        return s;
                    }
                }));
            }
            List<RunSummary> out = new ArrayList<>();
            for (Future<RunSummary> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            Nd4j.getEnvironment().setMaxThreads(before);
        }
    }
}
