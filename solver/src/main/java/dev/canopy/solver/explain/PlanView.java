package dev.canopy.solver.explain;

import dev.canopy.model.Channel;
import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.LinkLoads;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A plan read for one channel and node: who holds the channel, the node's parents, every node's
 * uplink use and every link's load. Built once per explanation; arrays by dense node number.
 */
final class PlanView {
    final SnapshotIndex index;
    final Routing routing;
    final Plan plan;
    final int channel;
    final long[] uplinkUsed;
    final boolean[] holds;
    final LinkLoads loads;

    PlanView(Routing routing, Plan plan, int channel) {
        this.index = routing.index();
        this.routing = routing;
        this.plan = plan;
        this.channel = channel;
        this.uplinkUsed = new long[index.nodeCount()];
        this.holds = new boolean[index.nodeCount()];
        this.loads = LinkLoads.of(plan, routing);
        String id = index.channel(channel).id();
        for (int source : index.sources(channel)) {
            holds[source] = true;
        }
        for (Overlay overlay : plan.overlays()) {
            for (Edge edge : overlay.edges()) {
                OptionalInt parent = index.nodeIndex(edge.parent());
                OptionalInt child = index.nodeIndex(edge.child());
                if (parent.isPresent()) {
                    uplinkUsed[parent.getAsInt()] += overlay.rateOf(edge);
                }
                if (child.isPresent() && overlay.channel().equals(id)) {
                    holds[child.getAsInt()] = true;
                }
            }
        }
    }

    /** The node's parents in the channel's overlays, with why each fits. */
    List<Explanation.ParentLink> parents(int node) {
        List<Explanation.ParentLink> out = new ArrayList<>();
        String id = index.node(node).id();
        for (Overlay overlay : plan.overlays()) {
            if (!overlay.channel().equals(index.channel(channel).id())) {
                continue;
            }
            for (Edge edge : overlay.edges()) {
                if (edge.child().equals(id)) {
                    int parent = index.nodeIndex(edge.parent()).orElseThrow();
                    int substream = overlay.kind() == OverlayKind.TREE
                            ? overlay.substream().orElse(0)
                            : -1;
                    out.add(new Explanation.ParentLink(
                            substream, edge.parent(), locality(parent, node), spare(parent)));
                }
            }
        }
        return out;
    }

    /** Whether the plan delivers the channel to the node. */
    boolean served(int node) {
        Channel c = index.channel(channel);
        if (index.isSource(channel, node)) {
            return true;
        }
        boolean[] got = new boolean[c.totalSubstreams()];
        int count = 0;
        for (Explanation.ParentLink link : parents(node)) {
            if (link.substream() < 0) {
                return true;
            }
            if (link.substream() < got.length && !got[link.substream()]) {
                got[link.substream()] = true;
                count++;
            }
        }
        return count >= c.substreams();
    }

    /** The node's uplink left after the plan, in kbps. */
    long spare(int node) {
        return index.node(node).uplinkKbps() - uplinkUsed[node];
    }

    /** Same region, or the route's latency and links. */
    String locality(int from, int to) {
        if (index.regionOf(from) == index.regionOf(to)) {
            return "same region " + index.region(index.regionOf(to)).id();
        }
        Route route = routing.routeBetweenNodes(from, to);
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < route.hops(); i++) {
            links.append(i == 0 ? "" : ", ").append(index.link(route.link(i)).id());
        }
        String path = route.isImplicitTransit() ? "implicit transit" : route.hops() == 0 ? "no link" : "over " + links;
        return String.format(Locale.ROOT, "%.0f ms %s", route.latencyMs(), path);
    }

    /** The first link on the route that has no room for {@code kbps} more, as a phrase; empty if none. */
    String fullLink(int from, int to, long kbps) {
        Route route = routing.routeBetweenNodes(from, to);
        for (int i = 0; i < route.hops(); i++) {
            int link = route.link(i);
            Link l = index.link(link);
            if (l.capacityKbps().isEmpty()) {
                continue;
            }
            long used = loads.totalKbps(link, route.aToB(i));
            if (used + kbps > l.capacityKbps().getAsLong()) {
                String direction = route.aToB(i) ? l.a() + "->" + l.b() : l.b() + "->" + l.a();
                return "link " + l.id() + " " + direction + " full (" + used + " of "
                        + l.capacityKbps().getAsLong() + " kbps)";
            }
        }
        return "";
    }
}
