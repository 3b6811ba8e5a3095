package dev.canopy.solver.bench;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;

/**
 * Where the stranded server rate of a plan goes, for the bench's breakdown of {@code stranded}:
 * the rate servers send over tree edges to servers that want the channel (a CDN receiver: peers
 * might feed it, so the stranded figure counts it, but it relays what only servers may send),
 * and to region entries (peers that relay the substream onwards: a tree's root fan-out), each
 * over the demand N x rate. Edges to receivers only servers may feed (the floor the stranded
 * figure subtracts) are in neither; with peers' uplinks to spare, stranded minus these two is
 * what servers sent to peer leaves (e.g. access-list receivers whose friend peer had no slot
 * left). Stateless.
 */
public final class ServerSends {
    /**
     * The two shares of the demand N x rate (parity overhead not counted); NaN when not measured.
     *
     * @param toServers server rate to servers that want the channel
     * @param toEntries server rate to relaying peers that are not server-only receivers
     */
    public record Parts(double toServers, double toEntries) {
        /** Not measured. */
        public static final Parts NONE = new Parts(Double.NaN, Double.NaN);
    }

    private ServerSends() {}

    static Parts of(SnapshotIndex index, Plan plan, long demandKbps) {
        if (demandKbps <= 0) {
            return new Parts(0, 0);
        }
        boolean[] serverOnly = PlanFigures.serverOnlyReceivers(index);
        boolean[] relays = new boolean[index.nodeCount()];
        long toServers = 0;
        long toEntries = 0;
        for (Overlay overlay : plan.overlays()) {
            if (overlay.kind() != OverlayKind.TREE) {
                continue;
            }
            for (Edge edge : overlay.edges()) {
                index.nodeIndex(edge.parent()).ifPresent(p -> relays[p] = true);
            }
            for (Edge edge : overlay.edges()) {
                int parent = index.nodeIndex(edge.parent()).orElseThrow();
                int child = index.nodeIndex(edge.child()).orElseThrow();
                Node p = index.node(parent);
                if (!p.role().isServer()) {
                    continue;
                }
                if (index.node(child).role().isServer()) {
                    toServers += overlay.rateKbps();
                } else if (relays[child] && !serverOnly[child]) {
                    toEntries += overlay.rateKbps();
                }
            }
            for (Edge edge : overlay.edges()) {
                index.nodeIndex(edge.parent()).ifPresent(p -> relays[p] = false);
            }
        }
        return new Parts((double) toServers / demandKbps, (double) toEntries / demandKbps);
    }
}
