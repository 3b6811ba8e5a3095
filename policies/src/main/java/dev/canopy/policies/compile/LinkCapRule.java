package dev.canopy.policies.compile;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;

/**
 * link-cap: plan traffic of the selected channels on one link, in each capped direction, plus
 * the link's outside {@code loadKbps}, stays within {@code maxKbps}. An edge adds its rate to
 * every link its route crosses, in the direction it crosses it.
 */
final class LinkCapRule implements CapRule {
    private final Policy policy;
    private final SnapshotIndex index;
    private final Routing routing;
    private final int link;
    private final boolean aToB;
    private final boolean bToA;
    private final boolean[] channels;
    private final long maxKbps;
    private final long loadKbps;

    LinkCapRule(Policy policy, PolicyParams.LinkCap params, Compilation context) {
        this.policy = policy;
        this.index = context.index;
        this.routing = context.routing;
        this.link = index.linkIndex(params.link()).orElseThrow();
        this.aToB = params.direction() != PolicyParams.Direction.B_TO_A;
        this.bToA = params.direction() != PolicyParams.Direction.A_TO_B;
        this.channels = context.channels(params.channels());
        this.maxKbps = params.maxKbps();
        Link l = index.link(link);
        this.loadKbps = l.loadKbps();
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public boolean affects(int node, int channel) {
        return channels[channel];
    }

    /** The capped direction the edge crosses the link in: 1 a-to-b, 2 b-to-a, 0 none. */
    int crossing(int parent, int child, int channel) {
        if (!channels[channel]) {
            return 0;
        }
        int from = index.regionOf(parent);
        int to = index.regionOf(child);
        if (from == to) {
            return 0;
        }
        Route route = routing.route(from, to);
        for (int i = 0; i < route.hops(); i++) {
            if (route.link(i) == link) {
                boolean forward = route.aToB(i);
                return forward ? (aToB ? 1 : 0) : (bToA ? 2 : 0);
            }
        }
        return 0;
    }

    @Override
    public CapState newState() {
        return new CapState() {
            private final long[] planned = new long[3];

            @Override
            public double excessIfAdded(int parent, int child, int channel, int substream, long kbps) {
                int direction = crossing(parent, child, channel);
                if (direction == 0) {
                    return 0;
                }
                long over = planned[direction] + kbps + loadKbps - maxKbps;
                return over > 0 ? over / 1000.0 : 0;
            }

            @Override
            public void add(int parent, int child, int channel, int substream, long kbps, int sign) {
                int direction = crossing(parent, child, channel);
                if (direction != 0) {
                    planned[direction] += sign * kbps;
                }
            }
        };
    }
}
