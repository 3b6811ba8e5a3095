package dev.canopy.solver.baseline;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.FinishingPasses;
import dev.canopy.solver.JoinOrder;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import dev.canopy.solver.Strategy;
import java.util.SplittableRandom;

/**
 * SplitStream's rules (Castro et al., "SplitStream: high-bandwidth multicast in cooperative
 * environments", SOSP 2003) re-implemented in Canopy's model from the paper's description, as
 * the classic multi-tree baseline. The content is split into stripes (the channel's k+n
 * substreams), one tree per stripe; every relaying peer is interior in exactly one stripe tree,
 * devoting its forwarding capacity to it, and a leaf in the others, so that the trees are
 * interior-node-disjoint and a peer's failure costs each receiver at most one stripe.
 *
 * <p>How a plan is built: channels in order (live first); per channel, the stripe each relaying
 * peer is interior in is assigned, then receivers join one at a time (servers first, then peers
 * in a seeded random order). For each stripe the joining node is adopted by the nearest interior
 * node of that stripe with room (Scribe's join over Pastry's proximity-aware routing); when every
 * interior node is full and the newcomer is interior in the stripe, <em>push-down</em>: the
 * nearest interior holder (or, going down, its interior child nearest to the newcomer) adopts the
 * newcomer and orphans a child that is not interior in the stripe, and the orphan re-joins below
 * the parent's interior children or else in the <em>spare capacity group</em>; a node that still
 * has no parent asks the spare capacity group: the nearest holder of the stripe with uplink left
 * (capacity a leaf-only stripe may use, as in the paper) that is not its descendant. Plan
 * metrics {@code pushDowns} and {@code spareCapacityEdges} (edges that the spare capacity
 * group, an orphan's re-join or an access list found on a node not interior in that stripe) say
 * how often each happened.
 *
 * <p>Where this differs from the paper, and why:
 *
 * <ul>
 *   <li>No node or stripe ids and no Pastry routing. Each relaying peer is given its stripe by a
 *       seeded shuffle dealt round robin (exactly balanced; the paper's random ids balance only
 *       in expectation), per channel; the stripe's root is the channel's source, not the node
 *       whose id is closest to the stripe id; "nearest" is the routing latency between regions
 *       (own region first, a random holder within a region), which is what Pastry's proximity
 *       neighbour selection approximates.
 *   <li>Servers (origin, CDN, waypoint) are interior in every stripe: they are infrastructure
 *       with capacity for all stripes, not cooperative peers. They join before peers.
 *   <li>Forwarding capacity is uplink, not a child count: a node's outdegree is its uplink left
 *       (shared by all channels and stripes) over the substream rate, its indegree its downlink,
 *       and every edge also needs capacity on each link of its route.
 *   <li>Peers that cannot send one whole stripe, lightweight peers and no-relay peers are leaves
 *       everywhere. The lightweight rules and access lists are hard: a node whose access list
 *       allows only servers and named nodes takes the nearest of those with room.
 *   <li>Push-down tries at most two of the full parent's
 *       non-interior children (most recently adopted first; the paper prefers the one whose id
 *       matches least, which has no analogue without ids) and moves one only if the orphan finds a
 *       new parent at once; the paper lets an orphan fail and retry. A newcomer that is not
 *       interior in the stripe never displaces anyone (it would not match longer than the child).
 *   <li>The spare capacity group is searched as "the nearest holder with room" instead of an
 *       anycast over the group's tree, and an interior node does not reclaim slots that spare
 *       capacity children took in other stripes.
 *   <li>Admission: a node that gets fewer than k stripes gives everything back (push-downs it
 *       caused included) and is listed unserved, with the reason the other strategies give; the
 *       paper has no notion of being unserved. With parity (n greater than 0) a node is served with any k of
 *       the k+n stripes.
 *   <li>One static pass over a snapshot: no churn, failures, repair or heartbeats. The channel's
 *       maxDepth, when set, is honoured.
 *   <li>Operator policies, which the paper does not have, are obeyed where they are hard, as in
 *       the other baselines: every edge goes through the {@link PolicyGate} (filters, caps,
 *       max-depth); a node a pairing or affinity {@code only} policy refused every parent waits
 *       until the rest have joined ({@code DeferredJoins}); while a dual-ingress domain lacks a
 *       copy of a stripe, a joining member first looks outside for a parent that brings one over
 *       a fresh upstream link; {@link FinishingPasses#apply} runs last (a domain still short of two
 *       copies is relaxed or cut there). Relaxable policies are not set aside per node while
 *       joining, and soft costs are ignored.
 * </ul>
 *
 * <p>Deterministic for a seed (same seed, equal plan); the time limit is not used. Handles 10^5
 * peers in seconds. Stateless and thread-safe: all state lives in one call.
 */
public final class SplitStreamStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "splitstream";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "baseline SplitStream: one interior stripe per peer, nearest parent, push-down and spare capacity";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        SnapshotIndex index = problem.index();
        Resources resources = new Resources(problem.routing());
        PolicyGate gate = PolicyGate.of(problem, resources);
        PlanAssembler plan = new PlanAssembler(index);
        SplittableRandom random = new SplittableRandom(problem.options().seed());
        NodeKeys keys = NodeKeys.of(index);
        long[] counters = new long[2];
        for (int c : JoinOrder.channels(index)) {
            new SplitStreamRun(problem.routing(), gate, plan, random, keys, counters, c).run();
        }
        FinishingPasses.apply(gate, plan);
        plan.relaxed(gate.relaxations().entries());
        plan.metric("pushDowns", counters[0]);
        plan.metric("spareCapacityEdges", counters[1]);
        return plan.build(NAME, problem.options());
    }
}
