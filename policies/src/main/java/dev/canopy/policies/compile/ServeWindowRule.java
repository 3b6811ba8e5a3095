package dev.canopy.policies.compile;

import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import java.util.Arrays;
import java.util.BitSet;

/**
 * serve-window: the selected nodes act as parents only within {@code hours} (in {@code tz} or
 * their country's zone; always without hours), and then send at most {@code maxUplinkShare} of
 * their uplink, over all channels. Outside the window it forbids every edge they would send;
 * the share is a cap kept in the ledger.
 */
final class ServeWindowRule implements EdgeFilter, CapRule {
    private final Policy policy;
    private final NodeTable table;
    private final NodeMatcher nodes;
    private final BitSet closed;
    private final double share;
    private final PolicyParams.ServeWindow params;
    private final Compilation context;
    private boolean anySelected;

    ServeWindowRule(Policy policy, PolicyParams.ServeWindow params, Compilation context) {
        this.policy = policy;
        this.params = params;
        this.context = context;
        this.table = context.table;
        this.nodes = context.nodes(params.nodes());
        this.closed = new BitSet(table.count());
        for (int i = 0; i < table.count(); i++) {
            learn(i);
        }
        this.share = params.maxUplinkShare();
    }

    @Override
    public void learn(int number) {
        boolean selected = nodes.matches(number);
        closed.set(number, selected && !context.withinHours(params.hours(), params.tz(), number));
        anySelected |= selected;
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
        return (long) Math.floor(share * table.node(node).uplinkKbps());
    }

    @Override
    public void terms(int parent, int child, int channel, int substream, long kbps, LinearCaps.Sink sink) {
        if (share < 1 && nodes.matches(parent)) {
            sink.add(parent, kbps);
        }
    }

    @Override
    public long bound(long group) {
        return Math.max(0, allowance((int) group));
    }

    @Override
    public CapState newState() {
        return new CapState() {
            private long[] sent = new long[table.count()];

            @Override
            public double excessIfAdded(int parent, int child, int channel, int substream, long kbps) {
                if (share >= 1 || !nodes.matches(parent)) {
                    return 0;
                }
                long already = parent < sent.length ? sent[parent] : 0;
                long over = already + kbps - allowance(parent);
                return over > 0 ? over / 1000.0 : 0;
            }

            @Override
            public void add(int parent, int child, int channel, int substream, long kbps, int sign) {
                if (nodes.matches(parent)) {
                    if (parent >= sent.length) {
                        sent = Arrays.copyOf(sent, Math.max(parent + 1, table.count()));
                    }
                    sent[parent] += sign * kbps;
                }
            }
        };
    }
}
