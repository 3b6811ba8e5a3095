package dev.canopy.policies.verify;

import java.util.Map;

/**
 * How well one channel is served.
 *
 * @param receivers N: nodes that want the channel and are not its sources
 * @param servedFraction served / receivers (1 when there are no receivers)
 * @param servedByTier served fraction per tier code, over the tier's receivers
 * @param physicalLimitKbps the most rate every receiver can get: min(S, (S + R) / N) with S
 *     the sources' uplink and R the uplink of the nodes that may relay it
 * @param maxDepth most hops from a source to a served node (trees: per substream)
 * @param meanDepth mean hops over every (node, substream) membership
 */
public record ChannelMetrics(
        long rateKbps,
        int receivers,
        int served,
        int degraded,
        double servedFraction,
        Map<String, Double> servedByTier,
        double physicalLimitKbps,
        int maxDepth,
        double meanDepth) {}
