package dev.canopy.solver.greedy;

import dev.canopy.model.Channel;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        PlanAssembler plan = new PlanAssembler(index);
        double[] quality = new double[index.nodeCount()];
        for (int i = 0; i < quality.length; i++) {
            Node n = index.node(i);
            quality[i] = n.uptime() * (1 - n.lossRate());
        }
        List<Integer> channels = IntStream.range(0, index.channelCount())
                .boxed()
                .sorted(Comparator.comparing((Integer c) -> index.channel(c).kind() == ChannelKind.LIVE ? 0 : 1)
                        .thenComparing(c -> c))
                .toList();
        for (int c : channels) {
            new ChannelRun(index, routing, resources, plan, quality, c).run();
        }
        return plan.build(NAME, problem.options());
    }

    /** Assigns parents for one channel. */
    private static final class ChannelRun {
        private final SnapshotIndex index;
        private final Routing routing;
        private final Resources resources;
        private final PlanAssembler plan;
        private final int channel;
        private final Channel spec;
        private final long rate;
        private final Holders holders;
        private final int[] holderRegions;
        private final Map<Integer, int[]> nearest = new HashMap<>();

        ChannelRun(
                SnapshotIndex index,
                Routing routing,
                Resources resources,
                PlanAssembler plan,
                double[] quality,
                int c) {
            this.index = index;
            this.routing = routing;
            this.resources = resources;
            this.plan = plan;
            this.channel = c;
            this.spec = index.channel(c);
            this.rate = spec.substreamRateKbps();
            this.holders = new Holders(index, resources, spec.totalSubstreams(), rate, quality);
            this.holderRegions = IntStream.range(0, index.nodeCount())
                    .filter(i -> index.wants(c, i) || index.isSource(c, i))
                    .map(index::regionOf)
                    .distinct()
                    .sorted()
                    .toArray();
        }

        void run() {
            for (int source : index.sources(channel)) {
                for (int s = 0; s < spec.totalSubstreams(); s++) {
                    holders.add(s, source, 0);
                }
            }
            for (int child : order()) {
                assign(child);
            }
        }

        /**
         * Receivers: servers (CDN, waypoint) first, since peers that may only receive from
         * servers depend on them holding the channel; then premium before standard before free;
         * within a tier the most constrained first (an access list leaves few feasible parents),
         * then by uplink, largest first; then snapshot order.
         */
        private int[] order() {
            return IntStream.of(index.receivers(channel))
                    .boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> index.node(i).role() == Role.PEER ? 1 : 0)
                            .thenComparing(i -> index.node(i).tier().ordinal())
                            .thenComparing(i -> restricted(index.node(i)) ? 0 : 1)
                            .thenComparing(i -> -index.node(i).uplinkKbps())
                            .thenComparing(i -> i))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        /** Whether a node's access list keeps it from taking ordinary peers as parents. */
        private static boolean restricted(Node node) {
            return node.has(Limit.ACCESS_LIST) && !node.accessList().contains("role:" + Role.PEER.code());
        }

        private void assign(int child) {
            int k = spec.substreams();
            int total = spec.totalSubstreams();
            if (resources.downlink(child) < k * rate) {
                plan.unserved(child, channel, UnservedReason.CAPACITY, Optional.empty(), 0);
                return;
            }
            int[] parents = new int[total];
            int got = 0;
            for (int s = 0; s < total; s++) {
                int parent = find(s, child);
                parents[s] = parent;
                if (parent >= 0) {
                    resources.reserve(parent, child, rate);
                    got++;
                }
            }
            if (got < k) {
                for (int s = 0; s < total; s++) {
                    if (parents[s] >= 0) {
                        resources.release(parents[s], child, rate);
                        for (int t = 0; t < total; t++) {
                            if (holders.holds(t, parents[s])) {
                                holders.offer(t, parents[s]);
                            }
                        }
                    }
                }
                plan.unserved(child, channel, reason(child), Optional.empty(), 0);
                return;
            }
            Node c = index.node(child);
            for (int s = 0; s < total; s++) {
                if (parents[s] >= 0) {
                    plan.edge(channel, s, parents[s], child, Pairing.initiator(index.node(parents[s]), c));
                    holders.add(s, child, holders.depth(s, parents[s]) + 1);
                }
            }
        }

        /**
         * The parent for one substream: the best holder in the nearest region that has one, else
         * the holder with the most spare uplink; for a child restricted by its access list, the
         * nearest allowed holder.
         */
        private int find(int substream, int child) {
            Node c = index.node(child);
            if (restricted(c)) {
                return allowedParent(substream, child);
            }
            boolean lightweight = c.isLightweight();
            for (int region : nearestRegions(index.regionOf(child))) {
                int candidate = holders.bestIn(substream, region, lightweight);
                if (candidate >= 0 && acceptable(candidate, c) && resources.fits(candidate, child, rate)) {
                    return candidate;
                }
            }
            int candidate = holders.mostSpare(substream, lightweight, child);
            return candidate >= 0 && acceptable(candidate, c) && resources.fits(candidate, child, rate)
                    ? candidate
                    : -1;
        }

        /** Whether the child's access list (if it has one that allows peers) admits the parent. */
        private boolean acceptable(int parent, Node child) {
            return Pairing.canPair(index.node(parent), child);
        }

        /** The nearest, shallowest holder an access list allows that has room, or -1. */
        private int allowedParent(int substream, int child) {
            Node c = index.node(child);
            int best = -1;
            long bestKey = Long.MAX_VALUE;
            List<Integer> candidates = new ArrayList<>(holders.servers(substream));
            for (String entry : c.accessList()) {
                index.nodeIndex(entry).ifPresent(candidates::add);
            }
            for (int p : candidates) {
                if (!holders.holds(substream, p)
                        || !Pairing.canPair(index.node(p), c)
                        || !resources.fits(p, child, rate)) {
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

        /** Regions holding the channel, own region first, then by routing latency; at most NEAREST_REGIONS. */
        private int[] nearestRegions(int region) {
            return nearest.computeIfAbsent(region, r -> IntStream.of(holderRegions)
                    .boxed()
                    .sorted(Comparator.comparing((Integer h) -> h == r ? 0 : 1)
                            .thenComparingLong(h -> routing.latencyMicros(r, h))
                            .thenComparing(h -> h))
                    .limit(NEAREST_REGIONS)
                    .mapToInt(Integer::intValue)
                    .toArray());
        }

        /** Why a node got fewer than k substreams: nobody it may pair with holds it, or capacity. */
        private UnservedReason reason(int child) {
            Node c = index.node(child);
            boolean compatibleExists = false;
            for (int s = 0; s < spec.totalSubstreams() && !compatibleExists; s++) {
                if (c.has(Limit.ACCESS_LIST)) {
                    compatibleExists = allowedHolder(s, c);
                } else if (c.isLightweight()) {
                    compatibleExists = holders.anyRegular(s);
                } else {
                    compatibleExists = true;
                }
            }
            if (compatibleExists) {
                return UnservedReason.CAPACITY;
            }
            return c.has(Limit.ACCESS_LIST) ? UnservedReason.ACCESS_LIST : UnservedReason.NO_COMPATIBLE_SOURCE;
        }

        private boolean allowedHolder(int substream, Node child) {
            for (String entry : child.accessList()) {
                if (entry.startsWith("role:")) {
                    for (Role role : Role.values()) {
                        if (entry.equals("role:" + role.code()) && holders.withRole(substream, role) > 0) {
                            return true;
                        }
                    }
                } else {
                    var id = index.nodeIndex(entry);
                    if (id.isPresent()
                            && holders.holds(substream, id.getAsInt())
                            && Pairing.canPair(index.node(id.getAsInt()), child)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
