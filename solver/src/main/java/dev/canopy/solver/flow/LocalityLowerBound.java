package dev.canopy.solver.flow;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Holdings;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PlanningProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lower bound on the {@link Locality} cost of plans for problems far too large for {@code
 * exact}, by one min-cost flow per channel over classes (leaf region, lightweight or not).
 *
 * <p>Per channel of substream rate r and k data substreams: every relaying node that holds the
 * channel (a source, or a node that wants it) supplies its uplink slots {@code uplink / r} (all of
 * its uplink, as if it relayed no other channel); every receiver demands k units. Units move
 * inside a region at no cost, between regions of one country through a country hub at {@value
 * Locality#CROSS_REGION} r per unit, anywhere through a world hub at {@value
 * Locality#CROSS_COUNTRY} r per unit. Inside a region, lightweight senders reach only regular
 * receivers; across regions this rule is dropped. Strengthening: a region with receivers and no
 * source of the channel must take at least k units from outside (each of the at least k
 * substreams its nodes hold enters it at least once); it is a lower-bounded arc on the region's
 * import node. A country hub feeds a region only if another region of that country has senders.
 * Receivers whose access list admits no ordinary peer ({@link Holdings#restricted}) are taken
 * out of the flow: each costs k times its cheapest allowed sender (a server, or a node it names),
 * added to the flow's cost; a region where such a receiver may relay gets no import rule (its
 * substreams may enter through that receiver, whose edges the added term already counts).
 *
 * <p><b>What it bounds.</b> Every rule above only relaxes a plan's rules, so when the flow can
 * deliver k units to every receiver, {@code cost} is at most the locality cost of ANY valid plan
 * that serves every receiver of every channel. When it cannot (not enough uplink, even
 * relaxed), no plan serves everyone; the bound then drops the import rule and is the least cost
 * of a maximum flow: at most the cost of any plan that delivers that many substream units. Cost
 * of a plan's parity substreams above k per receiver is not counted, which keeps it a bound.
 *
 * <p>Time and memory linear in nodes plus a flow over a few nodes per region. Thread-safe.
 */
public final class LocalityLowerBound {
    static {
        Loader.loadNativeLibraries();
    }

    private LocalityLowerBound() {}

    /** The bound summed over channels. */
    public static LocalityBound compute(PlanningProblem problem) {
        long start = System.nanoTime();
        SnapshotIndex index = problem.index();
        long cost = 0;
        int classes = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            ChannelFlow flow = new ChannelFlow(index, c);
            cost += flow.solve();
            classes = Math.max(classes, flow.classes);
        }
        return new LocalityBound(cost, classes, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The flow of one channel. */
    private static final class ChannelFlow {
        private final SnapshotIndex index;
        private final int channel;
        private final long rate;
        private final int k;
        private final int regions;
        /** [region][0 regular, 1 lightweight]: slots of senders, receivers. */
        private final long[][] supply;

        private final long[][] receivers;
        /** Regular and lightweight receivers again, with the restricted ones (for the fallback). */
        private final long[][] allReceivers;

        private final boolean[] hasSource;
        /** Regions where a restricted receiver may relay: their import rule is not applied. */
        private final boolean[] restrictedRelay;
        /** Least cost of the k units of every restricted receiver; -1 if one has no allowed sender. */
        private final long restrictedCost;

        int classes;

        ChannelFlow(SnapshotIndex index, int channel) {
            this.index = index;
            this.channel = channel;
            this.rate = index.channel(channel).substreamRateKbps();
            this.k = index.channel(channel).substreams();
            this.regions = index.regionCount();
            supply = new long[regions][2];
            receivers = new long[regions][2];
            allReceivers = new long[regions][2];
            hasSource = new boolean[regions];
            restrictedRelay = new boolean[regions];
            List<Integer> servers = new ArrayList<>();
            List<Integer> restricted = new ArrayList<>();
            for (int i = 0; i < index.nodeCount(); i++) {
                boolean source = index.isSource(channel, i);
                boolean wants = index.wants(channel, i);
                if (!source && !wants) {
                    continue;
                }
                Node node = index.node(i);
                int r = index.regionOf(i);
                int kind = node.isLightweight() ? 1 : 0;
                if (source) {
                    hasSource[r] = true;
                } else {
                    allReceivers[r][kind]++;
                    if (Holdings.restricted(node)) {
                        restricted.add(i);
                        restrictedRelay[r] |= node.canRelay();
                    } else {
                        receivers[r][kind]++;
                    }
                }
                if (node.canRelay()) {
                    supply[r][kind] += node.uplinkKbps() / rate;
                    if (node.role() != Role.PEER) {
                        servers.add(i);
                    }
                }
            }
            restrictedCost = restrictedCost(restricted, servers);
        }

        /**
         * A receiver whose access list admits no ordinary peer takes each of its at least k units
         * from a server or a node it names: at least k times the cheapest such sender's cost.
         */
        private long restrictedCost(List<Integer> restricted, List<Integer> servers) {
            long total = 0;
            for (int v : restricted) {
                long cheapest = Long.MAX_VALUE;
                for (int u : servers) {
                    cheapest = Math.min(cheapest, allowedCost(u, v));
                }
                for (String entry : index.node(v).accessList()) {
                    int named = index.nodeIndex(entry).orElse(-1);
                    if (named >= 0) {
                        cheapest = Math.min(cheapest, allowedCost(named, v));
                    }
                }
                if (cheapest == Long.MAX_VALUE) {
                    return -1;
                }
                total += k * cheapest;
            }
            return total;
        }

        /** The cost per substream of sending from {@code u} to {@code v}, or MAX_VALUE if not allowed. */
        private long allowedCost(int u, int v) {
            Node child = index.node(v);
            boolean holds = index.isSource(channel, u) || index.wants(channel, u);
            return u != v && holds && index.node(u).canRelay() && Pairing.allows(child, index.node(u))
                    ? Locality.edgeCost(index, u, v) * rate
                    : Long.MAX_VALUE;
        }

        /** More than any arc can carry: all supply and all demand. */
        private long capacity() {
            long total = 0;
            for (int r = 0; r < regions; r++) {
                total += supply[r][0] + supply[r][1] + k * (allReceivers[r][0] + allReceivers[r][1] + 1);
            }
            return total;
        }

        long solve() {
            long demand = 0;
            for (int r = 0; r < regions; r++) {
                demand += k * (allReceivers[r][0] + allReceivers[r][1]);
            }
            if (demand == 0) {
                return 0;
            }
            if (restrictedCost >= 0) {
                Optional<Long> strengthened = build(true, receivers).solveBalanced();
                if (strengthened.isPresent()) {
                    return strengthened.get() + restrictedCost;
                }
            }
            Graph relaxed = build(false, allReceivers);
            MinCostFlowBase.Status status = relaxed.flow.solveMaxFlowWithMinCost();
            return switch (status) {
                case OPTIMAL -> relaxed.flow.getOptimalCost();
                case NOT_SOLVED,
                        FEASIBLE,
                        INFEASIBLE,
                        UNBALANCED,
                        BAD_RESULT,
                        BAD_COST_RANGE -> throw new IllegalStateException(
                        "locality bound: min-cost max-flow answered " + status);
            };
        }

        /**
         * Vertices per region: senders (regular, lightweight), receivers (regular, lightweight),
         * import entry and import exit; then a country hub per country and one world hub; last a
         * sink for the supply that is not needed.
         */
        private Graph build(boolean importRule, long[][] receivers) {
            Map<String, Integer> countryHub = new HashMap<>();
            Map<String, Integer> countrySenderRegions = new HashMap<>();
            for (int r = 0; r < regions; r++) {
                Optional<String> country = index.regionCountry(r);
                if (country.isPresent() && supply[r][0] + supply[r][1] > 0) {
                    countrySenderRegions.merge(country.get(), 1, Integer::sum);
                }
            }
            int perRegion = 6;
            int base = regions * perRegion;
            for (int r = 0; r < regions; r++) {
                index.regionCountry(r).ifPresent(c -> countryHub.computeIfAbsent(c, x -> base + countryHub.size()));
            }
            int world = base + countryHub.size();
            int sink = world + 1;
            Graph g = new Graph(new MinCostFlow(sink + 1, regions * 16), capacity());
            long totalSupply = 0;
            long totalDemand = 0;
            classes = 0;
            for (int r = 0; r < regions; r++) {
                int senders = r * perRegion;
                int takers = senders + 2;
                int entry = senders + 4;
                int exit = senders + 5;
                long need = receivers[r][0] + receivers[r][1];
                for (int kind = 0; kind < 2; kind++) {
                    classes += (supply[r][kind] > 0 || receivers[r][kind] > 0) ? 1 : 0;
                    if (supply[r][kind] > 0) {
                        g.flow.setNodeSupply(senders + kind, supply[r][kind]);
                        totalSupply += supply[r][kind];
                        if (importRule) {
                            g.arc(senders + kind, sink, 0);
                        }
                        g.arc(senders + kind, world, 0);
                        int from = senders + kind;
                        index.regionCountry(r).ifPresent(c -> g.arc(from, countryHub.get(c), 0));
                    }
                    if (receivers[r][kind] > 0) {
                        g.arc(senders, takers + kind, 0);
                        g.arc(exit, takers + kind, 0);
                        totalDemand += k * receivers[r][kind];
                    }
                }
                if (supply[r][1] > 0 && receivers[r][0] > 0) {
                    g.arc(senders + 1, takers, 0);
                }
                if (need == 0) {
                    continue;
                }
                long[] demandOf = {k * receivers[r][0], k * receivers[r][1]};
                if (importRule && !hasSource[r] && !restrictedRelay[r]) {
                    // Lower bound k on entry -> exit: entry must take k more, exit gets k for free.
                    g.flow.setNodeSupply(entry, -k);
                    g.flow.setNodeSupply(exit, k);
                }
                g.flow.setNodeSupply(takers, -demandOf[0]);
                g.flow.setNodeSupply(takers + 1, -demandOf[1]);
                g.arc(entry, exit, 0);
                g.arc(world, entry, Locality.CROSS_COUNTRY * rate);
                Optional<String> country = index.regionCountry(r);
                boolean otherSenders = country.isPresent()
                        && countrySenderRegions.getOrDefault(country.get(), 0)
                                > (supply[r][0] + supply[r][1] > 0 ? 1 : 0);
                if (otherSenders) {
                    g.arc(countryHub.get(country.get()), entry, Locality.CROSS_REGION * rate);
                }
            }
            if (importRule) {
                g.flow.setNodeSupply(sink, -(totalSupply - totalDemand));
            }
            g.balanced = totalSupply >= totalDemand;
            return g;
        }
    }

    /** A flow network under construction. */
    private static final class Graph {
        final MinCostFlow flow;
        final long capacity;
        boolean balanced;

        Graph(MinCostFlow flow, long capacity) {
            this.flow = flow;
            this.capacity = capacity;
        }

        void arc(int from, int to, long unitCost) {
            flow.addArcWithCapacityAndUnitCost(from, to, capacity, unitCost);
        }

        /** The least cost when every demand is met, or empty when it cannot be. */
        Optional<Long> solveBalanced() {
            if (!balanced) {
                return Optional.empty();
            }
            MinCostFlowBase.Status status = flow.solve();
            return switch (status) {
                case OPTIMAL -> Optional.of(flow.getOptimalCost());
                case INFEASIBLE, UNBALANCED -> Optional.empty();
                case NOT_SOLVED, FEASIBLE, BAD_RESULT, BAD_COST_RANGE -> throw new IllegalStateException(
                        "locality bound: min-cost flow answered " + status);
            };
        }
    }
}
