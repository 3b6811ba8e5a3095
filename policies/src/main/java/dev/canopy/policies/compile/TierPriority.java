package dev.canopy.policies.compile;

import dev.canopy.model.Tier;
import dev.canopy.model.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * A priority policy as strategies use it: tiers in the order they are served (highest first;
 * tiers the policy does not name come after, in their natural order) and whether a higher-tier
 * node may displace a lower one that holds capacity it needs.
 */
public record TierPriority(Policy policy, List<Tier> order, boolean preempt) {
    public TierPriority {
        Objects.requireNonNull(policy, "policy");
        order = List.copyOf(order);
    }

    /** The rank of a tier: 0 for the first served. */
    public int rank(Tier tier) {
        int at = order.indexOf(tier);
        return at >= 0 ? at : order.size() + tier.ordinal();
    }
}
