package dev.canopy.solver.multitree;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * Builds a channel's trees one at a time, each region by region. For substream s: the servers
 * that want the channel hang under its sources; receivers whose access list admits only servers
 * get a server parent; then, region by region (largest demand first), the peers interior in s,
 * largest first, each under the shallowest free slot of its own region, or, for the first of a
 * region, under the least deep server while the tree's first server budget lasts (see {@link
 * ServerBudget}), else under the tree's shallowest free slot or a nearest region's as shallow
 * (same country first); then every other receiver as a leaf: friends that feed access-list
 * receivers first (those hang one level below them), then lightweight ones (they need regular
 * parents), higher tiers before lower (in a parity tree, first the leaves a redundancy
 * policy needs in it; with parity trees and while every receiver holds all it could so far,
 * the order {@link LossExposure#leafOrder} gives by exposure to peer failures), under its region's shallowest free slot, else the nearest region's, else
 * a server's within the first budget, else any region's, else, as a last resort, a server's.
 * Access-list receivers get their friend's reserved copies where {@link FriendFeeds} says so.
 * Cross-region edges are taken only where the route has link capacity left. The server side
 * (free server slots, budgets in use, the choice of a server parent) is kept by {@link
 * ServerSlots}; which parent a node gets is chosen by {@link ParentChoice}.
 *
 * <p>Operator policies: every parent is checked by the {@link PolicyGate} (hard edge filters,
 * policy caps, the child's max-depth bound); where the shallowest free slot of a region is
 * refused, the region's other free slots are searched. A leaf that finds no parent in a data
 * tree has the relaxable policies that bind it set aside one at a time, lowest rank first, and
 * tries again.
 *
 * <p>Reserves edges through the gate in the shared {@link Resources} and policy ledger and
 * records them in an {@link EdgeLog}, which the channel run emits into the plan or gives back.
 * Not thread-safe; one per attempt at a channel, and its {@link #fork}s build single trees of the
 * attempt on other threads ({@link TreeForks}).
 */
final class TreeBuilder {
    private static final int NONE = -1;
    /** A server slot use with no budget: what only servers may feed. */
    static final long UNLIMITED = Long.MAX_VALUE;

    private final ChannelMembers m;
    private final TreeAssignment a;
    private final Resources resources;
    private final PolicyGate gate;
    private final EdgeLog log;
    private final SnapshotIndex index;
    private final SlotCursors cursors;
    private final int[] free;
    private final int[] depth;
    private final int[] inTree;
    /** Per node: substreams it receives. */
    final int[] got;

    private final int[] leafOrder;
    private final ServerSlots servers;
    private final ParentChoice parents;
    /** Per tree: the start of each region's interior peers in the tree's list. */
    private final int[][] regionStart;
    /** Per tree: its interior peers, grouped by region in assignment order. */
    private final int[][] interior;

    private final FriendFeeds friends;
    private final Inputs in;
    /** In a fork: the tree's own link counts; null in the builder that reserves in the shared resources. */
    private final ForkLinks links;
    /** Peers on each receiver's paths, for the order of the parity trees' leaves. */
    private final LossExposure exposure;

    private int tree;
    /** Interior peers of the current tree to hang under servers (see {@link ServerBudget#forcedEntries}). */
    private long entries;

    private boolean routeRefused;

    /**
     * @param noSpare whether the channel's copies are too few to give every receiver a spare
     *     substream (see {@link LossExposure#leafOrder})
     */
    TreeBuilder(
            ChannelMembers m,
            TreeAssignment a,
            FriendFeeds friends,
            Nearby nearby,
            PolicyGate gate,
            EdgeLog log,
            boolean noSpare) {
        this(
                Inputs.of(m, a, friends, nearby, gate, noSpare),
                log,
                null,
                (depth, routes) -> new ServerSlots(m, nearby, depth, routes));
    }

    /** What every tree of an attempt reads and no tree changes; shared by a builder's forks. */
    private record Inputs(
            ChannelMembers m,
            TreeAssignment a,
            FriendFeeds friends,
            Nearby nearby,
            PolicyGate gate,
            int[][] regionStart,
            int[][] interior,
            int[] leafOrder,
            boolean noSpare) {
        static Inputs of(
                ChannelMembers m,
                TreeAssignment a,
                FriendFeeds friends,
                Nearby nearby,
                PolicyGate gate,
                boolean noSpare) {
            int[][] regionStart = new int[m.trees][m.index.regionCount()];
            int[][] interior = a.interiorByTree(regionStart);
            return new Inputs(
                    m, a, friends, nearby, gate, regionStart, interior, friends.friendsFirst(m.leafOrder()), noSpare);
        }
    }

    private TreeBuilder(
            Inputs in, EdgeLog log, ForkLinks links, BiFunction<int[], SlotCursors.Routes, ServerSlots> servers) {
        this.in = in;
        this.m = in.m;
        this.friends = in.friends;
        this.a = in.a;
        this.gate = in.gate;
        this.resources = gate.resources();
        this.log = log;
        this.index = m.index;
        this.links = links;
        int n = m.flags.length;
        regionStart = in.regionStart;
        interior = in.interior;
        leafOrder = in.leafOrder;
        free = new int[n];
        depth = new int[n];
        inTree = new int[n];
        got = new int[n];
        Arrays.fill(inTree, NONE);
        exposure = new LossExposure(m, in.noSpare);
        cursors = cursors();
        this.servers = servers.apply(depth, this::reachable);
        parents = new ParentChoice(m, a, gate, cursors, this.servers, this::reachable, inTree, free, friends);
    }

    /**
     * A fork of this builder, which has placed the receivers only servers may feed, to build tree
     * s in parallel with the others ({@link TreeForks}): its own per-node state, server slots as
     * they stand less one source slot per tree before (its root's), and link counts ({@link
     * ForkLinks}); it reserves nothing in the shared resources, only records its edges in its own
     * log. Policies must be inactive; this builder must not change while forks are in use.
     */
    TreeBuilder fork(EdgeLog forkLog, int s) {
        return new TreeBuilder(
                in, forkLog, new ForkLinks(resources, index.linkCount()), (d, routes) -> servers.fork(d, routes, s));
    }

    private SlotCursors cursors() {
        int capacity = 0;
        for (int[] list : interior) {
            capacity = Math.max(capacity, list.length);
        }
        SlotCursors made = new SlotCursors(
                free,
                index.regionCount(),
                capacity,
                in.nearby,
                a.regions,
                this::reachable,
                this::routeRefused,
                gate.active());
        if (gate.hasSoftCosts()) {
            made.preferCheaper((p, c) -> gate.softCost(p, c, m.channel, tree, m.rate));
        }
        return made;
    }

    /** Places, in every tree, the receivers only servers may feed (see {@link ServerFedPlacement}); once, before {@link #build}. */
    void placeServerFed() {
        ServerFedPlacement.place(this, m, servers, parents, friends);
    }

    /**
     * Builds substream s's tree, using at most {@code budget} server slots before far regions'
     * peers are tried, and at most {@code lastResort} in all; about {@code entries} interior
     * peers, spread over regions by their interior peers, hang under servers first.
     */
    void build(int s, long budget, long lastResort, long entries) {
        at(s);
        this.entries = entries;
        parents.budgets(budget, lastResort);
        servers.startTree(s);
        cursors.reset(regionStart[s]);
        holdAtSources();
        for (int j = 0; j < servers.fed.length; j++) {
            int v = servers.fed[j];
            if (servers.early[s][j] != NONE) {
                inTree[v] = s;
                depth[v] = depth[servers.early[s][j]] + 1;
                exposure.rehang(servers.early[s][j], v);
                open(v);
            }
        }
        int[] list = interior[s];
        for (int region : a.regions) {
            placeInterior(list, region);
        }
        boolean parityFirst = s >= m.k && gate.active();
        int[] leaves = exposure.leafOrder(leafOrder, got, s);
        if (leaves != leafOrder) {
            leaves = friends.friendsFirst(leaves);
        }
        for (int pass = parityFirst ? 0 : 1; pass < 2; pass++) {
            for (int v : leaves) {
                if (m.joins[v] > s && inTree[v] != s && (pass == 1 || gate.substreamsNeeded(v, m.channel, m.k) > s)) {
                    attach(v, parents.leafParentRelaxing(v));
                }
            }
        }
        for (int r : servers.fed) {
            if (m.restricted(r) && m.joins[r] > s && inTree[r] != s && !fedByFriend(r)) {
                attach(r, parents.listedPeer(r));
            }
        }
    }

    /**
     * Feeds an access-list receiver from its friend where {@link FriendFeeds} says so (a copy
     * of the friend's reserved slots, outside the tree's free slots), else from a server;
     * whether the receiver was to be fed by its friend in this tree.
     */
    private boolean fedByFriend(int r) {
        int f = friends.friendIn(r, tree);
        if (f == NONE) {
            return false;
        }
        if (inTree[f] == tree && reachable(f, r)) {
            reserve(f, r);
            emit(f, r);
        } else {
            attach(r, parents.serverSlot(r, UNLIMITED, true, false));
        }
        return true;
    }

    /** Switches the tree being built (here and in the parent choice). */
    void at(int s) {
        tree = s;
        parents.tree(s);
    }

    void holdAtSources() {
        for (int server : m.servers) {
            if (m.has(server, ChannelMembers.SOURCE)) {
                inTree[server] = tree;
                depth[server] = 0;
                exposure.root(server);
            }
        }
    }

    /**
     * Places a region's interior peers; the first of them, the region's share (by its interior
     * peers) of the tree's entries, and at least one per 1 + d + d^2 of them (d the slots of its
     * first), hang under servers first (within the tree's server budget).
     */
    private void placeInterior(int[] list, int region) {
        int from = regionStart[tree][region];
        int end = from;
        while (end < list.length && index.regionOf(list[end]) == region) {
            end++;
        }
        long served = entries * (end - from) / Math.max(1, list.length);
        if (end > from) {
            // A large region hung from one peer (e.g. an access-list peer servers feed before any
            // tree is built) is as deep as its interior peers need levels under it: one entry
            // per 1 + d + d^2 of them keeps them within 3 levels of its entries (homogeneous,
            // 10,000 peers, seed 3: 160 interior peers of one region under one, depth 7 for 6).
            long d = Math.max(2, a.slotsIn(list[from], tree));
            served = Math.max(served, (end - from) / (1 + d + d * d));
        }
        for (int j = from; j < end; j++) {
            int v = list[j];
            if (inTree[v] == tree) {
                continue;
            }
            boolean light = m.has(v, ChannelMembers.LIGHT);
            boolean entry = j - from < served;
            attach(
                    v,
                    gate.entryPending(v, m.channel, tree)
                            ? gate.preferEntering(
                                    v, m.channel, tree, () -> parents.interiorParent(v, region, light, entry))
                            : parents.interiorParent(v, region, light, entry));
        }
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
    void take(int parent, int child) {
        reserve(parent, child);
        adjustSlots(parent, -1);
    }

    /** Reserves an edge's rate through the gate, or in a fork only counts it on its links. */
    private void reserve(int parent, int child) {
        if (links == null) {
            gate.reserve(parent, child, m.channel, tree, m.rate);
        } else {
            links.take(parent, child, m.rate);
        }
    }

    /** Gives back what {@link #take} reserved. */
    void untake(int parent, int child) {
        gate.release(parent, child, m.channel, tree, m.rate);
        adjustSlots(parent, 1);
    }

    private void adjustSlots(int parent, int delta) {
        if (m.has(parent, ChannelMembers.SERVER)) {
            servers.adjust(parent, delta);
        } else {
            free[parent] += delta;
        }
    }

    /** Puts a reserved edge into the current tree: the plan's edge and the counts it changes. */
    void emit(int parent, int child) {
        log.add(tree, parent, child);
        if (m.has(parent, ChannelMembers.SERVER)) {
            servers.used(tree);
        }
        depth[child] = depth[parent] + 1;
        exposure.edge(parent, child);
        inTree[child] = tree;
        got[child]++;
    }

    /**
     * Takes in the tree a fork of this builder built ({@link TreeForks}), as if this one had built
     * it: its edges reserved through the gate and logged, in the fork's order, and counted. Forks
     * are absorbed in tree order. Only what the channel run reads after the build is kept ({@link
     * #got}, the log), not the per-tree state.
     */
    void absorb(TreeBuilder fork, int s) {
        EdgeLog edges = fork.log;
        for (int e = 0; e < edges.size(); e++) {
            int parent = edges.parent(e);
            int child = edges.child(e);
            gate.reserve(parent, child, m.channel, s, m.rate);
            log.add(s, parent, child);
            exposure.edge(parent, child);
            got[child]++;
        }
    }

    /** A fork's link counts ({@link ForkLinks}). */
    ForkLinks links() {
        return links;
    }

    /** The server side: in a fork, with what its choices relied on. */
    ServerSlots servers() {
        return servers;
    }

    /** Makes a placed peer's slots in the current tree available to children. */
    private void open(int child) {
        if (m.has(child, ChannelMembers.SERVER)) {
            return;
        }
        int slots = a.slotsIn(child, tree);
        if (slots > 0) {
            free[child] = slots;
            cursors.add(child, index.regionOf(child), m.has(child, ChannelMembers.LIGHT), depth[child]);
        }
    }

    /**
     * Whether the route from parent to child has capacity for one more substream (inside a region
     * always), and the policies admit the edge in the current tree: hard filters, the child's
     * max-depth bound, the policy caps.
     */
    private boolean reachable(int parent, int child) {
        if (index.regionOf(parent) != index.regionOf(child)
                && !(links == null ? resources.pathHas(parent, child, m.rate) : links.pathHas(parent, child, m.rate))) {
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
