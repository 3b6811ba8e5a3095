package dev.canopy.policies.verify;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.LinkLoads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the verifier's per-channel results and traffic sums into {@link PlanMetrics}. */
final class Metrics {
    private Metrics() {}

    static PlanMetrics of(
            SnapshotIndex index,
            Plan plan,
            List<ChannelCheck.Result> results,
            PlanVerifier.Traffic traffic,
            LinkLoads loads) {
        Map<String, ChannelMetrics> channels = new LinkedHashMap<>();
        long[] tierWanted = new long[Tier.values().length];
        long[] tierServed = new long[Tier.values().length];
        int maxDepth = 0;
        long depthSum = 0;
        long depthCount = 0;
        for (ChannelCheck.Result r : results) {
            channels.put(index.channel(r.channel()).id(), channel(index, r, tierWanted, tierServed));
            maxDepth = Math.max(maxDepth, r.maxDepth());
            depthSum += r.depthSum();
            depthCount += r.depthCount();
        }
        long total = traffic.server + traffic.peer;
        int edges = plan.overlays().stream().mapToInt(o -> o.edges().size()).sum();
        return new PlanMetrics(
                channels,
                byTier(tierWanted, tierServed),
                traffic.server,
                traffic.peer,
                total == 0 ? 0 : (double) traffic.peer / total,
                total == 0 ? 0 : (double) traffic.crossRegion / total,
                total == 0 ? 0 : (double) traffic.crossCountry / total,
                maxDepth,
                depthCount == 0 ? 0 : (double) depthSum / depthCount,
                edges,
                plan.unserved().size(),
                plan.relaxed().size(),
                links(index, loads));
    }

    private static ChannelMetrics channel(
            SnapshotIndex index, ChannelCheck.Result r, long[] allWanted, long[] allServed) {
        int c = r.channel();
        long[] wanted = new long[Tier.values().length];
        long[] served = new long[Tier.values().length];
        int receivers = 0;
        int servedCount = 0;
        int degraded = 0;
        int k = index.channel(c).substreams();
        for (int i : index.receivers(c)) {
            int tier = index.node(i).tier().ordinal();
            receivers++;
            wanted[tier]++;
            allWanted[tier]++;
            if (r.served()[i]) {
                servedCount++;
                served[tier]++;
                allServed[tier]++;
            } else if (r.receivedSubstreams()[i] > 0 && r.receivedSubstreams()[i] < k) {
                degraded++;
            }
        }
        return new ChannelMetrics(
                index.channel(c).rateKbps(),
                receivers,
                servedCount,
                degraded,
                receivers == 0 ? 1 : (double) servedCount / receivers,
                byTier(wanted, served),
                physicalLimitKbps(index, c),
                r.maxDepth(),
                r.depthCount() == 0 ? 0 : (double) r.depthSum() / r.depthCount());
    }

    /**
     * The most rate every receiver of a channel can get: min(S, (S + R) / N), S the sources'
     * uplink, R the uplink of the nodes that may relay the channel (receivers that can relay, and
     * CDN or waypoint servers that do not want it but may be used as helpers), N the receivers.
     * A node's whole uplink counts for every channel, so with several channels this is an upper
     * bound per channel.
     */
    static double physicalLimitKbps(SnapshotIndex index, int c) {
        long sources = 0;
        long relays = 0;
        int receivers = 0;
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            if (index.isSource(c, i)) {
                sources += node.uplinkKbps();
            } else if (index.wants(c, i)) {
                receivers++;
                if (node.canRelay()) {
                    relays += node.uplinkKbps();
                }
            } else if (node.role() == Role.CDN || node.role() == Role.WAYPOINT) {
                relays += node.uplinkKbps();
            }
        }
        if (receivers == 0) {
            return sources;
        }
        return Math.min(sources, (double) (sources + relays) / receivers);
    }

    private static Map<String, Double> byTier(long[] wanted, long[] served) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            if (wanted[tier.ordinal()] > 0) {
                out.put(tier.code(), (double) served[tier.ordinal()] / wanted[tier.ordinal()]);
            }
        }
        return out;
    }

    private static List<LinkLoad> links(SnapshotIndex index, LinkLoads loads) {
        List<LinkLoad> out = new ArrayList<>();
        for (int l = 0; l < index.linkCount(); l++) {
            var link = index.link(l);
            long ab = loads.kbps(l, true);
            long ba = loads.kbps(l, false);
            if (ab == 0 && ba == 0 && link.capacityKbps().isEmpty()) {
                continue;
            }
            double utilisation =
                    link.capacityKbps().isEmpty() || link.capacityKbps().getAsLong() == 0
                            ? 0
                            : (double) (Math.max(ab, ba) + link.loadKbps())
                                    / link.capacityKbps().getAsLong();
            out.add(new LinkLoad(link.id(), ab, ba, link.loadKbps(), link.capacityKbps(), utilisation));
        }
        return out;
    }
}
