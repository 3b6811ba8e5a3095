package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.BitSet;

/**
 * serve-window: the selected nodes act as parents only within {@code hours} (in {@code tz} or
 * their country's zone; always without hours), and then send at most {@code maxUplinkShare} of
 * their uplink, over all channels. Outside the window it forbids every edge they would send;
 * the share is a cap kept in the ledger.
 */
final class ServeWindowRule implements EdgeFilter, CapRule {
    private final Policy policy;
    private final SnapshotIndex index;
    private final NodeMatcher nodes;
    private final BitSet closed;
    private final double share;
    private final boolean anySelected;

    ServeWindowRule(Policy policy, PolicyParams.ServeWindow params, Compilation context) {
        this.policy = policy;
        this.index = context.index;
        this.nodes = context.nodes(params.nodes());
        BitSet open = context.withinHours(params.hours(), params.tz());
        this.closed = new BitSet(index.nodeCount());
        for (int i = 0; i < index.nodeCount(); i++) {
            if (nodes.matches(i) && !open.get(i)) {
                closed.set(i);
            }
        }
        this.share = params.maxUplinkShare();
        this.anySelected = nodes.count(index.nodeCount()) > 0;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean forbids(int parent, int child, int channel) {
        return closed.get(parent);
    }

    @Override
    public boolean affects(int node, int channel) {
        return anySelected;
    }

    /** The most a selected node may send, in kbps. */
    long allowance(int node) {
        return (long) Math.floor(share * index.node(node).uplinkKbps());
    }

    @Override
    public CapState newState() {
        return new CapState() {
            private final long[] sent = new long[index.nodeCount()];

            @Override
            public double excessIfAdded(int parent, int child, int channel, int substream, long kbps) {
                if (share >= 1 || !nodes.matches(parent)) {
                    return 0;
                }
                long over = sent[parent] + kbps - allowance(parent);
                return over > 0 ? over / 1000.0 : 0;
            }

            @Override
            public void add(int parent, int child, int channel, int substream, long kbps, int sign) {
                if (nodes.matches(parent)) {
                    sent[parent] += sign * kbps;
                }
            }
        };
    }
}
