package dev.canopy.solver.multitree;

import dev.canopy.model.Channel;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Served (node, channel) pairs a multi-channel snapshot allows, computed for tests apart from
 * the planner (JGraphT's push-relabel maximum flow, node by node, none of the strategy's code):
 * source -> node (its whole uplink slots, zero for a peer that may not relay) -> each channel it
 * holds (a source of it, or a kept receiver) -> sink (k copies per kept receiver). Every channel
 * must have the same substream rate.
 *
 * <ul>
 *   <li>{@link #upper}: with every receiver kept, the flow divided by k, rounded down: no plan
 *       serves more pairs (each served pair takes k copies, each copy a slot of a node holding
 *       the channel).
 *   <li>{@link #bySeedOrder}: the pairs left when (node, channel) pairs are ejected strictly in the
 *       seed's order over all channels at once (free, standard, premium; lowest uplink first;
 *       only pairs whose node has fewer than k slots), as few as the flow needs to carry every
 *       kept pair whole. The planner, which follows that order within each channel only and
 *       meets the trees' other rules besides, should serve at least as many.
 * </ul>
 */
final class PairBounds {
    private final SnapshotIndex index;
    private final int k;
    private final long[] slots;
    /** Wanted (node, channel) pairs, as {node, channel}. */
    private final List<int[]> pairs = new ArrayList<>();

    PairBounds(SnapshotIndex index) {
        this.index = index;
        Channel first = index.channel(0);
        this.k = first.substreams();
        for (int c = 0; c < index.channelCount(); c++) {
            if (index.channel(c).substreamRateKbps() != first.substreamRateKbps()) {
                throw new IllegalArgumentException("channels of different substream rates");
            }
        }
        slots = new long[index.nodeCount()];
        for (int i = 0; i < slots.length; i++) {
            Node node = index.node(i);
            slots[i] = node.canRelay() ? node.uplinkKbps() / first.substreamRateKbps() : 0;
        }
        for (int c = 0; c < index.channelCount(); c++) {
            for (int i = 0; i < index.nodeCount(); i++) {
                if (index.wants(c, i) && !index.isSource(c, i)) {
                    pairs.add(new int[] {i, c});
                }
            }
        }
    }

    /** Wanted (node, channel) pairs, sources excluded. */
    int wanted() {
        return pairs.size();
    }

    int upper() {
        return (int) (flow(Set.of()) / k);
    }

    int bySeedOrder() {
        List<int[]> order = new ArrayList<>();
        for (int[] p : pairs) {
            Node node = index.node(p[0]);
            if (!node.role().isServer() && slots[p[0]] < k) {
                order.add(p);
            }
        }
        order.sort(
                Comparator.comparingInt((int[] p) -> 2 - index.node(p[0]).tier().ordinal())
                        .thenComparingLong(p -> index.node(p[0]).uplinkKbps())
                        .thenComparingInt(p -> p[0])
                        .thenComparingInt(p -> p[1]));
        int lo = 0;
        int hi = order.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Set<Long> ejected = new HashSet<>();
            for (int[] p : order.subList(0, mid)) {
                ejected.add(key(p[0], p[1]));
            }
            long demand = (long) k * (pairs.size() - mid);
            if (flow(ejected) >= demand) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return pairs.size() - lo;
    }

    private double flow(Set<Long> ejected) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        int nodes = index.nodeCount();
        int source = nodes + index.channelCount();
        int sink = source + 1;
        g.addVertex(source);
        g.addVertex(sink);
        long[] demand = new long[index.channelCount()];
        for (int[] p : pairs) {
            if (!ejected.contains(key(p[0], p[1]))) {
                demand[p[1]] += k;
            }
        }
        for (int c = 0; c < index.channelCount(); c++) {
            g.addVertex(nodes + c);
            g.setEdgeWeight(g.addEdge(nodes + c, sink), demand[c]);
        }
        for (int i = 0; i < nodes; i++) {
            if (slots[i] == 0) {
                continue;
            }
            for (int c = 0; c < index.channelCount(); c++) {
                boolean holds = index.isSource(c, i) || (index.wants(c, i) && !ejected.contains(key(i, c)));
                if (holds) {
                    if (!g.containsVertex(i)) {
                        g.addVertex(i);
                        g.setEdgeWeight(g.addEdge(source, i), slots[i]);
                    }
                    g.setEdgeWeight(g.addEdge(i, nodes + c), slots[i]);
                }
            }
        }
        return new PushRelabelMFImpl<>(g).getMaximumFlowValue(source, sink);
    }

    private static long key(int node, int channel) {
        return ((long) node << 8) | channel;
    }
}
