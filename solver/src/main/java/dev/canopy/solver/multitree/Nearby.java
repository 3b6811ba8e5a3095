package dev.canopy.solver.multitree;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Routing;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where a region looks for parents when it cannot feed itself: the other regions that have
 * relaying peers, those of the same country first, then by routing latency towards the region,
 * then region order (at most {@value #NEAREST}); and the servers by latency. Computed lazily per
 * region and kept. Shared with the re-planner, which looks for parents the same way. Safe for
 * concurrent use (the trees of a channel built in parallel share one): each list is a function of
 * the region alone, published through an atomic array, so two threads that race to fill the same
 * entry compute equal lists.
 */
public final class Nearby {
    /** How many nearest regions are kept per region; beyond them the fallback scans every region. */
    static final int NEAREST = 32;

    private final SnapshotIndex index;
    private final Routing routing;
    private final int[] regions;
    private final int[] servers;
    private final AtomicReferenceArray<int[]> nearRegions;
    private final AtomicReferenceArray<int[]> nearServers;

    public Nearby(SnapshotIndex index, Routing routing, int[] regions, int[] servers) {
        this.index = index;
        this.routing = routing;
        this.regions = regions;
        this.servers = servers;
        this.nearRegions = new AtomicReferenceArray<>(index.regionCount());
        this.nearServers = new AtomicReferenceArray<>(index.regionCount());
    }

    /** Regions with relaying peers nearest to {@code region} (itself excluded), nearest first. */
    public int[] regions(int region) {
        int[] near = nearRegions.get(region);
        if (near == null) {
            Optional<String> country = index.regionCountry(region);
            long[] keys = new long[regions.length];
            int count = 0;
            for (int q : regions) {
                if (q == region) {
                    continue;
                }
                long other = country.isPresent() && country.equals(index.regionCountry(q)) ? 0 : 1;
                long micros = Math.min(routing.latencyMicros(q, region), (1L << 36) - 1);
                keys[count++] = (other << 61) | (micros << 24) | q;
            }
            Arrays.sort(keys, 0, count);
            near = new int[Math.min(count, NEAREST)];
            for (int i = 0; i < near.length; i++) {
                near[i] = (int) (keys[i] & ((1 << 24) - 1));
            }
            nearRegions.set(region, near);
        }
        return near;
    }

    /** Servers taking part in the channel, nearest to {@code region} first. */
    public int[] servers(int region) {
        int[] near = nearServers.get(region);
        if (near == null) {
            long[] keys = new long[servers.length];
            for (int i = 0; i < servers.length; i++) {
                long micros = Math.min(routing.latencyMicros(index.regionOf(servers[i]), region), (1L << 38) - 1);
                keys[i] = (micros << 25) | servers[i];
            }
            Arrays.sort(keys);
            near = new int[servers.length];
            for (int i = 0; i < near.length; i++) {
                near[i] = (int) (keys[i] & ((1 << 25) - 1));
            }
            nearServers.set(region, near);
        }
        return near;
    }
}
