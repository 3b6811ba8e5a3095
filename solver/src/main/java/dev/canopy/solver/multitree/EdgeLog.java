package dev.canopy.solver.multitree;

import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PolicyGate;
import java.util.Arrays;

/**
 * The edges one attempt at a channel's trees has reserved, kept until the attempt is known to
 * serve every receiver it kept whole: then {@link #emitTo} puts them into the plan, in the order
 * they were added; otherwise {@link #releaseAll} gives back every reservation so that the
 * channel can be tried again with more receivers ejected. Three growing int arrays (tree,
 * parent, child), sized up front for the edges expected; not thread-safe, one per channel run,
 * emptied for each attempt.
 */
final class EdgeLog {
    private int[] trees;
    private int[] parents;
    private int[] children;
    private int size;

    /** A log with room for {@code expected} edges before it grows. */
    EdgeLog(int expected) {
        int capacity = Math.max(16, expected);
        trees = new int[capacity];
        parents = new int[capacity];
        children = new int[capacity];
    }

    /** Records an edge of substream {@code tree} that has been reserved through the gate. */
    void add(int tree, int parent, int child) {
        if (size == trees.length) {
            int capacity = size + (size >> 1);
            trees = Arrays.copyOf(trees, capacity);
            parents = Arrays.copyOf(parents, capacity);
            children = Arrays.copyOf(children, capacity);
        }
        trees[size] = tree;
        parents[size] = parent;
        children[size] = child;
        size++;
    }

    /** Edges recorded. */
    int size() {
        return size;
    }

    /** The parent of the e-th edge recorded. */
    int parent(int e) {
        return parents[e];
    }

    /** The child of the e-th edge recorded. */
    int child(int e) {
        return children[e];
    }

    /**
     * Puts every recorded edge into the plan, in the order recorded; who initiates follows the
     * members' lightweight flags.
     */
    void emitTo(PlanAssembler plan, ChannelMembers m) {
        int[] perTree = new int[m.trees];
        for (int e = 0; e < size; e++) {
            perTree[trees[e]]++;
        }
        for (int s = 0; s < perTree.length; s++) {
            plan.expectEdges(m.channel, s, perTree[s]);
        }
        for (int e = 0; e < size; e++) {
            plan.edge(
                    m.channel,
                    trees[e],
                    parents[e],
                    children[e],
                    Pairing.initiator(
                            m.has(parents[e], ChannelMembers.LIGHT), m.has(children[e], ChannelMembers.LIGHT)));
        }
    }

    /** Gives back through the gate every reservation recorded, last first, and forgets them (the log may be used again). */
    void releaseAll(PolicyGate gate, int channel, long substreamKbps) {
        for (int e = size - 1; e >= 0; e--) {
            gate.release(parents[e], children[e], channel, trees[e], substreamKbps);
        }
        size = 0;
    }

    /**
     * Gives back the edges whose child is marked in {@code dropped} (receivers dropped after the
     * build, none of them a parent) and forgets them; the others keep their order.
     */
    void releaseChildren(PolicyGate gate, int channel, long substreamKbps, boolean[] dropped) {
        int kept = 0;
        for (int e = 0; e < size; e++) {
            if (dropped[children[e]]) {
                gate.release(parents[e], children[e], channel, trees[e], substreamKbps);
            } else {
                trees[kept] = trees[e];
                parents[kept] = parents[e];
                children[kept] = children[e];
                kept++;
            }
        }
        size = kept;
    }

    /** Counts the recorded edges as one channel of {@code treeCount} trees. */
    void countInto(RelayCounts.Tally tally, int treeCount) {
        tally.channel(treeCount);
        for (int e = 0; e < size; e++) {
            tally.edge(trees[e], parents[e], children[e]);
        }
        tally.endChannel();
    }

    /** Per node: whether it is the parent of a recorded edge. */
    boolean[] parents(int nodeCount) {
        boolean[] parent = new boolean[nodeCount];
        for (int e = 0; e < size; e++) {
            parent[parents[e]] = true;
        }
        return parent;
    }
}
