package dev.canopy.solver.replan;

import dev.canopy.model.plan.Unserved;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one batch touched, with the value before its first touch: tree assignments (tree, child)
 * with their old parent and initiator, and (channel, node) pairs whose unserved entry may have
 * changed. The batch's diff compares these with the state after the batch, so its cost follows
 * the edges touched, not the plan's size. Not thread-safe.
 */
final class Journal {
    /** Old parent (or -1) and initiator ordinal, by (tree, child). */
    private Map<Long, long[]> edges = new LinkedHashMap<>();

    /** (channel, node) pairs touched, with their unserved entry before (empty: served or not wanted). */
    private Map<Long, Optional<Unserved>> pairs = new LinkedHashMap<>();

    static long key(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    static int high(long key) {
        return (int) (key >>> 32);
    }

    static int low(long key) {
        return (int) key;
    }

    /** Edge counts of the trees touched, before their first touch. */
    private Map<Integer, Integer> trees = new LinkedHashMap<>();

    void tree(int tree, int edgesBefore) {
        trees.putIfAbsent(tree, edgesBefore);
    }

    Map<Integer, Integer> trees() {
        return trees;
    }

    void edge(int tree, int child, int parent, int initiator) {
        edges.putIfAbsent(key(tree, child), new long[] {parent, initiator});
    }

    /** Records the pair's entry before the batch; {@code before} is produced only at first touch. */
    void pair(int channel, int node, Supplier<Optional<Unserved>> before) {
        long k = key(channel, node);
        if (!pairs.containsKey(k)) {
            pairs.put(k, before.get());
        }
    }

    Map<Long, long[]> edges() {
        return edges;
    }

    Map<Long, Optional<Unserved>> pairs() {
        return pairs;
    }

    int edgeCount() {
        return edges.size();
    }

    /** Forgets everything; fresh maps, since clearing one that once held a whole plan costs its capacity. */
    void clear() {
        edges = new LinkedHashMap<>();
        pairs = new LinkedHashMap<>();
        trees = new LinkedHashMap<>();
    }
}
