package dev.canopy.solver.bench;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.solver.Locality;
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
                stranded(metrics.serverUplinkKbps(), demand, relayingPeerUplinkKbps(index)),
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
     * Servers have to send at least max(0, demand - peer uplinks): what the peers together
     * could not have carried. Demand is N x rate summed over channels (N the receivers, rate
     * the channel's, parity overhead not counted). 0 when servers sent no more than they had to.
     *
     * @param serverSentKbps rate sent by origin, CDN and waypoint servers
     * @param demandKbps N x rate summed over channels
     * @param peerUplinkKbps summed uplink of the peers that may relay
     */
    public static double stranded(long serverSentKbps, long demandKbps, long peerUplinkKbps) {
        if (demandKbps <= 0) {
            return 0;
        }
        long needed = Math.max(0, demandKbps - peerUplinkKbps);
        return (double) Math.max(0, serverSentKbps - needed) / demandKbps;
    }

    /** Summed uplink of the nodes of role peer that may relay. */
    static long relayingPeerUplinkKbps(SnapshotIndex index) {
        long sum = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            if (node.role() == Role.PEER && node.canRelay()) {
                sum += node.uplinkKbps();
            }
        }
        return sum;
    }
}
