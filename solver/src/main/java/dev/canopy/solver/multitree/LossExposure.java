package dev.canopy.solver.multitree;

import java.util.Arrays;

/**
 * How exposed each receiver is to peer failures, from the paths the trees built so far give it:
 * per node, the peers on its path in the tree being built (servers do not fail), and over the
 * trees it holds a substream of, the sum of those counts and of their squares. A receiver
 * holding k + j substreams loses the stream when j + 1 of its paths are cut, and a path of L
 * peers is cut with probability about L x q when a share q of the peers fail (each peer is
 * interior in one tree, so different trees' paths share no peer). So a receiver one substream
 * short of a spare loses it with probability about q x (sum of L), and one with a single spare
 * with about q^2 x (sum over pairs of paths of L_i x L_j); the parity trees, whose copies are
 * too few for everyone (homogeneous 1.2 x uplinks: a peer sends 9 copies, a receiver wants 10),
 * should give them where that loss is highest ({@link #leafOrder}).
 *
 * <p>Arrays indexed by node number; not thread-safe, one per {@link TreeBuilder}. Without parity
 * trees nothing reads it, so it records nothing and holds no arrays (a million-peer multi-tree
 * channel would otherwise pay 20 MB and a write per edge for it).
 */
final class LossExposure {
    /** Keys are capped here so that they fit their field of the sort key. */
    private static final long KEY_CAP = (1L << 30) - 1;

    private final ChannelMembers m;
    /** Per node: peers on its path in the current tree, its parent included, itself not. */
    private final int[] hops;
    /** Per node: over the trees it holds, the sum of {@link #hops}. */
    private final long[] sum;
    /** Per node: over the trees it holds, the sum of the squares of {@link #hops}. */
    private final long[] squares;

    /** Whether the channel has parity trees, the only ones that read the exposure. */
    private final boolean active;

    /** Whether the data trees gather the deep paths on the same receivers (see {@link #leafOrder}). */
    private final boolean gather;

    /**
     * @param gather whether the channel's copies are too few to give every receiver a spare
     *     substream, so that the data trees' leaves go least exposed first
     */
    LossExposure(ChannelMembers m, boolean gather) {
        this.m = m;
        this.gather = gather;
        this.active = m.trees > m.k;
        int n = active ? m.flags.length : 0;
        hops = new int[n];
        sum = new long[n];
        squares = new long[n];
    }

    /** Records that the child got a substream in the current tree under the parent (placed earlier in it). */
    void edge(int parent, int child) {
        if (!active) {
            return;
        }
        int h = m.has(parent, ChannelMembers.SERVER) ? hops[parent] : hops[parent] + 1;
        hops[child] = h;
        sum[child] += h;
        squares[child] += (long) h * h;
    }

    /**
     * Records the child's place under the parent in the current tree again, for an edge {@link
     * #edge} recorded while another tree was built (what only servers may feed is placed in every
     * tree first).
     */
    void rehang(int parent, int child) {
        if (!active) {
            return;
        }
        hops[child] = m.has(parent, ChannelMembers.SERVER) ? hops[parent] : hops[parent] + 1;
    }

    /** A source, at the root of the current tree: no peer above it. */
    void root(int node) {
        if (!active) {
            return;
        }
        hops[node] = 0;
    }

    /**
     * The leaves of tree s in the order they are to take slots (earlier ones get the shallower
     * slots of their region): {@code order} itself (the same object) without parity trees, for
     * the first tree, or when some receiver joining k trees holds fewer than it could by now
     * (then the channel run ejects and retries, and a new order would change who comes out
     * short). In a data tree, when the copies are too few to give every receiver a spare
     * substream ({@code gather}: the served then hold about k, and any cut path loses the
     * stream), the least exposed first (smallest sum of its paths' peers): the receivers that got
     * the shallow slots of earlier trees get them again and the deep paths gather on the others,
     * and since a receiver keeps the stream with probability (1 - q)^(its paths' peers), convex
     * in them, gathering the deep paths on fewer receivers loses fewer (critical, 10,000 peers,
     * parity 2, seed 1: expected share kept at 1 % failed 85.3 to 87.4 %, and 74 to 78 % of the
     * peers served). Otherwise, or with spare copies, the planner's order: gathered, the homogeneous
     * family's samples lost more receivers for the same expected share (the peers failing
     * together share more receivers), and spread evenly, the expected share fell (99.38 to 99.37
     * %, 10,000 peers, seed 1). In a parity tree, fewest substreams held first; within a count
     * lightweight ones first (they need regular parents), then the most exposed first: for a
     * receiver holding at most k, by the sum of its paths' peers (its loss without a spare),
     * else by the sum over pairs of its paths of the product of their peers (with one spare);
     * ties in {@code order}'s order.
     *
     * @param order the channel's leaves in the planner's order (tier, lightweight first)
     * @param got per node, substreams held so far
     * @param s the tree about to be built
     */
    int[] leafOrder(int[] order, int[] got, int s) {
        if (m.trees == m.k || s == 0 || (s < m.k && !gather) || !m.allHold(order, got, Math.min(s, m.k))) {
            return order;
        }
        return sorted(order, got, s >= m.k);
    }

    private int[] sorted(int[] order, int[] got, boolean mostFirst) {
        long[] keys = new long[order.length];
        for (int j = 0; j < order.length; j++) {
            int v = order[j];
            long held = Math.min(got[v], m.trees);
            long light = m.has(v, ChannelMembers.LIGHT) ? 0 : 1;
            long exposure = Math.min(KEY_CAP, got[v] <= m.k ? sum[v] : (sum[v] * sum[v] - squares[v]) / 2);
            long key = mostFirst ? KEY_CAP - exposure : exposure;
            keys[j] = (held << 56) | (light << 55) | (key << 25) | j;
        }
        Arrays.sort(keys);
        int[] out = new int[order.length];
        for (int j = 0; j < keys.length; j++) {
            out[j] = order[(int) (keys[j] & ((1 << 25) - 1))];
        }
        return out;
    }
}
