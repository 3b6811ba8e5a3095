package dev.canopy.solver.baseline;

import dev.canopy.model.Channel;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.Holdings;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.RegionOrder;
import dev.canopy.solver.Resources;
import java.util.SplittableRandom;

/**
 * What the baselines' joins for one channel share: the channel's terms (substream rate, k, k+n,
 * maxDepth), who holds what, the holder regions by nearness, and the capacities and plan of the
 * whole call. Subclasses decide where a joining node's parents come from and which pools a
 * holder is listed in. Not thread-safe: one per channel of one planning call.
 */
abstract class ChannelJoins {
    protected final SnapshotIndex index;
    protected final Resources resources;
    /** The admission check and reservations under the operator's policies. */
    protected final PolicyGate gate;

    protected final PlanAssembler plan;
    protected final SplittableRandom random;
    protected final int channel;
    protected final long rate;
    protected final int k;
    protected final int total;
    /** The channel's maxDepth, or {@link Integer#MAX_VALUE} when it has none. */
    protected final int maxDepth;

    protected final Holdings holdings;
    protected final RegionOrder regions;

    ChannelJoins(Routing routing, PolicyGate gate, PlanAssembler plan, SplittableRandom random, int channel) {
        this.index = routing.index();
        this.gate = gate;
        this.resources = gate.resources();
        this.plan = plan;
        this.random = random;
        this.channel = channel;
        Channel spec = index.channel(channel);
        this.rate = spec.substreamRateKbps();
        this.k = spec.substreams();
        this.total = spec.totalSubstreams();
        this.maxDepth = spec.maxDepth().orElse(Integer.MAX_VALUE);
        this.holdings = new Holdings(index, total);
        this.regions = new RegionOrder(routing, channel, Integer.MAX_VALUE);
    }

    /** Lists a holder of a substream in the pools it belongs to, if it may still send it. */
    abstract void offer(int substream, int node);

    /** Lists again, for every substream it holds, a node that got uplink back. */
    final void offerHeld(int node) {
        for (int t = 0; t < total; t++) {
            if (holdings.holds(t, node)) {
                offer(t, node);
            }
        }
    }
}
