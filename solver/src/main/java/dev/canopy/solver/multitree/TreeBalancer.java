package dev.canopy.solver.multitree;

import java.util.Arrays;

/**
 * Evens out the slots between a {@link TreeAssignment}'s trees after its region-by-region
 * placement: moves whole small peers from trees with slots to spare to trees short of them, then,
 * only if the servers cannot cover what is still short, splits a peer (interior in a second tree
 * with part of its slots, a relaxation counted in {@link TreeAssignment#splits}). Split out of
 * {@link TreeAssignment} to keep the placement and the balancing each in a class of its own.
 *
 * <p>Contract: changes the assignment in place ({@code tree}, {@code second}, {@code
 * secondSlots}, {@code treeSlots}, {@code splits}); deterministic (peers taken by slots, then
 * node order). Not thread-safe; one per call of {@link TreeAssignment#balance}.
 */
final class TreeBalancer {
    private static final int NONE = -1;

    private final ChannelMembers m;
    private final TreeAssignment a;
    private final int trees;
    /** The assignment's per-node interior tree (shared, changed in place). */
    private final int[] tree;
    /** The assignment's per-node second interior tree (shared, changed in place). */
    private final int[] second;
    /** The assignment's per-tree slots (shared, changed in place). */
    private final long[] treeSlots;

    private final int[] relays;

    TreeBalancer(ChannelMembers m, TreeAssignment a) {
        this.m = m;
        this.a = a;
        this.trees = m.trees;
        this.tree = a.tree;
        this.second = a.second;
        this.treeSlots = a.treeSlots;
        this.relays = a.relays;
    }

    /**
     * Evens out trees: {@code need[s]} is how many receivers of tree s peers should feed. Moves
     * whole peers from trees with slots to spare to trees short of them; then, if the servers'
     * {@code serverSlots} cannot cover the shortfall that is left (data trees first), splits peers.
     */
    void balance(long[] need, long serverSlots) {
        int[][] byTree = peersBySlots();
        for (int guard = 0; guard < 4 * m.flags.length + 16; guard++) {
            int shortTree = mostShort(need);
            int spareTree = mostSpare(need);
            if (shortTree == NONE || spareTree == NONE) {
                break;
            }
            long limit = Math.min(need[shortTree] - treeSlots[shortTree], treeSlots[spareTree] - need[spareTree]);
            int node = largestAtMost(byTree[spareTree], spareTree, limit);
            if (node == NONE) {
                break;
            }
            tree[node] = shortTree;
            treeSlots[spareTree] -= m.slots[node];
            treeSlots[shortTree] += m.slots[node];
        }
        while (shortfall(need) > serverSlots) {
            int shortTree = mostShort(need);
            int spareTree = mostSpare(need);
            if (shortTree == NONE || spareTree == NONE) {
                return;
            }
            long limit = Math.min(need[shortTree] - treeSlots[shortTree], treeSlots[spareTree] - need[spareTree]);
            int node = splittable(byTree[spareTree], spareTree);
            if (node == NONE) {
                return;
            }
            int moved = (int) Math.min(limit, m.slots[node] - 1L);
            second[node] = shortTree;
            a.secondSlots[node] = moved;
            treeSlots[spareTree] -= moved;
            treeSlots[shortTree] += moved;
            a.splits++;
        }
    }

    private long shortfall(long[] need) {
        long total = 0;
        for (int s = 0; s < trees; s++) {
            total += Math.max(0, need[s] - treeSlots[s]);
        }
        return total;
    }

    /** The tree most short of slots (data trees before parity trees), or -1. */
    private int mostShort(long[] need) {
        int best = NONE;
        for (int s = 0; s < trees; s++) {
            long gap = need[s] - treeSlots[s];
            boolean data = s < m.k;
            if (gap > 0
                    && (best == NONE
                            || (data && best >= m.k)
                            || ((data == best < m.k) && gap > need[best] - treeSlots[best]))) {
                best = s;
            }
        }
        return best;
    }

    private int mostSpare(long[] need) {
        int best = NONE;
        for (int s = 0; s < trees; s++) {
            long spare = treeSlots[s] - need[s];
            if (spare > 0 && (best == NONE || spare > treeSlots[best] - need[best])) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Per tree, its peers by slots ascending, then node order: a counting sort over (tree,
     * slots) when slots are few, as they are for peers (a peer's uplink over the substream rate).
     */
    private int[][] peersBySlots() {
        int maxSlots = 0;
        for (int node : relays) {
            maxSlots = Math.max(maxSlots, m.slots[node]);
        }
        long width = maxSlots + 1L;
        if (width * trees > 4L * relays.length + 1024) {
            return peersBySlotsSorted();
        }
        int[] start = new int[(int) width * trees + 1];
        for (int node : relays) {
            start[tree[node] * (int) width + m.slots[node] + 1]++;
        }
        for (int b = 1; b < start.length; b++) {
            start[b] += start[b - 1];
        }
        int[][] out = new int[trees][];
        for (int s = 0; s < trees; s++) {
            out[s] = new int[start[(s + 1) * (int) width] - start[s * (int) width]];
        }
        int[] fill = Arrays.copyOf(start, start.length - 1);
        for (int node = 0; node < tree.length; node++) {
            int s = tree[node];
            if (s >= 0) {
                int bucket = s * (int) width + m.slots[node];
                out[s][fill[bucket]++ - start[s * (int) width]] = node;
            }
        }
        return out;
    }

    /** {@link #peersBySlots} by sorting, for peers of very many slots. */
    private int[][] peersBySlotsSorted() {
        int[] count = new int[trees];
        for (int node : relays) {
            count[tree[node]]++;
        }
        long[][] keys = new long[trees][];
        for (int s = 0; s < trees; s++) {
            keys[s] = new long[count[s]];
        }
        int[] fill = new int[trees];
        for (int node : relays) {
            int s = tree[node];
            keys[s][fill[s]++] = ((long) m.slots[node] << 25) | node;
        }
        int[][] out = new int[trees][];
        for (int s = 0; s < trees; s++) {
            Arrays.sort(keys[s]);
            out[s] = new int[count[s]];
            for (int j = 0; j < count[s]; j++) {
                out[s][j] = (int) (keys[s][j] & ((1 << 25) - 1));
            }
        }
        return out;
    }

    /** The peer of the most slots at most {@code limit} still interior in tree s, or -1. */
    private int largestAtMost(int[] peers, int s, long limit) {
        int lo = 0;
        int hi = peers.length - 1;
        int at = NONE;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (m.slots[peers[mid]] <= limit) {
                at = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (int j = at; j >= 0; j--) {
            if (tree[peers[j]] == s && second[peers[j]] == NONE) {
                return peers[j];
            }
        }
        return NONE;
    }

    /** The peer of the most slots in tree s not split yet, with at least two slots, or -1. */
    private int splittable(int[] peers, int s) {
        for (int j = peers.length - 1; j >= 0; j--) {
            int node = peers[j];
            if (m.slots[node] < 2) {
                return NONE;
            }
            if (tree[node] == s && second[node] == NONE) {
                return node;
            }
        }
        return NONE;
    }
}
