package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.BitSet;

/**
 * geo-ban: the selected channels are never delivered to nodes in the given countries (a node's
 * own country, else its region's); with {@code nodes}, to the nodes it selects; with both, to
 * the selected nodes in those countries. Such nodes are reported unserved with reason
 * {@code geo-ban}.
 */
final class GeoBanRule implements NodeBar {
    private final Policy policy;
    private final boolean[] channels;
    private final BitSet banned;

    GeoBanRule(Policy policy, PolicyParams.GeoBan params, Compilation context) {
        this.policy = policy;
        this.channels = context.channels(params.channels());
        SnapshotIndex index = context.index;
        NodeMatcher nodes = params.nodes().map(context::nodes).orElse(null);
        this.banned = new BitSet(index.nodeCount());
        for (int i = 0; i < index.nodeCount(); i++) {
            boolean inCountry = params.countries().isEmpty()
                    || index.countryOf(i).map(params.countries()::contains).orElse(false);
            if (inCountry && (nodes == null || nodes.matches(i))) {
                banned.set(i);
            }
        }
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean bars(int node, int channel) {
        return channels[channel] && banned.get(node);
    }

    @Override
    public boolean affects(int node, int channel) {
        return bars(node, channel);
    }
}
