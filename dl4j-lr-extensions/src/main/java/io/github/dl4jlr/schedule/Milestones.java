package io.github.dl4jlr.schedule;

import java.util.Arrays;

/** Binary search over sorted, strictly increasing milestones. */
final class Milestones {

    private Milestones() {
    }

    /** Number of milestones {@code m} with {@code m <= t}; O(log n), no allocation. */
    static int countAtOrBelow(int[] milestones, int t) {
        int idx = Arrays.binarySearch(milestones, t);
        // Found: milestones[0..idx] are <= t. Not found: idx = -(insertion point) - 1.
        return idx >= 0 ? idx + 1 : -idx - 1;
    }
}
