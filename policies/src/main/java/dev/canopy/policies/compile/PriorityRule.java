package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;

/**
 * priority: higher tiers are served first and get the shallower, more reliable parents; with
 * {@code preempt} a higher-tier node may displace a lower one. It compiles to the order
 * strategies join nodes in ({@link TierPriority}); it filters no edge.
 */
final class PriorityRule implements Unit {
    private final Policy policy;
    private final TierPriority priority;

    PriorityRule(Policy policy, PolicyParams.Priority params) {
        this.policy = policy;
        this.priority = new TierPriority(policy, params.order(), params.preempt());
    }

    @Override
    public Policy policy() {
        return policy;
    }

    TierPriority priority() {
        return priority;
    }

    @Override
    public boolean affects(int node, int channel) {
        return false;
    }
}
