package dev.canopy.solver.polish;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Limit;
import dev.canopy.model.Link;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Routing;
import java.util.List;
import java.util.OptionalInt;

/**
 * A tiny network for the polish's unit tests, and helpers that build forests on it by hand:
 * regions isp-a and isp-b in DE, isp-c in FR; link x (de-fr) capped at {@value #CROSS_CAP} kbps;
 * channel live of {@value #RATE} kbps in 2 substreams from the origin in isp-a, max depth 3;
 * peers c1..c3 in isp-c (uplink one substream each but c1 two), b1 in isp-b, a lightweight
 * peer l1 in isp-c (no-inbound), a no-relay peer n1 in isp-c and a peer r1 in isp-c whose
 * access list names the origin's role only.
 */
final class PolishSolutionFixture {
    static final long RATE = 600;
    static final long SUBSTREAM = RATE / 2;
    static final long CROSS_CAP = 4 * SUBSTREAM;

    final Snapshot snapshot;
    final SnapshotIndex index;
    final Routing routing;
    final Network network;

    PolishSolutionFixture() {
        snapshot = snapshot();
        index = SnapshotIndex.of(snapshot);
        routing = Routing.of(index);
        boolean[] capped = new boolean[index.linkCount()];
        long[][] spare = new long[index.linkCount()][2];
        for (int l = 0; l < capped.length; l++) {
            Link link = index.link(l);
            capped[l] = link.capacityKbps().isPresent();
            if (capped[l]) {
                long free = link.capacityKbps().getAsLong() - link.loadKbps();
                spare[l] = new long[] {free, free};
            }
        }
        network = new Network(routing, capped, spare);
    }

    static Snapshot snapshot() {
        return SnapshotBuilder.create("polish-tiny")
                .region("world")
                .country("de", "world", "DE")
                .country("fr", "world", "FR")
                .region("isp-a", "de")
                .region("isp-b", "de")
                .region("isp-c", "fr")
                .link("la", "isp-a", "de", 2)
                .link("lb", "isp-b", "de", 3)
                .link("lc", "isp-c", "fr", 2)
                .link("x", "de", "fr", 20, CROSS_CAP)
                .channel(new Channel(
                        "live", ChannelKind.LIVE, ContentClass.VIDEO, RATE, 2, 0, List.of("origin"), OptionalInt.of(3)))
                .origin("origin", "isp-a", 6 * SUBSTREAM)
                .peer("c1", "isp-c", 2 * SUBSTREAM, "live")
                .peer("c2", "isp-c", SUBSTREAM, "live")
                .peer("c3", "isp-c", SUBSTREAM, "live")
                .peer("b1", "isp-b", SUBSTREAM, "live")
                .peer("l1", "isp-c", SUBSTREAM, n -> n.lightweight(Limit.NO_INBOUND)
                        .wants("live"))
                .peer("n1", "isp-c", SUBSTREAM, n -> n.lightweight(Limit.NO_RELAY)
                        .wants("live"))
                .peer("r1", "isp-c", SUBSTREAM, n -> n.lightweight(Limit.ACCESS_LIST)
                        .accessList("role:origin")
                        .wants("live"))
                .build();
    }

    /** A sender for a node with a budget in kbps. */
    Sender sender(String id, long budgetKbps) {
        int node = index.nodeIndex(id).orElseThrow();
        return new Sender(node, index.node(node), budgetKbps);
    }

    /** A tree of channel 0 with a depth bound. */
    static Tree tree(int id, int depthBound) {
        return new Tree(id, 0, depthBound, 3, 2);
    }

    /** A node's holder in a tree (fresh: a peer new to relaying in the channel). */
    Holder holder(Sender sender, Tree tree, boolean fresh) {
        return new Holder(sender, tree, index.regionOf(sender.node), fresh);
    }

    /** The holder hung under a parent at the substream rate. */
    Attachment attach(Holder child, Holder parent) {
        Attachment a = new Attachment(child, SUBSTREAM, network, parent);
        child.own = a;
        parent.children.add(a);
        return a;
    }
}
