package dev.canopy.policies.compile;

import dev.canopy.model.Link;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.Policy;
import dev.canopy.model.policy.PolicyParams;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * link-cap: plan traffic of the selected channels on one link, in each capped direction, plus
 * the link's outside {@code loadKbps}, stays within {@code maxKbps}. An edge adds its rate to
 * every link its route crosses, in the direction it crosses it.
 *
 * <p>The direction each pair of regions crosses the link in is kept once looked up (a row of
 * bytes per source region, up to {@value #MEMO_REGIONS} regions), since planners ask for the
 * same region pairs millions of times. Thread-safe: a memo byte is either seen or recomputed.
 */
final class LinkCapRule implements CapRule {
    private final Policy policy;
    private final SnapshotIndex index;
    private final NodeTable table;
    private final Routing routing;
    private final int link;
    private final boolean aToB;
    private final boolean bToA;
    private final boolean[] channels;
    private final long maxKbps;
    private final long loadKbps;

    /** Up to this many regions, crossings are memoised per region pair. */
    private static final int MEMO_REGIONS = 4096;

    /** Per source region, per target region: 0 not yet known, else the crossing plus one. */
    private final AtomicReferenceArray<byte[]> memo;

    LinkCapRule(Policy policy, PolicyParams.LinkCap params, Compilation context) {
        this.policy = policy;
        this.index = context.index;
        this.table = context.table;
        this.routing = context.routing;
        this.link = index.linkIndex(params.link()).orElseThrow();
        this.aToB = params.direction() != PolicyParams.Direction.B_TO_A;
        this.bToA = params.direction() != PolicyParams.Direction.A_TO_B;
        this.channels = context.channels(params.channels());
        this.maxKbps = params.maxKbps();
        Link l = index.link(link);
        this.loadKbps = l.loadKbps();
        int regions = index.regionCount();
        this.memo = regions <= MEMO_REGIONS ? new AtomicReferenceArray<>(regions) : null;
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
        int from = table.regionOf(parent);
        int to = table.regionOf(child);
        if (from == to) {
            return 0;
        }
        if (memo == null) {
            return crossingOf(from, to);
        }
        byte[] row = memo.get(from);
        if (row == null) {
            memo.compareAndSet(from, null, new byte[index.regionCount()]);
            row = memo.get(from);
        }
        int known = row[to];
        if (known == 0) {
            known = crossingOf(from, to) + 1;
            row[to] = (byte) known;
        }
        return known - 1;
    }

    private int crossingOf(int from, int to) {
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
    public void terms(int parent, int child, int channel, int substream, long kbps, LinearCaps.Sink sink) {
        int direction = crossing(parent, child, channel);
        if (direction != 0) {
            sink.add(direction, kbps);
        }
    }

    @Override
    public long bound(long group) {
        return Math.max(0, maxKbps - loadKbps);
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
