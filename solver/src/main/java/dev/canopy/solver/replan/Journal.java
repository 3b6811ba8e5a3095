package dev.canopy.solver.replan;

import dev.canopy.model.plan.Unserved;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one batch touched, with the value before its first touch: tree assignments (tree, child)
 * with their old parent and initiator, (channel, node) pairs whose unserved entry may have
 * changed, and the edge counts of the trees touched. The batch's diff compares these with the
 * state after the batch, so its cost follows the edges touched, not the plan's size. Entries are
 * numbered in the order of first touch and kept in primitive arrays (no boxing on the repair
 * path). Not thread-safe.
 */
final class Journal {
    private LongSlots edges = new LongSlots();
    private int[] edgeParent = new int[32];
    private byte[] edgeInitiator = new byte[32];
    private LongSlots pairs = new LongSlots();
    private List<Optional<Unserved>> pairBefore = new ArrayList<>();
    /** Edge count before the first touch by tree, or -1 when untouched; and the trees touched. */
    private int[] treeBefore = new int[0];

    private int[] treesTouched = new int[8];
    private int treeCount;

    static long key(int high, int low) {
        return ((long) high << 32) | (low & 0xffffffffL);
    }

    static int high(long key) {
        return (int) (key >>> 32);
    }

    static int low(long key) {
        return (int) key;
    }

    void tree(int tree, int edgesBefore) {
        if (tree >= treeBefore.length) {
            int old = treeBefore.length;
            treeBefore = Arrays.copyOf(treeBefore, Math.max(8, 2 * (tree + 1)));
            Arrays.fill(treeBefore, old, treeBefore.length, -1);
        }
        if (treeBefore[tree] < 0) {
            treeBefore[tree] = edgesBefore;
            if (treeCount == treesTouched.length) {
                treesTouched = Arrays.copyOf(treesTouched, 2 * treeCount);
            }
            treesTouched[treeCount++] = tree;
        }
    }

    /** Trees touched, in order of first touch. */
    int treeCount() {
        return treeCount;
    }

    int touchedTree(int i) {
        return treesTouched[i];
    }

    /** The tree's edge count before the batch. */
    int treeEdgesBefore(int tree) {
        return treeBefore[tree];
    }

    void edge(int tree, int child, int parent, int initiator) {
        int slot = edges.add(key(tree, child));
        if (slot >= 0) {
            if (slot == edgeParent.length) {
                edgeParent = Arrays.copyOf(edgeParent, 2 * slot);
                edgeInitiator = Arrays.copyOf(edgeInitiator, 2 * slot);
            }
            edgeParent[slot] = parent;
            edgeInitiator[slot] = (byte) initiator;
        }
    }

    /** Records the pair's entry before the batch; {@code before} is produced only at first touch. */
    void pair(int channel, int node, Supplier<Optional<Unserved>> before) {
        if (pairs.add(key(channel, node)) >= 0) {
            pairBefore.add(before.get());
        }
    }

    /** Tree assignments touched, numbered in order of first touch. */
    int edgeCount() {
        return edges.size();
    }

    /** The {@link #key}(tree, child) of a touched assignment. */
    long edgeKey(int i) {
        return edges.key(i);
    }

    /** Its parent before the batch, or -1. */
    int edgeParentBefore(int i) {
        return edgeParent[i];
    }

    /** Its initiator's ordinal before the batch (meaningless without a parent). */
    int edgeInitiatorBefore(int i) {
        return edgeInitiator[i];
    }

    /** (channel, node) pairs touched, numbered in order of first touch. */
    int pairCount() {
        return pairs.size();
    }

    /** The {@link #key}(channel, node) of a touched pair. */
    long pairKey(int i) {
        return pairs.key(i);
    }

    /** Its unserved entry before the batch (empty: served or not wanted). */
    Optional<Unserved> pairBefore(int i) {
        return pairBefore.get(i);
    }

    /** Forgets everything; fresh tables, since clearing one that once held a whole plan costs its capacity. */
    void clear() {
        edges = new LongSlots();
        pairs = new LongSlots();
        pairBefore = new ArrayList<>();
        for (int i = 0; i < treeCount; i++) {
            treeBefore[treesTouched[i]] = -1;
        }
        treeCount = 0;
    }
}
