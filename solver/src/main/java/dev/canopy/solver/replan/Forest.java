package dev.canopy.solver.replan;

import dev.canopy.model.plan.Initiator;
import java.util.Arrays;

/**
 * The trees of every (channel, substream) as mutable arrays over dense node numbers: each node's
 * parent and initiator per tree (-1: none), and each node's children per tree. Tree {@code t}
 * is substream {@code t - first(c)} of channel {@code c}. Changing an edge here changes nothing
 * else; {@link State} keeps the ledger, reception counts and journal in step. Not thread-safe.
 */
final class Forest {
    private static final int[] NONE = new int[0];
    private static final Initiator[] INITIATORS = Initiator.values();

    private final int[] treeChannel;
    private final int[] treeSubstream;
    private final int[] firstTree;
    private int[][] parent;
    private byte[][] initiator;
    private int[][][] kids;
    private int[][] kidCount;
    /** Per tree: each node's position in its parent's list of children, so that unlinking is O(1). */
    private int[][] slot;

    private int capacity;

    Forest(int[] substreamsPerChannel, int nodes) {
        int channels = substreamsPerChannel.length;
        firstTree = new int[channels + 1];
        for (int c = 0; c < channels; c++) {
            firstTree[c + 1] = firstTree[c] + substreamsPerChannel[c];
        }
        int trees = firstTree[channels];
        treeChannel = new int[trees];
        treeSubstream = new int[trees];
        for (int c = 0; c < channels; c++) {
            for (int t = firstTree[c]; t < firstTree[c + 1]; t++) {
                treeChannel[t] = c;
                treeSubstream[t] = t - firstTree[c];
            }
        }
        capacity = Math.max(16, nodes);
        parent = new int[trees][capacity];
        initiator = new byte[trees][capacity];
        kids = new int[trees][capacity][];
        kidCount = new int[trees][capacity];
        slot = new int[trees][capacity];
        for (int t = 0; t < trees; t++) {
            Arrays.fill(parent[t], -1);
        }
    }

    int trees() {
        return treeChannel.length;
    }

    int channel(int tree) {
        return treeChannel[tree];
    }

    int substream(int tree) {
        return treeSubstream[tree];
    }

    /** The first tree of a channel. */
    int first(int channel) {
        return firstTree[channel];
    }

    /** One past the channel's last tree. */
    int end(int channel) {
        return firstTree[channel + 1];
    }

    int parent(int tree, int node) {
        return parent[tree][node];
    }

    Initiator initiator(int tree, int node) {
        return INITIATORS[initiator[tree][node]];
    }

    int childCount(int tree, int node) {
        return kidCount[tree][node];
    }

    /** The node's children in a tree; only the first {@link #childCount} entries are valid. */
    int[] children(int tree, int node) {
        int[] list = kids[tree][node];
        return list == null ? NONE : list;
    }

    /** A copy of the node's children in a tree, safe to iterate while edges change. */
    int[] childrenCopy(int tree, int node) {
        return Arrays.copyOf(children(tree, node), kidCount[tree][node]);
    }

    void link(int tree, int child, int parentNode, Initiator opener) {
        parent[tree][child] = parentNode;
        initiator[tree][child] = (byte) opener.ordinal();
        int[] list = kids[tree][parentNode];
        int count = kidCount[tree][parentNode];
        if (list == null) {
            list = new int[4];
        } else if (count == list.length) {
            list = Arrays.copyOf(list, count * 2);
        }
        list[count] = child;
        slot[tree][child] = count;
        kids[tree][parentNode] = list;
        kidCount[tree][parentNode] = count + 1;
    }

    /** Removes the child's edge: the last of its parent's children takes its place in the list. */
    void unlink(int tree, int child) {
        int p = parent[tree][child];
        int[] list = kids[tree][p];
        int last = kidCount[tree][p] - 1;
        int at = slot[tree][child];
        list[at] = list[last];
        slot[tree][list[at]] = at;
        kidCount[tree][p] = last;
        parent[tree][child] = -1;
    }

    /**
     * Whether {@code node} hangs under a root that is a source of the tree's channel, without
     * passing {@code avoid} on the way up (-1 avoids nothing); returns its depth (hops from the
     * root) or -1.
     */
    int rootedDepth(int tree, int node, int avoid, boolean[] source) {
        return rootedDepth(tree, node, avoid, source, capacity);
    }

    /** {@link #rootedDepth}, but -1 as soon as the walk up passes {@code deepest} hops. */
    int rootedDepth(int tree, int node, int avoid, boolean[] source, int deepest) {
        int limit = Math.min(deepest, capacity);
        int depth = 0;
        int v = node;
        while (true) {
            if (v == avoid) {
                return -1;
            }
            int p = parent[tree][v];
            if (p < 0) {
                return source[v] ? depth : -1;
            }
            v = p;
            depth++;
            if (depth > limit) {
                return -1;
            }
        }
    }

    /** Hops from the node to its deepest descendant in the tree, stopping once beyond {@code limit}. */
    int height(int tree, int node, int limit) {
        if (limit < 0) {
            return 0;
        }
        int best = 0;
        int count = kidCount[tree][node];
        int[] list = kids[tree][node];
        for (int i = 0; i < count && best <= limit; i++) {
            best = Math.max(best, 1 + height(tree, list[i], limit - 1));
        }
        return best;
    }

    /** Makes room for node numbers below {@code nodes}. */
    void grow(int nodes) {
        if (nodes <= capacity) {
            return;
        }
        int grown = Math.max(nodes, capacity + (capacity >> 1));
        for (int t = 0; t < trees(); t++) {
            parent[t] = Arrays.copyOf(parent[t], grown);
            Arrays.fill(parent[t], capacity, grown, -1);
            initiator[t] = Arrays.copyOf(initiator[t], grown);
            kids[t] = Arrays.copyOf(kids[t], grown);
            kidCount[t] = Arrays.copyOf(kidCount[t], grown);
            slot[t] = Arrays.copyOf(slot[t], grown);
        }
        capacity = grown;
    }
}
