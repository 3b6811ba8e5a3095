package dev.canopy.solver.multitree;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multi-tree's plan metrics counted from a finished plan's edges and unserved entries, so that
 * they describe the plan returned whatever changed it after the trees were built (short leaves
 * dropped, the finishing passes, a locality polish): {@value TreePlanner#RELAXATIONS} (peers with
 * children in more than one tree of a channel, summed over channels), {@value
 * TreePlanner#FRIEND_RELAYS} (those of them that have children in a tree only through the
 * access-list receivers naming them: without those edges they would have children in fewer trees)
 * and {@value TreePlanner#EJECTED} (unserved entries with reason {@code ejected}). Servers are
 * never counted. One pass over the edges; stateless and thread-safe.
 *
 * @param interiorRelaxations peers with children in several trees of a channel, summed over channels
 * @param friendRelays those of them fed into another tree by access-list receivers naming them
 * @param ejected (node, channel) pairs unserved with reason {@code ejected}
 */
public record RelayCounts(int interiorRelaxations, int friendRelays, int ejected) {

    /** The counts of a plan of the index's snapshot. */
    public static RelayCounts of(SnapshotIndex index, Plan plan) {
        Set<String> listing = new HashSet<>();
        for (int v = 0; v < index.nodeCount(); v++) {
            if (!index.node(v).accessList().isEmpty()) {
                listing.add(index.nodeId(v));
            }
        }
        Tally tally = new Tally(index);
        for (int c = 0; c < index.channelCount(); c++) {
            String channel = index.channel(c).id();
            tally.channel(index.channel(c).totalSubstreams());
            for (Overlay overlay : plan.overlays()) {
                if (overlay.kind() != OverlayKind.TREE || !overlay.channel().equals(channel)) {
                    continue;
                }
                int tree = overlay.substream().orElseThrow();
                for (Edge edge : overlay.edges()) {
                    // the child's number only matters when it has an access list
                    int child = listing.contains(edge.child())
                            ? index.nodeIndex(edge.child()).orElseThrow()
                            : Tally.UNLISTED;
                    tally.edge(tree, index.nodeIndex(edge.parent()).orElseThrow(), child);
                }
            }
            tally.endChannel();
        }
        return tally.counts(plan.unserved());
    }

    /**
     * The counting over node numbers, one channel at a time, its edges in any order: for {@link
     * #of} and for a planner that still holds its edges as numbers (cheaper at 10^6 peers than
     * looking up every edge's ids). Per tree and node, whether the node has children there (all,
     * or besides receivers naming it): two boolean arrays per tree, reused across channels. Not
     * thread-safe.
     */
    static final class Tally {
        /** A child given as this is taken to have no access list. */
        static final int UNLISTED = -1;

        private final SnapshotIndex index;
        private boolean[][] parentIn = new boolean[0][];
        private boolean[][] parentBesidesFriendsIn = new boolean[0][];
        private int trees;
        private int relaxations;
        private int friendRelays;

        Tally(SnapshotIndex index) {
            this.index = index;
        }

        /** Starts a channel of {@code trees} substream trees. */
        void channel(int trees) {
            int n = index.nodeCount();
            if (parentIn.length < trees) {
                parentIn = Arrays.copyOf(parentIn, trees);
                parentBesidesFriendsIn = Arrays.copyOf(parentBesidesFriendsIn, trees);
            }
            for (int t = 0; t < trees; t++) {
                if (parentIn[t] == null) {
                    parentIn[t] = new boolean[n];
                    parentBesidesFriendsIn[t] = new boolean[n];
                } else {
                    Arrays.fill(parentIn[t], false);
                    Arrays.fill(parentBesidesFriendsIn[t], false);
                }
            }
            this.trees = trees;
        }

        /** An edge of the channel's tree {@code tree}; {@code child} may be {@link #UNLISTED}. */
        void edge(int tree, int parent, int child) {
            parentIn[tree][parent] = true;
            if (!parentBesidesFriendsIn[tree][parent] && !names(child, parent)) {
                parentBesidesFriendsIn[tree][parent] = true;
            }
        }

        /** Counts the channel's relaxed peers and friend relays. */
        void endChannel() {
            for (int v = 0; v < index.nodeCount(); v++) {
                int all = 0;
                int besidesFriends = 0;
                for (int t = 0; t < trees; t++) {
                    all += parentIn[t][v] ? 1 : 0;
                    besidesFriends += parentBesidesFriendsIn[t][v] ? 1 : 0;
                }
                if (all > 1 && !index.node(v).role().isServer()) {
                    relaxations++;
                    friendRelays += besidesFriends < all ? 1 : 0;
                }
            }
        }

        /** The counts of the channels ended, with the unserved entries' ejections. */
        RelayCounts counts(List<Unserved> unserved) {
            int ejected = 0;
            for (Unserved u : unserved) {
                ejected += u.reason() == UnservedReason.EJECTED ? 1 : 0;
            }
            return new RelayCounts(relaxations, friendRelays, ejected);
        }

        /** Whether the child has an access list that names the parent by id. */
        private boolean names(int child, int parent) {
            return child != UNLISTED && index.node(child).accessList().contains(index.nodeId(parent));
        }
    }

    /** The plan with these counts as its metrics of those names, put after the metrics it has. */
    public Plan into(Plan plan) {
        Map<String, Object> metrics = new LinkedHashMap<>(plan.metrics());
        metrics.put(TreePlanner.RELAXATIONS, interiorRelaxations);
        metrics.put(TreePlanner.FRIEND_RELAYS, friendRelays);
        metrics.put(TreePlanner.EJECTED, ejected);
        return plan.withMetrics(metrics);
    }

    /**
     * The metrics with these counts in place of the ones of those names they have (a plan another
     * step changed keeps reporting what multi-tree reports, now true of its edges); names they do
     * not have are not added.
     */
    public Map<String, Object> restate(Map<String, Object> metrics) {
        Map<String, Object> out = new LinkedHashMap<>(metrics);
        out.replace(TreePlanner.RELAXATIONS, interiorRelaxations);
        out.replace(TreePlanner.FRIEND_RELAYS, friendRelays);
        out.replace(TreePlanner.EJECTED, ejected);
        return out;
    }
}
