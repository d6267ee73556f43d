package io.github.dl4jlr.demo.experiment;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How far the demo has come, without saying how it is shown: the console's progress bar implements it, tests and
 * benchmarks pass {@link #NONE}. Implementations must be thread-safe (images are decoded in parallel).
 */
public interface Progress {

    /** Shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void total(long steps) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void label(String text) {
        }
    };

    /** The number of steps the whole task takes (it may be raised later). */
    void total(long steps);

    /** {@code steps} more steps are done. */
    void advance(long steps);

    /** What is being done now, e.g. "adam seed 0". */
    void label(String text);

    /**
     * {@code inner} for runs on several threads at once: the label lists what every thread is doing, e.g.
     * {@code "adam seed 0 | sgd seed 1"}.
     */
    static Progress concurrent(Progress inner) {
        Map<Thread, String> doing = new ConcurrentHashMap<>();
        return new Progress() {
            @Override
            public void total(long steps) {
                inner.total(steps);
            }

            @Override
            public void advance(long steps) {
                inner.advance(steps);
            }

            @Override
            public void label(String text) {
                doing.put(Thread.currentThread(), text);
                inner.label(String.join(" | ", new TreeMap<>(doing.entrySet().stream().collect(
                        Collectors.toMap(e -> e.getKey().getId(), Map.Entry::getValue))).values()));
            }
        };
    }

    /**
     * {@code inner} that halts the JVM, as a kill would (no shutdown hooks, no cleanup), once {@code steps} steps are
     * done: for tests of {@code --resume} that must not race a child process.
     */
    static Progress haltingAfter(Progress inner, long steps) {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        return new Progress() {
            @Override
            public void total(long total) {
                inner.total(total);
            }

            @Override
            public void advance(long n) {
                inner.advance(n);
                if (done.addAndGet(n) >= steps) {
                    Runtime.getRuntime().halt(HALT_EXIT_CODE);
                }
            }

            @Override
            public void label(String text) {
                inner.label(text);
            }
        };
    }

    /** The exit code of a JVM stopped by {@link #haltingAfter}: that of a SIGKILL. */
    int HALT_EXIT_CODE = 137;
}
