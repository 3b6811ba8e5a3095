package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.BitSet;

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
    private final BitSet delayed;
    private final int delaySec;
    private final DelayTable table;
    private final NodeTable nodes;
    private final PolicyParams.DelayedFeed params;

    DelayedFeedRule(Policy policy, PolicyParams.DelayedFeed params, Compilation context) {
        this.policy = policy;
        this.params = params;
        this.nodes = context.table;
        this.channels = context.channels(params.channels());
        this.delaySec = (int) Math.min(Integer.MAX_VALUE, params.delaySec());
        this.delayed = new BitSet(nodes.count());
        this.table = context.delays();
        for (int i = 0; i < nodes.count(); i++) {
            learn(i);
        }
    }

    /** Decides whether the node is delayed and raises its delays; the table was reset for it. */
    @Override
    public void learn(int number) {
        Node node = nodes.node(number);
        boolean late = !node.role().isServer() && params.tiers().contains(node.tier());
        delayed.set(number, late);
        for (int c = 0; c < channels.length; c++) {
            if (late && channels[c]) {
                table.raise(c, number, delaySec);
            }
        }
    }

    @Override
    public Policy policy() {
        return policy;
    }

    /** The delay this policy gives the node on the channel, 0 when it does not select it. */
    long delaySec(int node, int channel) {
        return channels[channel] && delayed.get(node) ? delaySec : 0;
    }

    @Override
    public boolean forbids(int parent, int child, int channel) {
        if (!channels[channel] || !delayed.get(parent)) {
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
