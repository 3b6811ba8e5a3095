package dev.canopy.solver.bench;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import java.util.OptionalLong;

/**
 * The traffic figures of a verified plan: served, stranded demand, offload, cross-ISP and
 * cross-country shares (from the verifier's metrics) and the locality cost (from the plan).
 * Stateless.
 */
public final class PlanFigures {
    private PlanFigures() {}

    /** The figures; the ratios to {@code random} are left for {@link BenchRunner} to fill. */
    public static RunResult.Traffic traffic(
            SnapshotIndex index, Plan plan, PlanMetrics metrics, OptionalLong localityBound) {
        long demand = 0;
        for (ChannelMetrics c : metrics.channels().values()) {
            demand += c.receivers() * c.rateKbps();
        }
        return new RunResult.Traffic(
                metrics.servedFraction(),
                stranded(
                        metrics.serverUplinkKbps(), demand, relayingPeerUplinkKbps(index), serverOnlyDemandKbps(index)),
                ServerSends.of(index, plan, demand),
                metrics.offload(),
                metrics.crossRegionShare(),
                metrics.crossCountryShare(),
                Double.NaN,
                Double.NaN,
                Locality.planCost(index, plan),
                localityBound.isPresent() ? localityBound.getAsLong() : Double.NaN);
    }

    /**
     * Stranded demand: the rate servers sent beyond what they had to, as a share of the demand.
     * Servers have to send what only they may send (receivers whose access lists admit no
     * relaying peer) plus what the peers together could not have carried of the rest: needed =
     * serverOnly + max(0, demand - serverOnly - peer uplinks). Demand is N x rate summed over
     * channels (N the receivers, rate the channel's, parity overhead not counted). 0 when
     * servers sent no more than they had to.
     *
     * @param serverSentKbps rate sent by origin, CDN and waypoint servers
     * @param demandKbps N x rate summed over channels
     * @param peerUplinkKbps summed uplink of the peers that may relay
     * @param serverOnlyKbps the part of the demand that no relaying peer may serve
     */
    public static double stranded(long serverSentKbps, long demandKbps, long peerUplinkKbps, long serverOnlyKbps) {
        if (demandKbps <= 0) {
            return 0;
        }
        long needed = serverOnlyKbps + Math.max(0, demandKbps - serverOnlyKbps - peerUplinkKbps);
        return (double) Math.max(0, serverSentKbps - needed) / demandKbps;
    }

    /**
     * The demand only servers may serve: rate x receivers that no relaying peer may send to
     * under the lightweight rules (a lightweight receiver needs a regular peer; an access list
     * must name the peer by id or admit {@code role:peer}), summed over channels.
     */
    static long serverOnlyDemandKbps(SnapshotIndex index) {
        boolean[] serverOnly = serverOnlyReceivers(index);
        long sum = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            long rate = index.channel(c).rateKbps();
            for (int r : index.receivers(c)) {
                if (serverOnly[r]) {
                    sum += rate;
                }
            }
        }
        return sum;
    }

    /** Per node: whether no relaying peer may send to it under the lightweight rules (see above). */
    static boolean[] serverOnlyReceivers(SnapshotIndex index) {
        boolean anyRelaying = false;
        boolean anyRegularRelaying = false;
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            anyRelaying |= isRelayingPeer(node);
            anyRegularRelaying |= isRelayingPeer(node) && !node.isLightweight();
        }
        boolean[] out = new boolean[index.nodeCount()];
        for (int r = 0; r < out.length; r++) {
            Node receiver = index.node(r);
            boolean anyPeer = receiver.isLightweight() ? anyRegularRelaying : anyRelaying;
            out[r] = !admitsPeer(index, receiver, anyPeer);
        }
        return out;
    }

    private static boolean admitsPeer(SnapshotIndex index, Node receiver, boolean anyPeer) {
        if (!receiver.has(Limit.ACCESS_LIST)) {
            return anyPeer;
        }
        for (String entry : receiver.accessList()) {
            boolean admits = entry.equals("role:" + Role.PEER.code())
                    ? anyPeer
                    : index.node(entry)
                            .filter(p -> isRelayingPeer(p) && Pairing.canPair(p, receiver))
                            .isPresent();
            if (admits) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRelayingPeer(Node node) {
        return node.role() == Role.PEER && node.canRelay();
    }

    /** Summed uplink of the nodes of role peer that may relay. */
    static long relayingPeerUplinkKbps(SnapshotIndex index) {
        long sum = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            if (isRelayingPeer(node)) {
                sum += node.uplinkKbps();
            }
        }
        return sum;
    }
}
