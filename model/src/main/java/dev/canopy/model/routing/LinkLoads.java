package dev.canopy.model.routing;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Traffic a plan puts on each link, per direction, in kbps: every edge's rate is added to
 * every link on the route from the parent's region to the child's. Edges naming unknown nodes
 * are skipped (the verifier reports them). Not thread-safe while being filled.
 */
public final class LinkLoads {
    private final SnapshotIndex index;
    private final Routing routing;
    private final long[] aToB;
    private final long[] bToA;

    /** Empty loads over a snapshot's links. */
    public LinkLoads(Routing routing) {
        this.routing = routing;
        this.index = routing.index();
        this.aToB = new long[index.linkCount()];
        this.bToA = new long[index.linkCount()];
    }

    /** The loads of every overlay of a plan. */
    public static LinkLoads of(Plan plan, Routing routing) {
        return of(plan, routing, channel -> true);
    }

    /** The loads of the overlays whose channel passes the filter. */
    public static LinkLoads of(Plan plan, Routing routing, Predicate<String> channels) {
        LinkLoads loads = new LinkLoads(routing);
        SnapshotIndex index = routing.index();
        for (Overlay overlay : plan.overlays()) {
            if (!channels.test(overlay.channel())) {
                continue;
            }
            for (Edge edge : overlay.edges()) {
                OptionalInt parent = index.nodeIndex(edge.parent());
                OptionalInt child = index.nodeIndex(edge.child());
                if (parent.isPresent() && child.isPresent()) {
                    loads.add(
                            index.regionOf(parent.getAsInt()), index.regionOf(child.getAsInt()), overlay.rateOf(edge));
                }
            }
        }
        return loads;
    }

    /** Adds traffic from one region to another. */
    public void add(int fromRegion, int toRegion, long kbps) {
        if (fromRegion == toRegion) {
            return;
        }
        Route route = routing.route(fromRegion, toRegion);
        for (int i = 0; i < route.hops(); i++) {
            if (route.aToB(i)) {
                aToB[route.link(i)] += kbps;
            } else {
                bToA[route.link(i)] += kbps;
            }
        }
    }

    /** Plan traffic on a link in one direction (without the link's outside {@code loadKbps}). */
    public long kbps(int link, boolean fromAToB) {
        return fromAToB ? aToB[link] : bToA[link];
    }

    /** Plan traffic plus the link's outside load, in one direction. */
    public long totalKbps(int link, boolean fromAToB) {
        Link l = index.link(link);
        return kbps(link, fromAToB) + l.loadKbps();
    }
}
