package dev.canopy.solver.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Holders of each substream of one channel that may still send it, grouped by a key (a leaf
 * region, a country, or one key for everyone), kept in plain arrays so that a tracker can draw
 * one uniformly at random in constant time. Regular and lightweight holders are kept apart, so a
 * lightweight child (which must not be paired with another lightweight node) draws among
 * regular holders only. A holder that has run out of room stays listed until it is drawn or
 * scanned, and is then swap-removed; {@link #offer} lists it again once it has room again.
 *
 * <p>Keys are dense: 0 .. keys-1; a node whose key is negative is never listed. Not
 * thread-safe: one per channel of one planning call.
 */
final class HolderPools {
    private static final int REGULAR = 0;
    private static final int LIGHTWEIGHT = 1;

    private final int keys;
    private final int[] keyOf;
    private final boolean[] lightweight;
    private final int[][] members;
    private final int[] size;
    private final boolean[][] listed;

    /**
     * Pools for {@code substreams} substreams; {@code keyOf[node]} is the node's key (negative:
     * never listed) and {@code lightweight[node]} whether it is lightweight.
     */
    HolderPools(int substreams, int keys, int[] keyOf, boolean[] lightweight) {
        this.keys = keys;
        this.keyOf = keyOf;
        this.lightweight = lightweight;
        this.members = new int[substreams * keys * 2][];
        this.size = new int[members.length];
        this.listed = new boolean[substreams][keyOf.length];
    }

    /** The key a node is pooled under. */
    int keyOf(int node) {
        return keyOf[node];
    }

    /** Lists a holder of a substream, unless it is listed already. */
    void offer(int substream, int node) {
        int key = keyOf[node];
        if (key < 0 || listed[substream][node]) {
            return;
        }
        listed[substream][node] = true;
        int slot = slot(substream, key, lightweight[node] ? LIGHTWEIGHT : REGULAR);
        int[] list = members[slot];
        if (list == null) {
            list = new int[4];
        } else if (size[slot] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
        }
        list[size[slot]++] = node;
        members[slot] = list;
    }

    /**
     * A holder drawn uniformly at random from one pool among those still {@code open} (others
     * met on the way are removed) that the child {@code accepts}; after {@code tries} draws the
     * child did not accept, the pool is scanned from a random offset when {@code scan} is set,
     * else the search gives up. Returns -1 when none is found.
     */
    int draw(
            int substream,
            int key,
            boolean regularOnly,
            SplittableRandom random,
            int tries,
            boolean scan,
            IntPredicate open,
            IntPredicate accept) {
        if (key < 0) {
            return -1;
        }
        int regular = slot(substream, key, REGULAR);
        int light = slot(substream, key, LIGHTWEIGHT);
        int failures = 0;
        while (failures < tries) {
            int nr = size[regular];
            int n = nr + (regularOnly ? 0 : size[light]);
            if (n == 0) {
                return -1;
            }
            int j = random.nextInt(n);
            int slot = j < nr ? regular : light;
            int at = j < nr ? j : j - nr;
            int p = members[slot][at];
            if (!open.test(p)) {
                removeAt(substream, slot, at);
            } else if (accept.test(p)) {
                return p;
            } else {
                failures++;
            }
        }
        return scan ? scan(substream, key, regularOnly, random, open, accept) : -1;
    }

    /** The first holder, from a random offset, that is open and that the child accepts, or -1. */
    int scan(
            int substream,
            int key,
            boolean regularOnly,
            SplittableRandom random,
            IntPredicate open,
            IntPredicate accept) {
        int regular = slot(substream, key, REGULAR);
        int light = slot(substream, key, LIGHTWEIGHT);
        int nr = size[regular];
        int n = nr + (regularOnly ? 0 : size[light]);
        if (n == 0) {
            return -1;
        }
        int offset = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            int j = (offset + i) % n;
            int p = j < nr ? members[regular][j] : members[light][j - nr];
            if (open.test(p) && accept.test(p)) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Any open holder of one pool (the others at its front are removed), or -1: a representative
     * for what all holders under one key share, such as the route to a child.
     */
    int anyOpen(int substream, int key, boolean regularOnly, IntPredicate open) {
        if (key < 0) {
            return -1;
        }
        for (int kind = REGULAR; kind <= (regularOnly ? REGULAR : LIGHTWEIGHT); kind++) {
            int slot = slot(substream, key, kind);
            while (size[slot] > 0) {
                int p = members[slot][size[slot] - 1];
                if (open.test(p)) {
                    return p;
                }
                removeAt(substream, slot, size[slot] - 1);
            }
        }
        return -1;
    }

    private void removeAt(int substream, int slot, int at) {
        int[] list = members[slot];
        listed[substream][list[at]] = false;
        list[at] = list[--size[slot]];
    }

    private int slot(int substream, int key, int kind) {
        return (substream * keys + key) * 2 + kind;
    }
}
