package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * max-depth: the selected nodes are at most {@code depth} hops from a source of each selected
 * channel (a source is at depth 0, its children at 1). It adds to a channel's own
 * {@code maxDepth}; the smaller bound holds.
 */
final class MaxDepthRule implements Unit {
    private final Policy policy;
    private final boolean[] channels;
    private final NodeMatcher nodes;
    private final int depth;

    MaxDepthRule(Policy policy, PolicyParams.MaxDepth params, Compilation context) {
        this.policy = policy;
        this.channels = context.channels(params.channels());
        this.nodes = context.nodes(params.nodes());
        this.depth = params.depth();
    }

    @Override
    public Policy policy() {
        return policy;
    }

    boolean selects(int node, int channel) {
        return channels[channel] && nodes.matches(node);
    }

    int depth() {
        return depth;
    }

    @Override
    public boolean affects(int node, int channel) {
        return selects(node, channel);
    }
}
