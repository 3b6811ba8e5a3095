package dev.canopy.solver.replan;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Tier;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.solver.Locality;
import java.util.ArrayDeque;
import java.util.function.IntPredicate;

/**
 * Local repair, as seed 000 describes fast reassignment: an orphan (a node that lost its parent
 * in a substream's tree, with its subtree still under it) is re-attached to the shallowest of the
 * few nodes with the most uplink left among those of its own region, then of the other regions of
 * its country, then of the nearest regions abroad, then of all regions, that may take it ({@link
 * State#mayParent}: never one of its own subtree). An orphan that finds no room may displace a weaker leaf (lower tier,
 * or the same tier and less uplink), which is then re-attached in turn or, failing that, ejected;
 * an orphan that still finds nothing is left without the substream and its children become
 * orphans. A high-quality node that joins is promoted next to a source, taking the place of the
 * source's weakest peer child, which becomes its child. Not thread-safe.
 */
final class Repair {
    private final State state;
    private final ReplanOptions options;
    /** A parent this shallow (a source's child) is taken at once: no candidate can be much better. */
    private static final int SHALLOW = 1;

    private final ArrayDeque<long[]> orphans = new ArrayDeque<>();

    Repair(State state, ReplanOptions options) {
        this.state = state;
        this.options = options;
    }

    /** Queues a node that has no parent in a tree; {@code excluded} is a parent it must not get (-1: none). */
    void orphan(int tree, int node, int excluded) {
        orphans.add(new long[] {tree, node, excluded});
    }

    /** Re-attaches every queued orphan, and the orphans that creates. */
    void run() {
        while (!orphans.isEmpty()) {
            long[] next = orphans.poll();
            int tree = (int) next[0];
            int node = (int) next[1];
            if (state.net.present(node) && state.forest.parent(tree, node) < 0 && wantsTree(tree, node)) {
                settle(tree, node, (int) next[2]);
            }
        }
    }

    /** Whether the node should receive this tree: a receiver that lacks substreams of the channel. */
    private boolean wantsTree(int tree, int node) {
        int c = state.forest.channel(tree);
        return state.net.receiver(c, node)
                && (state.received(c, node) < state.net.channel(c).substreams()
                        || state.forest.childCount(tree, node) > 0);
    }

    private void settle(int tree, int node, int excluded) {
        if (place(tree, node, excluded) || displace(tree, node)) {
            return;
        }
        int c = state.forest.channel(tree);
        state.setReason(c, node, UnservedReason.CAPACITY);
        for (int child : state.forest.childrenCopy(tree, node)) {
            state.detach(tree, child);
            orphan(tree, child, -1);
        }
    }

    /** Attaches the node to the best parent that may take it; false when there is none. */
    boolean place(int tree, int node, int excluded) {
        int parent = findParent(tree, node, excluded);
        if (parent < 0) {
            return false;
        }
        state.attach(tree, node, parent);
        return true;
    }

    /**
     * The parent for an orphan: within the first scope that has any node that may take it, the
     * shallowest of the candidates with the most uplink left (ties: most uplink left), stopping
     * early at a source or a source's child. The scopes go by locality cost ({@link Locality}):
     * the orphan's own region, then every other region of its country among the nearest (by
     * latency), then the nearest regions abroad up to {@link ReplanOptions#nearRegions} in all,
     * then all regions. The nearest regions are looked at for as many candidates in all as
     * {@link ReplanOptions#nearRegions} regions of {@link ReplanOptions#candidatesPerRegion} each
     * (a region with no room costs nothing), so a country of many small regions is searched as
     * deep as a few large ones. Looking at depth keeps trees from growing into chains: the nodes
     * with the most uplink left are often the ones that joined last, at the bottom.
     */
    private int findParent(int tree, int node, int excluded) {
        long rate = state.rate(state.forest.channel(tree));
        Search search = new Search(tree, node, excluded);
        int region = state.net.region(node);
        search.region(region, rate, Search.WIDER * options.candidatesPerRegion());
        int[] near = state.nearby.regions(region);
        int budget = search.visited + options.nearRegions() * options.candidatesPerRegion();
        for (int i = 0; i < near.length && search.parent < 0 && search.visited < budget; i++) {
            if (i >= options.nearRegions() && !sameCountry(near[i], region)) {
                break;
            }
            search.region(near[i], rate, options.candidatesPerRegion());
        }
        if (search.parent < 0) {
            search.everywhere(rate);
        }
        return search.parent;
    }

    private boolean sameCountry(int a, int b) {
        return Locality.regionCost(state.net.index(), a, b) == Locality.CROSS_REGION;
    }

    /**
     * One orphan's search for a parent, visited over the queue of uplink left: keeps the
     * shallowest candidate that may take the orphan. In a region it looks at {@link
     * ReplanOptions#candidatesPerRegion} nodes and, when none of those may take it, on to {@value
     * #WIDER} times as many: the nodes with the most uplink left in the orphan's region are often
     * its siblings, orphaned by the same leave and holding nothing to send yet, and stopping at
     * them sends the orphan out of its region although a node of the region has room.
     */
    private final class Search implements IntPredicate {
        /** How many times {@link ReplanOptions#candidatesPerRegion} a region's search may go on to. */
        static final int WIDER = 4;

        private final int tree;
        private final int node;
        private final int excluded;
        int parent = -1;
        private int depth = Integer.MAX_VALUE;
        private int enough;
        private int seen;
        /** Candidates looked at in all. */
        int visited;

        Search(int tree, int node, int excluded) {
            this.tree = tree;
            this.node = node;
            this.excluded = excluded;
        }

        /** Looks at up to {@code limit} nodes of one region. */
        void region(int region, long rate, int limit) {
            enough = options.candidatesPerRegion();
            seen = 0;
            state.spare.visitRegion(region, rate, limit, this);
        }

        /** Looks at the nodes with the most uplink left over all regions. */
        void everywhere(long rate) {
            enough = options.candidatesOverall();
            seen = 0;
            state.spare.visitAll(rate, enough, this);
        }

        @Override
        public boolean test(int candidate) {
            seen++;
            visited++;
            // only a shallower candidate than the best so far can win (ties go to the first)
            int at = candidate == excluded ? -1 : state.parentDepth(tree, candidate, node, depth - 1);
            if (at >= 0) {
                parent = candidate;
                depth = at;
            }
            return parent >= 0 && (depth <= SHALLOW || seen >= enough);
        }
    }

    /**
     * Makes room for the node by displacing the weakest leaf child of a nearby parent; the
     * displaced node is queued as an orphan, and ejected if it finds no place. False when no leaf
     * is weaker.
     */
    private boolean displace(int tree, int node) {
        long rate = state.rate(state.forest.channel(tree));
        int[] best = {-1, -1};
        IntPredicate look = p -> {
            if (state.rootedDepth(tree, p, node) < 0 || !state.admits(p, node, state.forest.channel(tree))) {
                return false;
            }
            int[] kids = state.forest.children(tree, p);
            for (int i = 0; i < state.forest.childCount(tree, p); i++) {
                int y = kids[i];
                if (state.forest.childCount(tree, y) == 0 && weaker(y, node) && (best[1] < 0 || weaker(y, best[1]))) {
                    best[0] = p;
                    best[1] = y;
                }
            }
            return false;
        };
        int region = state.net.region(node);
        state.spare.visitRegion(region, 0, options.candidatesPerRegion(), look);
        int[] near = state.nearby.regions(region);
        for (int i = 0; i < Math.min(near.length, options.nearRegions()) && best[1] < 0; i++) {
            state.spare.visitRegion(near[i], 0, options.candidatesPerRegion(), look);
        }
        if (best[1] < 0) {
            return false;
        }
        int parent = best[0];
        int leaf = best[1];
        state.detach(tree, leaf);
        if (!state.mayParent(tree, parent, node)) {
            state.attach(tree, leaf, parent);
            return false;
        }
        state.attach(tree, node, parent);
        if (!place(tree, leaf, -1)) {
            state.setReason(state.forest.channel(tree), leaf, UnservedReason.EJECTED);
        }
        return true;
    }

    /** Whether {@code a} yields to {@code b}: a lower tier, or the same tier and less uplink. */
    boolean weaker(int a, int b) {
        Node x = state.net.node(a);
        Node y = state.net.node(b);
        if (x.role() != Role.PEER) {
            return false;
        }
        int tiers = Integer.compare(rank(x.tier()), rank(y.tier()));
        return tiers != 0 ? tiers < 0 : x.uplinkKbps() < y.uplinkKbps();
    }

    private static int rank(Tier tier) {
        return switch (tier) {
            case PREMIUM -> 2;
            case STANDARD -> 1;
            case FREE -> 0;
        };
    }

    /**
     * Promotes a high-quality node that joins next to a source in one tree: it takes the place
     * of the source's peer child with the least uplink (when that is less than its own), which
     * becomes its child. Returns whether it did.
     */
    boolean promote(int tree, int node) {
        int c = state.forest.channel(tree);
        Node joining = state.net.node(node);
        int bestSource = -1;
        int weakest = -1;
        for (int source : state.net.sourceNumbers(c)) {
            if (!state.admits(source, node, c)) {
                continue;
            }
            int[] kids = state.forest.children(tree, source);
            for (int i = 0; i < state.forest.childCount(tree, source); i++) {
                int y = kids[i];
                Node child = state.net.node(y);
                if (child.role() == Role.PEER
                        && child.uplinkKbps() < joining.uplinkKbps()
                        && (weakest < 0
                                || child.uplinkKbps() < state.net.node(weakest).uplinkKbps())) {
                    weakest = y;
                    bestSource = source;
                }
            }
        }
        if (weakest < 0) {
            return false;
        }
        state.detach(tree, weakest);
        if (!state.mayParent(tree, bestSource, node)) {
            state.attach(tree, weakest, bestSource);
            return false;
        }
        state.attach(tree, node, bestSource);
        if (state.mayParent(tree, node, weakest)) {
            state.attach(tree, weakest, node);
        } else {
            orphan(tree, weakest, -1);
        }
        return true;
    }

    /** Whether a joining node is worth promoting: uplink for {@code promotionFanout} children. */
    boolean highQuality(int node, int channel) {
        Node n = state.net.node(node);
        return n.role() == Role.PEER
                && n.canRelay()
                && n.uplinkKbps() >= options.promotionFanout() * state.rate(channel)
                && n.uptime() >= options.promotionUptime();
    }
}
