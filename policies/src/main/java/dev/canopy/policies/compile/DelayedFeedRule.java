package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * delayed-feed: peers of the given tiers get the selected channels {@code delaySec} late
 * ("live sport immediately for paying customers, delayed for the others"), and a delayed node
 * never feeds an undelayed one. Where several delayed-feed policies select a node, its delay is
 * the longest; an edge is forbidden when its parent's delay is longer than its child's, and the
 * policy responsible is the one that gives the parent its delay. Servers (origin, CDN,
 * waypoint) are never delayed: they hold every version of the stream.
 */
final class DelayedFeedRule implements EdgeFilter {
    private final Policy policy;
    private final boolean[] channels;
    private final boolean[] delayed;
    private final int delaySec;
    private final DelayTable table;

    DelayedFeedRule(Policy policy, PolicyParams.DelayedFeed params, Compilation context) {
        this.policy = policy;
        SnapshotIndex index = context.index;
        this.channels = context.channels(params.channels());
        this.delaySec = (int) Math.min(Integer.MAX_VALUE, params.delaySec());
        this.delayed = new boolean[index.nodeCount()];
        this.table = context.delays();
        for (int i = 0; i < index.nodeCount(); i++) {
            Node node = index.node(i);
            delayed[i] = !node.role().isServer() && params.tiers().contains(node.tier());
            for (int c = 0; c < channels.length; c++) {
                if (delayed[i] && channels[c]) {
                    table.raise(c, i, delaySec);
                }
            }
        }
    }

    @Override
    public Policy policy() {
        return policy;
    }

    /** The delay this policy gives the node on the channel, 0 when it does not select it. */
    long delaySec(int node, int channel) {
        return channels[channel] && delayed[node] ? delaySec : 0;
    }

    @Override
    public boolean forbids(int parent, int child, int channel) {
        if (!channels[channel] || !delayed[parent]) {
            return false;
        }
        int parentDelay = table.of(channel, parent);
        return parentDelay == delaySec && parentDelay > table.of(channel, child);
    }

    @Override
    public boolean affects(int node, int channel) {
        return channels[channel];
    }
}
