package dev.canopy.policies.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Figures of a plan measured on its snapshot, for reports and benchmarks.
 *
 * @param servedByTier served fraction over all wanted (node, channel) pairs, per tier code
 * @param serverUplinkKbps rate sent by origin, CDN and waypoint servers
 * @param peerUplinkKbps rate sent by peers
 * @param offload peer-sent / all sent (0 when nothing is sent)
 * @param crossRegionShare share of sent rate whose ends sit in different (leaf) regions
 * @param crossCountryShare share of sent rate whose ends sit in different countries
 * @param links loads of links that carry plan traffic or have a capacity
 */
public record PlanMetrics(
        Map<String, ChannelMetrics> channels,
        Map<String, Double> servedByTier,
        long serverUplinkKbps,
        long peerUplinkKbps,
        double offload,
        double crossRegionShare,
        double crossCountryShare,
        int maxDepth,
        double meanDepth,
        int edges,
        int unserved,
        int relaxed,
        List<LinkLoad> links) {

    /** Served fraction over every wanted (node, channel) pair of the plan. */
    @JsonProperty("servedFraction")
    public double servedFraction() {
        long receivers = 0;
        long served = 0;
        for (ChannelMetrics c : channels.values()) {
            receivers += c.receivers();
            served += c.served();
        }
        return receivers == 0 ? 1 : (double) served / receivers;
    }
}
