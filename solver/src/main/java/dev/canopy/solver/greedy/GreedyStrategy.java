package dev.canopy.solver.greedy;

import dev.canopy.model.Channel;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.DeferredJoins;
import dev.canopy.solver.FinishingPasses;
import dev.canopy.solver.Holdings;
import dev.canopy.solver.JoinOrder;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.RegionOrder;
import dev.canopy.solver.Resources;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.SubstreamJoin;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The peer-assignment process of the seed 000 (FIG. 5), as a baseline: channels in order (live
 * before files); for each node that wants a channel, in priority order (servers, then premium
 * first, the most constrained first, then by uplink, largest first), and for each of the
 * channel's k+n substreams: take the nodes that
 * already hold the substream (the feasible parents), drop those the lightweight rules forbid
 * and those without uplink or path capacity left, rank the rest by proximity (same region,
 * then routing latency) and historic quality (uptime, loss), and assign the best. Each
 * parent's remaining uplink is counted as the plan grows, across channels. A node that cannot
 * get k substreams gives back what it took and is listed unserved with the reason.
 *
 * <p>Operator policies ({@link PolicyGate}): a barred node is listed with its bar; a parent is
 * taken only if the hard filters admit the edge, the policy caps have room and the child's
 * max-depth bound holds (a region whose best holder is refused is searched further); a priority
 * policy's tier order replaces the default one; with soft costs, the admitted best holders of
 * the nearest regions are compared by soft cost first and proximity second (the nearest among
 * the cheapest), and a region whose top costs more is searched for a cheaper holder
 * (source-preference, affinity {@code prefer}); within a tier, nodes that a redundancy policy
 * asks more substreams of join first, and need them all to count as served; while a
 * dual-ingress domain lacks a copy, its members look outside it first ({@link
 * PolicyGate#preferEntering}); a node that cannot be served has its relaxable policies set
 * aside one at a time, lowest rank first, and is tried again; one refused every parent by a
 * policy on its partners waits until the channel's other receivers have joined ({@link
 * DeferredJoins}); with a preempting priority policy, unserved higher-tier nodes finally
 * displace lower-tier leaves ({@link Preemption}).
 *
 * <p>Deterministic (ties broken by node order); the seed and time limit are not used. Scales
 * to hundreds of thousands of peers: each assignment looks at a bounded number of nearby
 * regions before falling back to the holder with the most spare uplink.
 */
public final class GreedyStrategy implements Strategy {
    /** The registered name. */
    public static final String NAME = "greedy";

    /** How many nearest regions are searched before the global fallback. */
    static final int NEAREST_REGIONS = 48;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the seed's peer assignment: nodes in priority order take the nearest, best parent per substream";
    }

    @Override
    public Plan plan(PlanningProblem problem) {
        SnapshotIndex index = problem.index();
        Routing routing = problem.routing();
        Resources resources = new Resources(routing);
        PolicyGate gate = PolicyGate.of(problem, resources);
        PlanAssembler plan = new PlanAssembler(index);
        double[] quality = new double[index.nodeCount()];
        for (int i = 0; i < quality.length; i++) {
            Node n = index.node(i);
            quality[i] = n.uptime() * (1 - n.lossRate());
        }
        for (int c : JoinOrder.channels(index)) {
            new ChannelRun(index, routing, gate, plan, quality, c).run();
        }
        FinishingPasses.apply(gate, plan);
        plan.relaxed(gate.relaxations().entries());
        return plan.build(NAME, problem.options());
    }

    /** Assigns parents for one channel. */
    private static final class ChannelRun {
        private final SnapshotIndex index;
        private final Routing routing;
        private final Resources resources;
        private final PolicyGate gate;
        private final PlanAssembler plan;
        private final int channel;
        private final Channel spec;
        private final long rate;
        private final Holders holders;
        private final RegionOrder regions;

        ChannelRun(SnapshotIndex index, Routing routing, PolicyGate gate, PlanAssembler plan, double[] quality, int c) {
            this.index = index;
            this.routing = routing;
            this.gate = gate;
            this.resources = gate.resources();
            this.plan = plan;
            this.channel = c;
            this.spec = index.channel(c);
            this.rate = spec.substreamRateKbps();
            this.holders = new Holders(index, resources, spec.totalSubstreams(), rate, quality);
            this.regions = new RegionOrder(routing, c, NEAREST_REGIONS);
        }

        void run() {
            for (int source : index.sources(channel)) {
                for (int s = 0; s < spec.totalSubstreams(); s++) {
                    holders.add(s, source, 0);
                }
            }
            DeferredJoins deferred = new DeferredJoins(gate);
            for (int child : order()) {
                assign(child, deferred);
            }
            if (deferred.waiting() > 0) {
                deferred.retry(child -> assign(child, deferred));
            }
        }

        /**
         * Receivers: servers (CDN, waypoint) first, since peers that may only receive from
         * servers depend on them holding the channel; then premium before standard before free
         * (or a priority policy's tier order);
         * within a tier the most constrained first (an access list leaves few feasible parents),
         * then by uplink, largest first; then snapshot order.
         */
        private int[] order() {
            Comparator<Integer> byTier = JoinOrder.byTier(index, gate.policies());
            if (gate.active()) {
                byTier = byTier.thenComparing(i -> -gate.substreamsNeeded(i, channel, spec.substreams()));
            }
            return IntStream.of(index.receivers(channel))
                    .boxed()
                    .sorted(JoinOrder.serversFirst(index)
                            .thenComparing(byTier)
                            .thenComparing(i -> Holdings.restricted(index.node(i)) ? 0 : 1)
                            .thenComparing(i -> -index.node(i).uplinkKbps())
                            .thenComparing(i -> i))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        /** Joins a node; whether it was served (false also when it was put off). */
        private boolean assign(int child, DeferredJoins deferred) {
            int k = spec.substreams();
            int total = spec.totalSubstreams();
            Optional<int[]> taken = SubstreamJoin.join(
                    gate,
                    plan,
                    new SubstreamJoin.Request(channel, child, k, total, rate, true),
                    s -> gate.entryPending(child, channel, s)
                            ? gate.preferEntering(child, channel, s, () -> find(s, child))
                            : find(s, child),
                    this::offerHeld,
                    () -> holders.holdings().reason(index.node(child)),
                    deferred);
            if (taken.isEmpty()) {
                return false;
            }
            int[] parents = taken.get();
            Node c = index.node(child);
            for (int s = 0; s < total; s++) {
                if (parents[s] >= 0) {
                    plan.edge(channel, s, parents[s], child, Pairing.initiator(index.node(parents[s]), c));
                    holders.add(s, child, holders.depth(s, parents[s]) + 1);
                }
            }
            return true;
        }

        /** Offers again, for every substream it holds, a node that got uplink back. */
        private void offerHeld(int node) {
            for (int t = 0; t < spec.totalSubstreams(); t++) {
                if (holders.holds(t, node)) {
                    holders.offer(t, node);
                }
            }
        }

        /**
         * The parent for one substream: the best admitted holder in the nearest region that has
         * one (with soft costs, the cheapest of the nearest regions' best, nearest first among
         * equals), else the admitted holder with the most spare uplink; for a child restricted by
         * its access list, the nearest allowed holder.
         */
        private int find(int substream, int child) {
            Node c = index.node(child);
            if (Holdings.restricted(c)) {
                return allowedParent(substream, child);
            }
            boolean lightweight = c.isLightweight();
            IntPredicate admits = p -> admitted(p, child, substream);
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int region : regions.nearest(index.regionOf(child))) {
                int candidate = gate.active()
                        ? holders.bestAdmitted(substream, region, lightweight, admits, p -> routeRefused(p, child))
                        : holders.bestIn(substream, region, lightweight);
                if (candidate < 0 || !gate.active() && !admitted(candidate, child, substream)) {
                    continue;
                }
                if (!gate.hasSoftCosts()) {
                    return candidate;
                }
                double cost = gate.softCost(candidate, child, channel, substream, rate);
                if (cost > 0 && best < 0) {
                    int cheaper = holders.cheaperIn(
                            substream,
                            region,
                            lightweight,
                            candidate,
                            cost,
                            admits,
                            p -> gate.softCost(p, child, channel, substream, rate));
                    if (cheaper != candidate) {
                        cost = gate.softCost(cheaper, child, channel, substream, rate);
                        candidate = cheaper;
                    }
                }
                if (cost < bestCost) {
                    best = candidate;
                    bestCost = cost;
                    if (cost == 0) {
                        break;
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
            int candidate = holders.mostSpare(substream, lightweight, child, admits);
            return candidate >= 0 && admitted(candidate, child, substream) ? candidate : -1;
        }

        /** Whether a refused parent's refusal holds for its whole region: no route capacity, or a route cap. */
        private boolean routeRefused(int parent, int child) {
            return !resources.pathHas(parent, child, rate) || gate.refusedForRoute();
        }

        /**
         * Whether the parent may feed the child the substream: the lightweight rules, access
         * list and hard policy filters, the child's max-depth bound, capacity and policy caps.
         */
        private boolean admitted(int parent, int child, int substream) {
            return gate.admits(parent, child, channel)
                    && gate.depthAllows(holders.depth(substream, parent), child, channel)
                    && gate.fits(parent, child, channel, substream, rate);
        }

        /** The nearest, shallowest holder an access list allows that has room, or -1. */
        private int allowedParent(int substream, int child) {
            Node c = index.node(child);
            int best = -1;
            long bestKey = Long.MAX_VALUE;
            for (int p : holders.holdings().accessCandidates(substream, c)) {
                if (!holders.holds(substream, p) || !admitted(p, child, substream)) {
                    continue;
                }
                long key = routing.latencyMicros(index.regionOf(p), index.regionOf(child)) * 64
                        + holders.depth(substream, p);
                if (key < bestKey) {
                    bestKey = key;
                    best = p;
                }
            }
            return best;
        }
    }
}
