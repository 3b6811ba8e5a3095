package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * region-cap: the plan traffic of the selected channels into a region (parent outside, child in
 * it or under it), out of it, or inside it (both ends within) stays within {@code maxKbps}.
 */
final class RegionCapRule implements CapRule {
    private final Policy policy;
    private final NodeTable table;
    private final boolean[] insideRegion;
    private final PolicyParams.Flow flow;
    private final boolean[] channels;
    private final long maxKbps;

    RegionCapRule(Policy policy, PolicyParams.RegionCap params, Compilation context) {
        this.policy = policy;
        this.table = context.table;
        SnapshotIndex index = context.index;
        int region = index.regionIndex(params.region()).orElseThrow();
        this.insideRegion = new boolean[index.regionCount()];
        for (int r = 0; r < insideRegion.length; r++) {
            insideRegion[r] = index.isWithin(r, region);
        }
        this.flow = params.flow();
        this.channels = context.channels(params.channels());
        this.maxKbps = params.maxKbps();
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean affects(int node, int channel) {
        return channels[channel];
    }

    /** Whether an edge of the channel is traffic the cap counts. */
    boolean counts(int parent, int child, int channel) {
        if (!channels[channel]) {
            return false;
        }
        boolean from = insideRegion[table.regionOf(parent)];
        boolean to = insideRegion[table.regionOf(child)];
        return switch (flow) {
            case INGRESS -> !from && to;
            case EGRESS -> from && !to;
            case INTERNAL -> from && to;
        };
    }

    @Override
    public void terms(int parent, int child, int channel, int substream, long kbps, LinearCaps.Sink sink) {
        if (counts(parent, child, channel)) {
            sink.add(0, kbps);
        }
    }

    @Override
    public long bound(long group) {
        return Math.max(0, maxKbps);
    }

    @Override
    public CapState newState() {
        return new CapState() {
            private long planned;

            @Override
            public double excessIfAdded(int parent, int child, int channel, int substream, long kbps) {
                if (!counts(parent, child, channel)) {
                    return 0;
                }
                long over = planned + kbps - maxKbps;
                return over > 0 ? over / 1000.0 : 0;
            }

            @Override
            public void add(int parent, int child, int channel, int substream, long kbps, int sign) {
                if (counts(parent, child, channel)) {
                    planned += sign * kbps;
                }
            }
        };
    }
}
