package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.BitSet;

/**
 * affinity: members of a group give their uplink to members. The rule forbids an edge from a
 * member to a non-member while the policy is in force for the member (always without
 * {@code hours}; else within them, in {@code tz} or the member's country's zone). Mode
 * {@code only} compiles to this filter; mode {@code prefer} (and a soft {@code only}) to a cost
 * of one per such edge, so that members' uplink goes to members first.
 */
final class AffinityRule implements EdgeFilter {
    private final Policy policy;
    private final BitSet members;
    private final BitSet inForce;
    private final PolicyParams.Affinity params;
    private final Compilation context;

    AffinityRule(Policy policy, PolicyParams.Affinity params, Compilation context) {
        this.policy = policy;
        this.params = params;
        this.context = context;
        this.members = new BitSet(context.table.count());
        this.inForce = new BitSet(context.table.count());
        for (int i = 0; i < context.table.count(); i++) {
            learn(i);
        }
    }

    @Override
    public void learn(int number) {
        boolean member = context.table.node(number).groups().contains(params.group());
        members.set(number, member);
        inForce.set(number, member && context.withinHours(params.hours(), params.tz(), number));
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean forbids(int parent, int child, int channel) {
        return inForce.get(parent) && !members.get(child);
    }

    @Override
    public boolean affects(int node, int channel) {
        return !members.get(node) && !inForce.isEmpty();
    }
}
