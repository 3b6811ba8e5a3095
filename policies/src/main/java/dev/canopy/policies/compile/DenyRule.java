package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * deny: access control; the selected nodes never receive the selected channels (an age rating,
 * a subscription). Such nodes are reported unserved with reason {@code deny}.
 */
final class DenyRule implements NodeBar {
    private final Policy policy;
    private final boolean[] channels;
    private final NodeMatcher nodes;

    DenyRule(Policy policy, PolicyParams.Deny params, Compilation context) {
        this.policy = policy;
        this.channels = context.channels(params.channels());
        this.nodes = context.nodes(params.nodes());
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean bars(int node, int channel) {
        return channels[channel] && nodes.matches(node);
    }

    @Override
    public boolean affects(int node, int channel) {
        return bars(node, channel);
    }
}
