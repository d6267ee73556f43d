package io.github.dl4jlr.monitor;

import io.github.dl4jlr.internal.nn.NetworkAdapter;
import io.github.dl4jlr.internal.nn.TrainingSnapshot;
import io.github.dl4jlr.internal.util.Args;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Up to {@code capacity} snapshots of one network, newest first, each with the loss bookkeeping of its moment. A new
 * snapshot reuses the arrays of the oldest one once the ring is full, so steady-state snapshots allocate nothing.
 * Memory: {@code capacity} copies of the parameters plus the updater state (Adam: 3x the parameters each).
 */
final class SnapshotRing {

    /** One kept state. */
    record Entry(TrainingSnapshot snapshot, DivergenceRules.State loss) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    SnapshotRing(int capacity) {
        this.capacity = Args.positive("snapshots", capacity);
    }

    /** Copies the network's current state in as the newest entry. */
    void push(NetworkAdapter net, DivergenceRules.State loss) {
        TrainingSnapshot s = entries.size() < capacity ? TrainingSnapshot.capture(net)
                : entries.removeLast().snapshot().refresh(net);
        entries.addFirst(new Entry(s, loss));
    }

    /** Discards the {@code n} newest entries (they belong to a timeline that failed). */
    void dropNewest(int n) {
        Args.check(n >= 0 && n < entries.size(), "0 <= n < " + entries.size() + " entries to drop", n);
        for (int i = 0; i < n; i++) {
            entries.removeFirst();
        }
    }

    /** The newest entry, or null when empty. */
    Entry newest() {
        return entries.peekFirst();
    }

    int size() {
        return entries.size();
    }
}
