package dev.canopy.solver.multitree;

import dev.canopy.model.Node;
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
        int n = index.nodeCount();
        Set<String> listing = new HashSet<>();
        for (int v = 0; v < n; v++) {
            if (!index.node(v).accessList().isEmpty()) {
                listing.add(index.nodeId(v));
            }
        }
        // Per node, within a channel: in how many trees it has children (all, or besides
        // receivers naming it), and the last tree counted, as trees come one after the other.
        int[] trees = new int[n];
        int[] treesBesidesFriends = new int[n];
        int[] lastTree = new int[n];
        int[] lastTreeBesidesFriends = new int[n];
        int relaxations = 0;
        int friendRelays = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            String channel = index.channel(c).id();
            Arrays.fill(trees, 0);
            Arrays.fill(treesBesidesFriends, 0);
            Arrays.fill(lastTree, -1);
            Arrays.fill(lastTreeBesidesFriends, -1);
            int tree = 0;
            for (Overlay overlay : plan.overlays()) {
                if (overlay.kind() != OverlayKind.TREE || !overlay.channel().equals(channel)) {
                    continue;
                }
                tree++;
                for (Edge edge : overlay.edges()) {
                    int p = index.nodeIndex(edge.parent()).orElseThrow();
                    if (lastTree[p] != tree) {
                        lastTree[p] = tree;
                        trees[p]++;
                    }
                    if (lastTreeBesidesFriends[p] != tree && !names(index, listing, edge)) {
                        lastTreeBesidesFriends[p] = tree;
                        treesBesidesFriends[p]++;
                    }
                }
            }
            for (int v = 0; v < n; v++) {
                if (trees[v] > 1 && !index.node(v).role().isServer()) {
                    relaxations++;
                    friendRelays += treesBesidesFriends[v] < trees[v] ? 1 : 0;
                }
            }
        }
        int ejected = 0;
        for (Unserved u : plan.unserved()) {
            ejected += u.reason() == UnservedReason.EJECTED ? 1 : 0;
        }
        return new RelayCounts(relaxations, friendRelays, ejected);
    }

    /** Whether the edge's child has an access list that names its parent by id. */
    private static boolean names(SnapshotIndex index, Set<String> listing, Edge edge) {
        if (!listing.contains(edge.child())) {
            return false;
        }
        Node child = index.node(edge.child()).orElseThrow();
        return child.accessList().contains(edge.parent());
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
