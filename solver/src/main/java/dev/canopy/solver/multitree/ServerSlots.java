package dev.canopy.solver.multitree;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The server side of one attempt at a channel's trees (origin, CDN and waypoint copies): each
 * server's free slots, the source slots kept for the roots of trees not built yet, each tree's
 * server slots in use against its {@link ServerBudget}, the receivers only servers may feed with
 * their early parents per tree, and the choice of a server parent: the nearest, or the least
 * deep for a node whose depth sets that of a whole subtree. Split from {@link TreeBuilder}, which
 * owns the trees' depths and the route checks. Arrays indexed by node number (slots) or tree
 * index; not thread-safe, one per attempt, and one {@link #fork} per tree built in parallel.
 *
 * <p>A fork starts from the attempt's free slots as they stand (the trees before it not counted)
 * and notes, per server, the fewest free slots it ever found there and relied on; its source
 * slots start lower by what the earlier trees are expected to take (each its root's), and it
 * notes the least room above the source slots kept for roots it relied on and the most it found
 * too little; {@link TreeForks} checks with those that the slots the earlier trees took would
 * not have changed a single choice.
 */
final class ServerSlots {
    private static final int NONE = -1;

    private final ChannelMembers m;
    private final SnapshotIndex index;
    private final Nearby nearby;
    /** Per node: its depth in the current tree (kept by the builder). */
    private final int[] depth;

    private final SlotCursors.Routes routes;
    /** Per server: its free slots in the current attempt (all trees). */
    private final int[] free;
    /** Per tree: server slots used so far. */
    private final int[] use;
    /** Per restricted receiver: the servers its access list admits, nearest first (filled on first use). */
    private final int[][] allowed;
    /**
     * Per region: the servers a lightweight receiver there without an access list may take,
     * nearest first (filled on first use; the same for every such receiver of the region).
     */
    private final int[][] regularNear;

    /** Servers wanting the channel, then receivers only servers may feed. */
    final int[] fed;
    /** How many entries of {@link #fed} are servers. */
    final int serverReceivers;
    /** Per tree, per {@link #fed} entry: its parent, or -1. */
    final int[][] early;

    /** Per node: its place in {@link #fed}, or -1. */
    private final int[] fedIndex;

    /**
     * In a fork, per server: the fewest free slots a choice relied on (Integer.MAX_VALUE for
     * none); empty in the attempt's own.
     */
    final int[] fewestRelied;
    /** Whether this is a fork, which notes what its choices relied on. */
    private final boolean fork;
    /** In a fork: the least sourceFree - rootsKept a choice relied on. */
    long leastSourceRoom = Long.MAX_VALUE;
    /** In a fork: the most sourceFree - rootsKept that was not enough for a choice. */
    long mostSourceRoomRefused = Long.MIN_VALUE;

    private long sourceFree;
    /**
     * Source slots to keep for the roots of trees not built yet: every tree's while the
     * receivers only servers may feed are placed, then one per later tree (the servers that
     * want the channel are in every tree by then).
     */
    private long rootsKept;

    /**
     * @param depth per node its depth in the current tree, kept by the caller
     * @param routes whether an edge fits its route and the policies admit it
     */
    ServerSlots(ChannelMembers m, Nearby nearby, int[] depth, SlotCursors.Routes routes) {
        this.m = m;
        this.index = m.index;
        this.nearby = nearby;
        this.depth = depth;
        this.routes = routes;
        int n = m.flags.length;
        free = new int[n];
        allowed = new int[n][];
        regularNear = new int[index.regionCount()][];
        for (int s : m.servers) {
            free[s] = m.slots[s];
            if (m.has(s, ChannelMembers.SOURCE)) {
                sourceFree += m.slots[s];
            }
        }
        rootsKept = m.trees;
        use = new int[m.trees];
        fed = IntStream.concat(
                        IntStream.of(m.servers).filter(v -> !m.has(v, ChannelMembers.SOURCE) && m.active(v)),
                        IntStream.of(m.receivers)
                                .filter(r -> m.active(r) && m.restricted(r) && !m.has(r, ChannelMembers.SERVER)))
                .toArray();
        early = new int[m.trees][fed.length];
        for (int[] row : early) {
            Arrays.fill(row, NONE);
        }
        serverReceivers = (int)
                IntStream.of(fed).filter(v -> m.has(v, ChannelMembers.SERVER)).count();
        fedIndex = new int[n];
        Arrays.fill(fedIndex, NONE);
        for (int j = 0; j < fed.length; j++) {
            fedIndex[fed[j]] = j;
        }
        fewestRelied = new int[0];
        fork = false;
    }

    /** A copy for one tree built in parallel: the free slots as they stand, the rest shared (read only). */
    private ServerSlots(ServerSlots from, int[] depth, SlotCursors.Routes routes, long sourcesTakenBefore) {
        this.m = from.m;
        this.index = from.index;
        this.nearby = from.nearby;
        this.depth = depth;
        this.routes = routes;
        int n = m.flags.length;
        free = new int[n];
        fewestRelied = new int[n];
        fork = true;
        for (int s : m.servers) {
            free[s] = from.free[s];
            fewestRelied[s] = Integer.MAX_VALUE;
        }
        use = from.use.clone();
        allowed = new int[n][];
        regularNear = new int[index.regionCount()][];
        fed = from.fed;
        serverReceivers = from.serverReceivers;
        early = from.early;
        fedIndex = from.fedIndex;
        sourceFree = from.sourceFree - sourcesTakenBefore;
        rootsKept = from.rootsKept;
    }

    /**
     * A fork for one tree built in parallel with the others (see the class comment); this one
     * must not change while forks are in use.
     *
     * @param depth the fork's per node depths
     * @param routes the fork's route checks
     * @param sourcesTakenBefore the source slots the trees before are expected to take (their
     *     roots'): the fork's source slots start that much lower
     */
    ServerSlots fork(int[] depth, SlotCursors.Routes routes, long sourcesTakenBefore) {
        return new ServerSlots(this, depth, routes, sourcesTakenBefore);
    }

    /** Free slots of a server. */
    int free(int server) {
        return free[server];
    }

    /** Starts tree s: keeps one source slot for each later tree's root. */
    void startTree(int s) {
        rootsKept = m.trees - 1L - s;
    }

    /** Changes a server's free slots by delta (a slot taken: -1, given back: +1). */
    void adjust(int server, int delta) {
        free[server] += delta;
        if (m.has(server, ChannelMembers.SOURCE)) {
            sourceFree += delta;
        }
    }

    /** Counts an edge from a server in tree s. */
    void used(int s) {
        use[s]++;
    }

    /**
     * The nearest server holding substream s with a free slot the child may take, or -1. The
     * tree's server slots in use stay below {@code budget} ({@code Long.MAX_VALUE} for a receiver
     * only servers may feed); with {@code keepRoots}, the source slots of {@link #rootsKept} are
     * kept. With {@code shallowest}, the least deep such server instead (for a node whose depth
     * sets that of a whole subtree: a server receiver, a region's first peer).
     */
    int find(int s, int child, long budget, boolean keepRoots, boolean shallowest) {
        if (use[s] >= budget) {
            return NONE;
        }
        boolean sourcesFree = !keepRoots || sourceFree > rootsKept;
        int best = NONE;
        for (int server : candidates(child)) {
            if (server != child
                    && holds(s, server)
                    && (best == NONE || depth[server] < depth[best])
                    && sourceAllowed(server, keepRoots, sourcesFree)
                    && hasFree(server)
                    && m.has(server, ChannelMembers.RELAY)
                    && routes.open(server, child)) {
                if (!shallowest) {
                    return server;
                }
                best = server;
            }
        }
        return best;
    }

    /** Whether the source slots kept for roots let the server feed one more (noted in a fork). */
    private boolean sourceAllowed(int server, boolean keepRoots, boolean sourcesFree) {
        if (!m.has(server, ChannelMembers.SOURCE)) {
            return true;
        }
        if (keepRoots && fork) {
            if (sourcesFree) {
                leastSourceRoom = Math.min(leastSourceRoom, sourceFree - rootsKept);
            } else {
                mostSourceRoomRefused = Math.max(mostSourceRoomRefused, sourceFree - rootsKept);
            }
        }
        return sourcesFree;
    }

    /** Whether a server has a free slot (noted in a fork). */
    private boolean hasFree(int server) {
        int slots = free[server];
        if (slots > 0 && fork) {
            fewestRelied[server] = Math.min(fewestRelied[server], slots);
        }
        return slots > 0;
    }

    /** Whether a server holds substream s: a source, or a server placed in tree s. */
    private boolean holds(int s, int server) {
        if (m.has(server, ChannelMembers.SOURCE)) {
            return true;
        }
        int j = fedIndex[server];
        return j >= 0 && j < serverReceivers && early[s][j] != NONE;
    }

    /**
     * The servers nearest to the child; for a lightweight child only those the lightweight rules
     * let it receive from (its access list, no lightweight server), kept per child.
     */
    private int[] candidates(int child) {
        int region = index.regionOf(child);
        int[] near = nearby.servers(region);
        if (!m.has(child, ChannelMembers.LIGHT)) {
            return near;
        }
        int[][] kept = m.restricted(child) ? allowed : regularNear;
        int at = m.restricted(child) ? child : region;
        if (kept[at] == null) {
            Node c = index.node(child);
            int[] list = new int[near.length];
            int count = 0;
            for (int server : near) {
                if (Pairing.canPair(index.node(server), c)) {
                    list[count++] = server;
                }
            }
            kept[at] = count == list.length ? list : Arrays.copyOf(list, count);
        }
        return kept[at];
    }
}
