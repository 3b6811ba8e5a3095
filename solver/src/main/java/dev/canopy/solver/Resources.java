package dev.canopy.solver;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;

/**
 * What is left of the network's capacities while a plan grows: each node's uplink (shared by
 * all channels it relays) and downlink, and each link's capacity per direction (less its
 * outside load). Reserving an edge takes its rate from the parent's uplink, the child's downlink
 * and every link on the route; releasing gives it back. Not thread-safe: one per planning call.
 */
public final class Resources {
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private final SnapshotIndex index;
    private final Routing routing;
    private final long[] uplink;
    private final long[] downlink;
    private final long[] linkAToB;
    private final long[] linkBToA;
    private final boolean anyLinkBound;

    public Resources(Routing routing) {
        this.routing = routing;
        this.index = routing.index();
        int nodes = index.nodeCount();
        uplink = new long[nodes];
        downlink = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            uplink[i] = index.node(i).uplinkKbps();
            downlink[i] = index.node(i).downlinkKbps().orElse(UNBOUNDED);
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

    /** Uplink left at a node. */
    public long uplink(int node) {
        return uplink[node];
    }

    /** Downlink left at a node. */
    public long downlink(int node) {
        return downlink[node];
    }

    /** Whether the route from a parent's region to a child's region has {@code kbps} left on every link. */
    public boolean pathHas(int parent, int child, long kbps) {
        if (!anyLinkBound) {
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
        if (!anyLinkBound) {
            return;
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

    private Route route(int parent, int child) {
        return routing.route(index.regionOf(parent), index.regionOf(child));
    }
}
