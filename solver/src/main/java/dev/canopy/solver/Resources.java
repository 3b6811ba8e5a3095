package dev.canopy.solver;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * What is left of the network's capacities while a plan grows: each node's uplink (shared by
 * all channels it relays) and downlink, and each link's capacity per direction (less its
 * outside load). Reserving an edge takes its rate from the parent's uplink, the child's downlink
 * and every link on the route; releasing gives it back. The re-planner keeps one alive across
 * events: nodes may be added after the snapshot's (numbered on from its last), and capacities
 * adjusted. Not thread-safe: one per planning call or re-planning session.
 */
public final class Resources {
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private final Routing routing;
    private long[] uplink;
    private long[] downlink;
    private int[] nodeRegion;
    private int nodes;
    private final long[] linkAToB;
    private final long[] linkBToA;
    private boolean anyLinkBound;

    public Resources(Routing routing) {
        this.routing = routing;
        SnapshotIndex index = routing.index();
        nodes = index.nodeCount();
        uplink = new long[nodes];
        downlink = new long[nodes];
        nodeRegion = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            uplink[i] = index.node(i).uplinkKbps();
            downlink[i] = index.node(i).downlinkKbps().orElse(UNBOUNDED);
            nodeRegion[i] = index.regionOf(i);
        }
        int links = index.linkCount();
        linkAToB = new long[links];
        linkBToA = new long[links];
        boolean bound = false;
        for (int l = 0; l < links; l++) {
            Link link = index.link(l);
            long spare =
                    link.capacityKbps().isPresent() ? link.capacityKbps().getAsLong() - link.loadKbps() : UNBOUNDED;
            bound |= link.capacityKbps().isPresent();
            linkAToB[l] = spare;
            linkBToA[l] = spare;
        }
        anyLinkBound = bound;
    }

    /**
     * Adds a node after the snapshot's, in a region of the snapshot, with its full capacities;
     * returns its number (the next after the last).
     */
    public int addNode(int region, long uplinkKbps, OptionalLong downlinkKbps) {
        if (nodes == uplink.length) {
            int capacity = Math.max(16, nodes + (nodes >> 1));
            uplink = Arrays.copyOf(uplink, capacity);
            downlink = Arrays.copyOf(downlink, capacity);
            nodeRegion = Arrays.copyOf(nodeRegion, capacity);
        }
        uplink[nodes] = uplinkKbps;
        downlink[nodes] = downlinkKbps.orElse(UNBOUNDED);
        nodeRegion[nodes] = region;
        return nodes++;
    }

    /** Moves a node to another region (a node that comes back elsewhere); it must have no edges. */
    public void setRegion(int node, int region) {
        nodeRegion[node] = region;
    }

    /** The routing the capacities are counted on. */
    public Routing routing() {
        return routing;
    }

    /** Number of nodes the ledger knows (the snapshot's and those added). */
    public int nodeCount() {
        return nodes;
    }

    /** Changes a node's uplink left by {@code delta} kbps (a capacity change); it may go negative. */
    public void adjustUplink(int node, long delta) {
        uplink[node] += delta;
    }

    /** Changes a node's downlink left by {@code delta} kbps; it may go negative. */
    public void adjustDownlink(int node, long delta) {
        downlink[node] += delta;
    }

    /** Changes a link's capacity left, in both directions, by {@code delta} kbps; it may go negative. */
    public void adjustLink(int link, long delta) {
        linkAToB[link] += delta;
        linkBToA[link] += delta;
        anyLinkBound = true;
    }

    /** Capacity left on a link in one direction ({@code aToB}: from its end a to its end b). */
    public long linkSpare(int link, boolean aToB) {
        return aToB ? linkAToB[link] : linkBToA[link];
    }

    /** The kbps a link direction counts as when it has no capacity. */
    public static long unbounded() {
        return UNBOUNDED;
    }

    /** Uplink left at a node. */
    public long uplink(int node) {
        return uplink[node];
    }

    /** Downlink left at a node. */
    public long downlink(int node) {
        return downlink[node];
    }

    /**
     * Whether an edge from parent to child takes link capacity that some link may lack: a
     * link has a capacity and the two are in different regions. When not, {@link #pathHas} is
     * always true and reserving the edge touches no link.
     */
    public boolean crossesBoundLinks(int parent, int child) {
        return anyLinkBound && nodeRegion[parent] != nodeRegion[child];
    }

    /** Whether the route from a parent's region to a child's region has {@code kbps} left on every link. */
    public boolean pathHas(int parent, int child, long kbps) {
        if (!anyLinkBound || nodeRegion[parent] == nodeRegion[child]) {
            return true;
        }
        Route route = route(parent, child);
        for (int i = 0; i < route.hops(); i++) {
            long spare = route.aToB(i) ? linkAToB[route.link(i)] : linkBToA[route.link(i)];
            if (spare < kbps) {
                return false;
            }
        }
        return true;
    }

    /** Whether an edge of {@code kbps} from parent to child fits everywhere. */
    public boolean fits(int parent, int child, long kbps) {
        return uplink[parent] >= kbps && downlink[child] >= kbps && pathHas(parent, child, kbps);
    }

    /** Takes an edge's rate from every resource it uses; the caller has checked {@link #fits}. */
    public void reserve(int parent, int child, long kbps) {
        adjust(parent, child, -kbps);
    }

    /** Gives back what {@link #reserve} took. */
    public void release(int parent, int child, long kbps) {
        adjust(parent, child, kbps);
    }

    private void adjust(int parent, int child, long delta) {
        uplink[parent] += delta;
        downlink[child] += delta;
        if (!anyLinkBound || nodeRegion[parent] == nodeRegion[child]) {
            return; // a route inside a region uses no link
        }
        Route route = route(parent, child);
        for (int i = 0; i < route.hops(); i++) {
            if (route.aToB(i)) {
                linkAToB[route.link(i)] += delta;
            } else {
                linkBToA[route.link(i)] += delta;
            }
        }
    }

    /** The route an edge from parent to child takes. */
    public Route route(int parent, int child) {
        return routing.route(nodeRegion[parent], nodeRegion[child]);
    }
}
