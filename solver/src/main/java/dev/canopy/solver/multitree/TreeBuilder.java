package dev.canopy.solver.multitree;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Builds a channel's trees one at a time, each region by region. For substream s: the servers
 * that want the channel hang under its sources; receivers whose access list admits only servers
 * get a server parent; then, region by region (largest demand first), the peers interior in s,
 * largest first, each under the shallowest free slot of its own region, or, for the first of a
 * region, under a server (while the tree's server budget lasts) or a slot of the nearest region
 * (same country first); then every other receiver as a leaf: lightweight ones first (they need
 * regular parents), higher tiers before lower (in a parity tree, first the leaves a redundancy
 * policy needs in it), under its region's shallowest free slot, else
 * the nearest region's, else a server's, else any region's. Cross-region edges are taken only
 * where the route has link capacity left.
 *
 * <p>Operator policies: every parent is checked by the {@link PolicyGate} (hard edge filters,
 * policy caps, the child's max-depth bound); where the shallowest free slot of a region is
 * refused, the region's other free slots are searched. A leaf that finds no parent in a data
 * tree has the relaxable policies that bind it set aside one at a time, lowest rank first, and
 * tries again.
 *
 * <p>Reserves edges through the gate in the shared {@link Resources} and policy ledger and
 * records them in an {@link EdgeLog}, which the channel run emits into the plan or gives back.
 * Not thread-safe; one per attempt at a channel.
 */
final class TreeBuilder {
    private static final int NONE = -1;

    private final ChannelMembers m;
    private final TreeAssignment a;
    private final Nearby nearby;
    private final Resources resources;
    private final PolicyGate gate;
    private final EdgeLog log;
    private final SnapshotIndex index;
    private final SlotCursors cursors;
    private final int[] free;
    private final int[] serverFree;
    private final int[] depth;
    private final int[] inTree;
    /** Per node: substreams it receives. */
    final int[] got;

    private final int[] childTree;
    private final int[] leafOrder;
    /** Servers wanting the channel, then receivers only servers may feed. */
    private final int[] serverFed;
    /** Per tree, per {@link #serverFed} entry: its parent, or -1. */
    private final int[][] early;

    /** How many entries of {@link #serverFed} are servers. */
    private final int serverReceivers;
    /** Per node: its place in {@link #serverFed}, or -1. */
    private final int[] fedIndex;
    /** Per tree: server slots used so far. */
    private final int[] serverUse;
    /** Per tree: the start of each region's interior peers in the tree's list. */
    private final int[][] regionStart;
    /** Per tree: its interior peers, grouped by region in assignment order. */
    private final int[][] interior;
    /** Per restricted receiver: the servers its access list admits, nearest first (filled on first use). */
    private final int[][] allowedServers;

    /** Peers with children in more than one tree. */
    int relaxedPeers;

    /**
     * Source slots to keep for the roots of trees not built yet: every tree's while the
     * receivers only servers may feed are placed, then one per later tree (the servers that
     * want the channel are in every tree by then).
     */
    private long rootsKept;

    private long sourceFree;
    private int tree;
    private long serverBudget;
    private boolean routeRefused;

    TreeBuilder(ChannelMembers m, TreeAssignment a, Nearby nearby, PolicyGate gate, EdgeLog log) {
        this.m = m;
        this.a = a;
        this.nearby = nearby;
        this.gate = gate;
        this.resources = gate.resources();
        this.log = log;
        this.index = m.index;
        int n = m.flags.length;
        free = new int[n];
        serverFree = new int[n];
        depth = new int[n];
        inTree = new int[n];
        got = new int[n];
        childTree = new int[n];
        allowedServers = new int[n][];
        Arrays.fill(inTree, NONE);
        Arrays.fill(childTree, NONE);
        for (int s : m.servers) {
            serverFree[s] = m.slots[s];
            if (m.has(s, ChannelMembers.SOURCE)) {
                sourceFree += m.slots[s];
            }
        }
        rootsKept = m.trees;
        regionStart = new int[m.trees][index.regionCount()];
        interior = a.interiorByTree(regionStart);
        int capacity = 0;
        for (int[] list : interior) {
            capacity = Math.max(capacity, list.length);
        }
        cursors = new SlotCursors(
                free,
                index.regionCount(),
                capacity,
                nearby,
                a.regions,
                this::reachable,
                this::routeRefused,
                gate.active());
        if (gate.hasSoftCosts()) {
            cursors.preferCheaper((p, c) -> gate.softCost(p, c, m.channel, tree, m.rate));
        }
        leafOrder = m.leafOrder();
        serverFed = IntStream.concat(
                        IntStream.of(m.servers).filter(v -> !m.has(v, ChannelMembers.SOURCE) && m.active(v)),
                        IntStream.of(m.receivers)
                                .filter(r -> m.active(r) && m.restricted(r) && !m.has(r, ChannelMembers.SERVER)))
                .toArray();
        early = new int[m.trees][serverFed.length];
        for (int[] row : early) {
            Arrays.fill(row, NONE);
        }
        serverUse = new int[m.trees];
        serverReceivers = (int) IntStream.of(serverFed)
                .filter(v -> m.has(v, ChannelMembers.SERVER))
                .count();
        fedIndex = new int[n];
        Arrays.fill(fedIndex, NONE);
        for (int j = 0; j < serverFed.length; j++) {
            fedIndex[serverFed[j]] = j;
        }
    }

    /**
     * Places, in every tree, the receivers only servers may feed, before any tree's peers take
     * link capacity they cannot do without: first the servers that want the channel (tree by
     * tree), then each receiver whose access list admits only servers in all its trees at once,
     * so that it gets at least k substreams or none (a partial share would only waste what
     * another could use). Call once, before {@link #build}.
     */
    void placeServerFed() {
        for (int s = 0; s < m.trees; s++) {
            tree = s;
            holdAtSources();
            for (int j = 0; j < serverReceivers; j++) {
                int v = serverFed[j];
                int parent = m.joins[v] > s ? serverSlot(v, false, false) : NONE;
                early[s][j] = parent;
                if (parent != NONE) {
                    take(parent, v);
                    emit(parent, v);
                }
            }
        }
        int[] chosen = new int[m.trees];
        for (int j = serverReceivers; j < serverFed.length; j++) {
            int v = serverFed[j];
            int count = 0;
            for (int s = 0; s < m.joins[v]; s++) {
                tree = s;
                chosen[s] = serverSlot(v, false, true);
                if (chosen[s] != NONE) {
                    take(chosen[s], v);
                    count++;
                }
            }
            boolean enough = count >= m.k;
            for (int s = 0; s < m.joins[v]; s++) {
                tree = s;
                early[s][j] = enough ? chosen[s] : NONE;
                if (chosen[s] != NONE) {
                    if (enough) {
                        emit(chosen[s], v);
                    } else {
                        untake(chosen[s], v);
                    }
                }
            }
        }
    }

    /** Builds substream s's tree, using at most {@code budget} server slots in all. */
    void build(int s, long budget) {
        tree = s;
        serverBudget = budget;
        rootsKept = m.trees - 1L - s;
        cursors.reset(regionStart[s]);
        holdAtSources();
        for (int j = 0; j < serverFed.length; j++) {
            int v = serverFed[j];
            if (early[s][j] != NONE) {
                inTree[v] = s;
                depth[v] = depth[early[s][j]] + 1;
                open(v);
            }
        }
        int[] list = interior[s];
        for (int region : a.regions) {
            placeInterior(list, region);
        }
        boolean parityFirst = s >= m.k && gate.active();
        for (int pass = parityFirst ? 0 : 1; pass < 2; pass++) {
            for (int v : leafOrder) {
                if (m.joins[v] > s && inTree[v] != s && (pass == 1 || gate.substreamsNeeded(v, m.channel, m.k) > s)) {
                    attach(v, leafParentRelaxing(v));
                }
            }
        }
        for (int r : serverFed) {
            if (m.restricted(r) && m.joins[r] > s && inTree[r] != s) {
                attach(r, listedPeer(r));
            }
        }
    }

    private void holdAtSources() {
        for (int server : m.servers) {
            if (m.has(server, ChannelMembers.SOURCE)) {
                inTree[server] = tree;
                depth[server] = 0;
            }
        }
    }

    private void placeInterior(int[] list, int region) {
        int from = regionStart[tree][region];
        for (int j = from; j < list.length && index.regionOf(list[j]) == region; j++) {
            int v = list[j];
            if (inTree[v] == tree) {
                continue;
            }
            boolean light = m.has(v, ChannelMembers.LIGHT);
            attach(
                    v,
                    gate.entryPending(v, m.channel, tree)
                            ? gate.preferEntering(v, m.channel, tree, () -> interiorParent(v, region, light))
                            : interiorParent(v, region, light));
        }
    }

    private int interiorParent(int v, int region, boolean light) {
        int parent = m.restricted(v) ? NONE : cursors.slotFor(v, region, light);
        return parent == NONE ? entryParent(v, region) : parent;
    }

    /** Places a node under a parent (if any) and opens its slots when it is interior. */
    private void attach(int child, int parent) {
        if (parent != NONE) {
            take(parent, child);
            emit(parent, child);
            open(child);
        }
    }

    /** Reserves an edge's capacity: the parent's slot and the route. */
    private void take(int parent, int child) {
        gate.reserve(parent, child, m.channel, tree, m.rate);
        adjustSlots(parent, -1);
    }

    /** Gives back what {@link #take} reserved. */
    private void untake(int parent, int child) {
        gate.release(parent, child, m.channel, tree, m.rate);
        adjustSlots(parent, 1);
    }

    private void adjustSlots(int parent, int delta) {
        if (m.has(parent, ChannelMembers.SERVER)) {
            serverFree[parent] += delta;
            if (m.has(parent, ChannelMembers.SOURCE)) {
                sourceFree += delta;
            }
        } else {
            free[parent] += delta;
        }
    }

    /** Puts a reserved edge into the current tree: the plan's edge and the counts it changes. */
    private void emit(int parent, int child) {
        log.add(tree, parent, child);
        if (m.has(parent, ChannelMembers.SERVER)) {
            serverUse[tree]++;
        } else {
            if (childTree[parent] == NONE) {
                childTree[parent] = tree;
            } else if (childTree[parent] >= 0 && childTree[parent] != tree) {
                childTree[parent] = -2;
                relaxedPeers++;
            }
        }
        depth[child] = depth[parent] + 1;
        inTree[child] = tree;
        got[child]++;
    }

    /** Makes a placed peer's slots in the current tree available to children. */
    private void open(int child) {
        if (m.has(child, ChannelMembers.SERVER)) {
            return;
        }
        int slots = a.slotsIn(child, tree);
        if (slots > 0) {
            free[child] = slots;
            cursors.add(child, index.regionOf(child), m.has(child, ChannelMembers.LIGHT));
        }
    }

    /** The parent of the first interior peer of a region: a server while the budget lasts, else the nearest region's slot. */
    private int entryParent(int v, int region) {
        int parent = serverSlot(v, !m.restricted(v), true);
        if (parent == NONE && !m.restricted(v)) {
            parent = cursors.nearby(v, region, m.has(v, ChannelMembers.LIGHT), false);
            if (parent == NONE) {
                parent = cursors.anywhere(v, m.has(v, ChannelMembers.LIGHT), false);
            }
        }
        return parent;
    }

    /**
     * A leaf's parent; in a data tree, when there is none under the hard policies, again after
     * each relaxable policy binding the leaf is set aside (lowest rank first).
     */
    private int leafParentRelaxing(int v) {
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
        int parent = cursors.slotFor(v, region, light);
        if (parent == NONE) {
            parent = cursors.nearby(v, region, light, true);
        }
        if (parent == NONE) {
            parent = serverSlot(v, true, true);
        }
        if (parent == NONE) {
            parent = cursors.anywhere(v, light, true);
        }
        return parent;
    }

    /**
     * The nearest server holding the substream with a free slot the child may take, or -1. A
     * budgeted use (anything but a receiver only servers may feed) does not exceed the tree's
     * budget; with {@code keepRoots}, the source slots of {@link #rootsKept} are kept.
     */
    private int serverSlot(int child, boolean budgeted, boolean keepRoots) {
        if (budgeted && serverUse[tree] >= serverBudget) {
            return NONE;
        }
        boolean sourcesFree = !keepRoots || sourceFree > rootsKept;
        for (int server : candidateServers(child)) {
            if (server != child
                    && holds(server)
                    && (sourcesFree || !m.has(server, ChannelMembers.SOURCE))
                    && serverFree[server] > 0
                    && m.has(server, ChannelMembers.RELAY)
                    && reachable(server, child)) {
                return server;
            }
        }
        return NONE;
    }

    /** Whether a server holds the current tree's substream: a source, or a server placed in the tree. */
    private boolean holds(int server) {
        if (m.has(server, ChannelMembers.SOURCE)) {
            return true;
        }
        int j = fedIndex[server];
        return j >= 0 && j < serverReceivers && early[tree][j] != NONE;
    }

    /**
     * The servers nearest to the child; for a lightweight child only those the lightweight rules
     * let it receive from (its access list, no lightweight server), kept per child.
     */
    private int[] candidateServers(int child) {
        int[] near = nearby.servers(index.regionOf(child));
        if (!m.has(child, ChannelMembers.LIGHT)) {
            return near;
        }
        int[] allowed = allowedServers[child];
        if (allowed == null) {
            Node c = index.node(child);
            allowed = IntStream.of(near)
                    .filter(server -> Pairing.canPair(index.node(server), c))
                    .toArray();
            allowedServers[child] = allowed;
        }
        return allowed;
    }

    /** A peer the restricted child's access list names that holds the substream with a free slot, or -1. */
    private int listedPeer(int child) {
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
                    && reachable(p, child)) {
                return p;
            }
        }
        return NONE;
    }

    /**
     * Whether the route from parent to child has capacity for one more substream (inside a region
     * always), and the policies admit the edge in the current tree: hard filters, the child's
     * max-depth bound, the policy caps.
     */
    private boolean reachable(int parent, int child) {
        if (index.regionOf(parent) != index.regionOf(child) && !resources.pathHas(parent, child, m.rate)) {
            routeRefused = true;
            return false;
        }
        routeRefused = false;
        if (!gate.active()) {
            return true;
        }
        boolean ok = gate.admits(parent, child, m.channel)
                && gate.depthAllows(depth[parent], child, m.channel)
                && gate.capsAllow(parent, child, m.channel, tree, m.rate);
        routeRefused = !ok && gate.refusedForRoute();
        return ok;
    }

    /** Whether the last {@link #reachable} refusal holds for every parent of that region (a full route or route cap). */
    private boolean routeRefused() {
        return routeRefused;
    }
}
