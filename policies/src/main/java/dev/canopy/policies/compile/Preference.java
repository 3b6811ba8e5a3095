package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;

/**
 * A soft bar or filter seen as a cost: an edge it would forbid costs 1 (before the policy's
 * weight), so strategies avoid such edges when they have a choice and take them when not.
 */
final class Preference implements EdgeCost {
    private final Unit unit;
    private final EdgeFilter filter;

    private Preference(Unit unit, EdgeFilter filter) {
        this.unit = unit;
        this.filter = filter;
    }

    static EdgeCost against(EdgeFilter filter) {
        return new Preference(filter, filter);
    }

    static EdgeCost against(NodeBar bar) {
        return new Preference(bar, null);
    }

    @Override
    public Policy policy() {
        return unit.policy();
    }

    @Override
    public boolean affects(int node, int channel) {
        return false;
    }

    @Override
    public double cost(int parent, int child, int channel) {
        boolean against =
                filter != null ? filter.forbids(parent, child, channel) : ((NodeBar) unit).bars(child, channel);
        return against ? 1 : 0;
    }
}
