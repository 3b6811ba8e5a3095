package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * redundancy: erasure-coding parity p for the nodes in (or under) the selected regions (all
 * regions when none are given)
 * overrides the channel's n: a served node there receives k + p of the channel's substreams.
 * A plan carries only the channel's k + n substreams, so p is capped at n.
 */
final class RedundancyRule implements Unit {
    private final Policy policy;
    private final SnapshotIndex index;
    private final NodeTable table;
    private final boolean[] channels;
    private final boolean[] inRegion;
    private final int parity;

    RedundancyRule(Policy policy, PolicyParams.Redundancy params, Compilation context) {
        this.policy = policy;
        this.index = context.index;
        this.table = context.table;
        this.channels = context.channels(params.channels());
        this.inRegion = new boolean[index.regionCount()];
        int[] regions = params.regions().stream()
                .mapToInt(r -> index.regionIndex(r).orElseThrow())
                .toArray();
        for (int r = 0; r < inRegion.length; r++) {
            inRegion[r] = regions.length == 0;
            for (int selected : regions) {
                inRegion[r] |= index.isWithin(r, selected);
            }
        }
        this.parity = params.parity();
    }

    @Override
    public Policy policy() {
        return policy;
    }

    boolean selects(int node, int channel) {
        return channels[channel] && inRegion[table.regionOf(node)];
    }

    /** The parity for the channel: the policy's, capped at the channel's. */
    int parity(int channel) {
        return Math.min(parity, index.channel(channel).parity());
    }

    @Override
    public boolean affects(int node, int channel) {
        return selects(node, channel) && policy.isHard();
    }
}
