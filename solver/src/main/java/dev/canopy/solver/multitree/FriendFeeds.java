package dev.canopy.solver.multitree;

import dev.canopy.model.Node;
import dev.canopy.solver.Pairing;
import java.util.Arrays;

/**
 * Receivers whose access list names, besides servers, a relaying peer (a friend), and the trees
 * in which that friend feeds them. Interior in one tree only, a friend could give such a
 * receiver one substream of k and servers would send the rest, although the friend's uplink could
 * carry more: so a friend gives each of its access-list receivers one copy in each of up to
 * {@code joins} trees, as many as its slots allow (receivers in node order), and those slots are
 * taken from its interior tree's share. With parity (coded, k + n trees) a friend feeds a
 * receiver in at most n trees, so that its failure still leaves the receiver k substreams. Where a friend feeds a receiver outside its interior
 * tree, SplitStream's rule is relaxed for that receiver only: such friends are counted in the
 * plan's metric {@value TreePlanner#FRIEND_RELAYS} (and among the peers interior in several
 * trees).
 *
 * <p>A receiver that is itself interior in a tree is not fed there by its friend (servers place
 * it, as they do every access-list receiver). The trees fed form a window of consecutive trees
 * after the receiver's own, so that the servers' remaining copies spread over the trees. Arrays
 * indexed by node number; not thread-safe, one per channel run.
 */
final class FriendFeeds {
    private static final int NONE = -1;

    private final ChannelMembers m;
    /** Per node: the friend that feeds it, or -1. */
    private final int[] friend;
    /** Per node: the first tree its friend feeds it in. */
    private final int[] first;
    /** Per node: in how many trees its friend feeds it (consecutive, modulo its joins). */
    private final int[] count;
    /** Per node: whether it is some receiver's friend (set by {@link #reserve}, then read only). */
    private final boolean[] feeding;

    private FriendFeeds(ChannelMembers m) {
        this.m = m;
        int n = m.flags.length;
        friend = new int[n];
        first = new int[n];
        count = new int[n];
        feeding = new boolean[n];
        Arrays.fill(friend, NONE);
    }

    /**
     * Chooses each access-list receiver's friend and trees, and takes the slots from the friend's
     * interior tree (lowering {@code m.slots} until {@link #giveBack} and {@code a.treeSlots}); call
     * after the assignment, before balancing.
     */
    static FriendFeeds reserve(ChannelMembers m, TreeAssignment a) {
        FriendFeeds feeds = new FriendFeeds(m);
        int cap = m.trees > m.k ? m.trees - m.k : m.trees;
        for (int r : m.receivers) {
            if (!m.active(r) || !m.restricted(r) || m.has(r, ChannelMembers.SERVER)) {
                continue;
            }
            int f = feeds.friendOf(r);
            if (f == NONE) {
                continue;
            }
            int own = a.tree[r];
            int trees = m.joins[r] - (own >= 0 && own < m.joins[r] ? 1 : 0);
            int slots = Math.min(Math.min(trees, cap), a.slotsIn(f, a.tree[f]));
            if (slots <= 0) {
                continue;
            }
            feeds.friend[r] = f;
            feeds.first[r] = own >= 0 && own < m.joins[r] ? (own + 1) % m.joins[r] : 0;
            feeds.count[r] = slots;
            feeds.feeding[f] = true;
            m.slots[f] -= slots;
            a.treeSlots[a.tree[f]] -= slots;
        }
        return feeds;
    }

    /**
     * Gives the friends' reserved slots back to {@code m.slots} (the assignment's per-tree counts
     * are built afresh for each attempt); call once the attempt's trees are built, so that
     * ejection and a retry see every peer's whole uplink.
     */
    void giveBack() {
        for (int r : m.receivers) {
            if (friend[r] != NONE) {
                m.slots[friend[r]] += count[r];
            }
        }
    }

    /** The first peer the receiver's access list names that may feed it in every tree, or -1. */
    private int friendOf(int r) {
        Node child = m.index.node(r);
        for (String entry : child.accessList()) {
            var listed = m.index.nodeIndex(entry);
            if (listed.isPresent()) {
                int p = listed.getAsInt();
                if (p != r && m.relayPeer(p) && Pairing.canPair(m.index.node(p), child)) {
                    return p;
                }
            }
        }
        return NONE;
    }

    /** Whether the node feeds some access-list receiver as its friend. */
    boolean feeding(int v) {
        return feeding[v];
    }

    /** The friend that feeds receiver r in tree s, or -1. */
    int friendIn(int r, int s) {
        if (friend[r] == NONE || s >= m.joins[r]) {
            return NONE;
        }
        int offset = Math.floorMod(s - first[r], m.joins[r]);
        return offset < count[r] ? friend[r] : NONE;
    }

    /**
     * The leaves of {@code order} with the friends that feed someone first, otherwise in order: a
     * receiver fed by its friend hangs one level below it, so a friend placed among the last
     * leaves made the tree a level deeper (homogeneous, 10,000 peers: depth 7 for a bound of 6).
     */
    int[] friendsFirst(int[] order) {
        int[] out = new int[order.length];
        int at = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int v : order) {
                if (feeding[v] == (pass == 0)) {
                    out[at++] = v;
                }
            }
        }
        return out;
    }

    /** Per tree, how many of the receivers only servers would otherwise feed their friends feed instead. */
    long[] fedPerTree() {
        long[] fed = new long[m.trees];
        for (int r : m.receivers) {
            for (int s = 0; s < m.trees; s++) {
                if (friendIn(r, s) != NONE) {
                    fed[s]++;
                }
            }
        }
        return fed;
    }
}
