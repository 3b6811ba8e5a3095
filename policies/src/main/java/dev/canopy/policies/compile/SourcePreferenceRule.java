package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * source-preference: {@code prefer: peers} costs one per edge a server (origin, CDN, waypoint)
 * sends, minimising server uplink; {@code prefer: servers} costs one per edge a peer sends. With
 * a quota, the preference holds while the quota link's {@code monthToDateGb} (0 when absent)
 * is under {@code maxMonthGb}, and the opposite one after: "data-centre sources while the
 * month-to-date traffic is under a threshold, peers after". A preference, so a cost whatever
 * its {@code enforce}.
 */
final class SourcePreferenceRule implements EdgeCost {
    private final Policy policy;
    private final SnapshotIndex index;
    private final NodeTable table;
    private final boolean preferServers;

    SourcePreferenceRule(Policy policy, PolicyParams.SourcePreference params, Compilation context) {
        this.policy = policy;
        this.index = context.index;
        this.table = context.table;
        boolean servers = params.prefer() == PolicyParams.SourceKind.SERVERS;
        boolean underQuota = params.quota()
                .map(q -> index.link(index.linkIndex(q.link()).orElseThrow())
                                .monthToDateGb()
                                .orElse(0)
                        < q.maxMonthGb())
                .orElse(true);
        this.preferServers = underQuota == servers;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    /** Whether servers are the preferred sources at the compile instant. */
    boolean prefersServers() {
        return preferServers;
    }

    @Override
    public double cost(int parent, int child, int channel) {
        return table.node(parent).role().isServer() == preferServers ? 0 : 1;
    }

    @Override
    public boolean affects(int node, int channel) {
        return false;
    }
}
