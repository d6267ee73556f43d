package io.github.dl4jlr.tuning;

import io.github.dl4jlr.internal.util.Args;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a round's members in this JVM: one after another, or on {@code threads} worker threads. Each task builds its
 * network from the configuration JSON ({@link MemberSpec#train}), exactly as a remote worker would.
 */
public final class LocalMemberTrainer implements MemberTrainer {

    private final int threads;
    private ExecutorService pool;

    /** @param threads worker threads; 1 trains the members in order */
    public LocalMemberTrainer(int threads) {
        this.threads = Args.positive("threads", threads);
    }

    @Override
    public synchronized List<MemberOutcome> train(MemberSpec spec, List<MemberTask> tasks) {
        List<MemberOutcome> out = new ArrayList<>();
        if (threads == 1) {
            for (MemberTask t : tasks) {
                out.add(spec.train(t));
            }
            return out;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads);
        }
        List<Future<MemberOutcome>> futures = new ArrayList<>();
        for (MemberTask t : tasks) {
            futures.add(pool.submit(() -> spec.train(t)));
        }
        for (Future<MemberOutcome> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("PBT interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                        : new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }
}
