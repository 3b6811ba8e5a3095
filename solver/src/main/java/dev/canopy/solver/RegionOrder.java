package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Routing;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The regions where a channel has (or may get) holders, ordered by how near they are to a
 * given region: the region itself first, then by routing latency, ties by region number. Lets
 * a strategy look for a parent region by region, nearest first, instead of over every holder.
 * Orders are computed once per asking region and kept. Not thread-safe: one per channel of one
 * planning call.
 */
public final class RegionOrder {
    private final Routing routing;
    private final int[] regions;
    private final int limit;
    private final Map<Integer, int[]> nearest = new HashMap<>();

    /**
     * The regions of the channel's sources and of the nodes that want it, keeping at most
     * {@code limit} nearest per asking region.
     */
    public RegionOrder(Routing routing, int channel, int limit) {
        SnapshotIndex index = routing.index();
        this.routing = routing;
        this.limit = limit;
        this.regions = IntStream.range(0, index.nodeCount())
                .filter(i -> index.wants(channel, i) || index.isSource(channel, i))
                .map(index::regionOf)
                .distinct()
                .sorted()
                .toArray();
    }

    /** The channel's holder regions nearest to {@code region} first (shared array: do not change it). */
    public int[] nearest(int region) {
        return nearest.computeIfAbsent(region, r -> IntStream.of(regions)
                .boxed()
                .sorted(Comparator.comparing((Integer h) -> h == r ? 0 : 1)
                        .thenComparingLong(h -> routing.latencyMicros(r, h))
                        .thenComparing(h -> h))
                .limit(limit)
                .mapToInt(Integer::intValue)
                .toArray());
    }

    /** Every holder region, in region number order (shared array: do not change it). */
    public int[] all() {
        return regions;
    }
}
