package dev.canopy.solver.multitree;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PolicyGate;

/**
 * Chooses the parent of a node being placed in the tree a {@link TreeBuilder} is building: an
 * interior peer's (its region's entry under a server within budget, else its region's
 * shallowest free slot), a region's first interior peer's, a leaf's (with relaxable policies set
 * aside one at a time in a data tree), an access-list receiver's listed peer. Split out of
 * {@link TreeBuilder} to keep each class to one concern: the builder places nodes and reserves
 * edges, this decides where they go.
 *
 * <p>Contract: reserves nothing; it only reads the builder's per-node arrays ({@code inTree},
 * {@code free}, shared, not copied) and asks the {@link SlotCursors}, {@link ServerSlots} and
 * {@link PolicyGate} for candidates, in the same order the builder asked them before the split
 * (so plans are unchanged). The builder must call {@link #tree} whenever it switches trees and
 * {@link #budgets} before building one. Every method returns a node index or -1 (none). Not
 * thread-safe; one per {@link TreeBuilder}.
 */
final class ParentChoice {
    private static final int NONE = -1;
    /** How many hops deeper than the tree's shallowest free slot a region's entry may hang to stay near. */
    private static final int ENTRY_SLACK = 1;

    private final ChannelMembers m;
    private final TreeAssignment a;
    private final PolicyGate gate;
    private final SnapshotIndex index;
    private final SlotCursors cursors;
    private final ServerSlots servers;
    private final SlotCursors.Routes routes;
    /** The builder's per-node tree it was last placed in (shared). */
    private final int[] inTree;
    /** The builder's per-node free slots in the current tree (shared). */
    private final int[] free;
    /** Whose leaves feed friends' receivers, for {@link SlotCursors#slotFor(int, int, boolean, boolean)}. */
    private final FriendFeeds friends;

    private int tree;
    private long serverBudget;
    private long lastResortBudget;

    ParentChoice(
            ChannelMembers m,
            TreeAssignment a,
            PolicyGate gate,
            SlotCursors cursors,
            ServerSlots servers,
            SlotCursors.Routes routes,
            int[] inTree,
            int[] free,
            FriendFeeds friends) {
        this.m = m;
        this.a = a;
        this.gate = gate;
        this.index = m.index;
        this.cursors = cursors;
        this.servers = servers;
        this.routes = routes;
        this.inTree = inTree;
        this.free = free;
        this.friends = friends;
    }

    /** Sets the tree parents are chosen in. */
    void tree(int s) {
        tree = s;
    }

    /**
     * Sets the current tree's server slot budgets: {@code budget} before far regions' peers are
     * tried, {@code lastResort} in all.
     */
    void budgets(long budget, long lastResort) {
        serverBudget = budget;
        lastResortBudget = lastResort;
    }

    /**
     * An interior peer's parent: a server within the first budget when it is one of its
     * region's entries, else its region's shallowest free slot, else as for a region's first
     * interior peer.
     */
    int interiorParent(int v, int region, boolean light, boolean entry) {
        int parent = entry && !m.restricted(v) ? serverSlot(v, serverBudget, true, true) : NONE;
        if (parent == NONE && !m.restricted(v)) {
            parent = cursors.slotFor(v, region, light);
        }
        return parent == NONE ? entryParent(v, region) : parent;
    }

    /**
     * The parent of the first interior peer of a region: a server while the budget lasts, else
     * the tree's shallowest free slot or a nearer region's about as shallow, else any slot of
     * the nearest region or of any, else, as a last resort, a server's (as for a leaf: e.g. the
     * second copy into a dual-ingress domain, which no peer outside may bring).
     */
    private int entryParent(int v, int region) {
        int parent = m.restricted(v)
                ? serverSlot(v, TreeBuilder.UNLIMITED, true, false)
                : serverSlot(v, serverBudget, true, true);
        if (parent == NONE && !m.restricted(v)) {
            parent = cursors.entry(v, region, m.has(v, ChannelMembers.LIGHT), ENTRY_SLACK);
        }
        if (parent == NONE && !m.restricted(v)) {
            parent = cursors.nearby(v, region, m.has(v, ChannelMembers.LIGHT), false);
            if (parent == NONE) {
                parent = cursors.anywhere(v, m.has(v, ChannelMembers.LIGHT), false);
            }
            if (parent == NONE) {
                parent = serverSlot(v, lastResortBudget, true, false);
            }
        }
        return parent;
    }

    /**
     * A leaf's parent; in a data tree, when there is none under the hard policies, again after
     * each relaxable policy binding the leaf is set aside (lowest rank first).
     */
    int leafParentRelaxing(int v) {
        int parent = gate.entryPending(v, m.channel, tree)
                ? gate.preferEntering(v, m.channel, tree, () -> leafParent(v))
                : leafParent(v);
        if (parent != NONE || !gate.active() || tree >= m.k) {
            return parent;
        }
        int[] found = {NONE};
        gate.serveRelaxing(v, m.channel, () -> (found[0] = leafParent(v)) != NONE);
        return found[0];
    }

    private int leafParent(int v) {
        int region = index.regionOf(v);
        boolean light = m.has(v, ChannelMembers.LIGHT);
        int parent = cursors.slotFor(v, region, light, friends.feeding(v));
        if (parent == NONE) {
            parent = cursors.nearby(v, region, light, true);
        }
        if (parent == NONE) {
            parent = serverSlot(v, serverBudget, true, false);
        }
        if (parent == NONE) {
            parent = cursors.anywhere(v, light, true);
        }
        if (parent == NONE) {
            parent = serverSlot(v, lastResortBudget, true, false);
        }
        return parent;
    }

    /** A server parent for the child in the current tree (see {@link ServerSlots#find}). */
    int serverSlot(int child, long budget, boolean keepRoots, boolean shallowest) {
        return servers.find(tree, child, budget, keepRoots, shallowest);
    }

    /** A peer the restricted child's access list names that holds the substream with a free slot, or -1. */
    int listedPeer(int child) {
        Node c = index.node(child);
        for (String entry : c.accessList()) {
            var listed = index.nodeIndex(entry);
            if (listed.isEmpty()) {
                continue;
            }
            int p = listed.getAsInt();
            if (p != child
                    && inTree[p] == tree
                    && !m.has(p, ChannelMembers.SERVER)
                    && free[p] > 0
                    && a.slotsIn(p, tree) > 0
                    && Pairing.canPair(index.node(p), c)
                    && routes.open(p, child)) {
                return p;
            }
        }
        return NONE;
    }
}
