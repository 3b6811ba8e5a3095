package dev.canopy.solver;

import dev.canopy.model.Channel;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects a strategy's tree edges and unserved entries by node number and turns them into a
 * {@link Plan}: one tree overlay per (channel, substream) in channel order, edges in the order
 * they were added, unserved entries sorted by channel then node. Not thread-safe.
 */
public final class PlanAssembler {
    private final SnapshotIndex index;
    private final Map<Long, ArrayList<Edge>> trees = new LinkedHashMap<>();
    private final List<Unserved> unserved = new ArrayList<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private List<Relaxed> relaxed = List.of();
    /** The tree the last edge went to, so that runs of edges of one tree skip the map. */
    private long lastKey = -1;

    private ArrayList<Edge> lastEdges;

    public PlanAssembler(SnapshotIndex index) {
        this.index = index;
    }

    /** Adds a tree edge for a substream of a channel. */
    public void edge(int channel, int substream, int parent, int child, Initiator initiator) {
        edges(channel, substream).add(Edge.of(index.nodeId(parent), index.nodeId(child), initiator));
    }

    /** Makes room for {@code more} edges of a substream's tree, so that adding them does not regrow its list. */
    public void expectEdges(int channel, int substream, int more) {
        ArrayList<Edge> edges = edges(channel, substream);
        edges.ensureCapacity(edges.size() + more);
    }

    private ArrayList<Edge> edges(int channel, int substream) {
        long key = key(channel, substream);
        if (key != lastKey) {
            lastEdges = trees.computeIfAbsent(key, k -> new ArrayList<>());
            lastKey = key;
        }
        return lastEdges;
    }

    /**
     * Per substream of the channel, each node's parent in its tree (-1 for none), as the edges
     * added so far stand; for passes over a finished channel ({@link Preemption}).
     */
    int[][] parents(int channel) {
        int total = index.channel(channel).totalSubstreams();
        int[][] parents = new int[total][index.nodeCount()];
        for (int s = 0; s < total; s++) {
            Arrays.fill(parents[s], -1);
            for (Edge e : trees.getOrDefault(key(channel, s), new ArrayList<>(0))) {
                parents[s][index.nodeIndex(e.child()).orElseThrow()] =
                        index.nodeIndex(e.parent()).orElseThrow();
            }
        }
        return parents;
    }

    /** Removes the tree edge parent -> child of a substream; with {@code to} >= 0 it becomes parent -> to. */
    void replaceEdge(int channel, int substream, int parent, int child, int to, Initiator initiator) {
        List<Edge> edges = trees.get(key(channel, substream));
        int i = edgeIndex(edges, parent, child);
        if (to >= 0) {
            edges.set(i, Edge.of(index.nodeId(parent), index.nodeId(to), initiator));
        } else {
            edges.remove(i);
        }
    }

    /** Removes the tree edge parent -> child of a substream. */
    void removeEdge(int channel, int substream, int parent, int child) {
        replaceEdge(channel, substream, parent, child, -1, Initiator.BOTH);
    }

    /** Moves the tree edge parent -> child of a substream to {@code newParent} -> child. */
    void reparent(int channel, int substream, int parent, int child, int newParent, Initiator initiator) {
        List<Edge> edges = trees.get(key(channel, substream));
        int i = edgeIndex(edges, parent, child);
        edges.set(i, Edge.of(index.nodeId(newParent), index.nodeId(child), initiator));
    }

    private int edgeIndex(List<Edge> edges, int parent, int child) {
        String p = index.node(parent).id();
        String c = index.node(child).id();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            if (e.parent().equals(p) && e.child().equals(c)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no edge " + p + " -> " + c);
    }

    /** The unserved entries listed so far, in the order they were (a live view: do not change it). */
    List<Unserved> unservedEntries() {
        return Collections.unmodifiableList(unserved);
    }

    /** Takes back the unserved entry of a (node, channel). */
    void withdrawUnserved(int node, int channel) {
        String n = index.node(node).id();
        String c = index.channel(channel).id();
        unserved.removeIf(u -> u.node().equals(n) && u.channel().equals(c));
    }

    /** Lists a wanted (node, channel) as unserved. */
    public void unserved(int node, int channel, UnservedReason reason, Optional<String> policy, int received) {
        unserved.add(new Unserved(index.node(node).id(), index.channel(channel).id(), reason, policy, received));
    }

    /** Sets the plan's {@code relaxed} list: the policies set aside for single nodes, in the order they were. */
    public void relaxed(List<Relaxed> entries) {
        relaxed = List.copyOf(entries);
    }

    /** Attaches a strategy-specific figure to the plan's metrics. */
    public void metric(String name, Object value) {
        metrics.put(name, value);
    }

    /** The plan, stamped with the options' clock and version. */
    public Plan build(String strategy, PlanOptions options) {
        List<Overlay> overlays = new ArrayList<>();
        for (int c = 0; c < index.channelCount(); c++) {
            Channel channel = index.channel(c);
            for (int s = 0; s < channel.totalSubstreams(); s++) {
                List<Edge> edges = trees.get(key(c, s));
                if (edges != null && !edges.isEmpty()) {
                    overlays.add(Overlay.tree(channel.id(), s, channel.substreamRateKbps(), edges));
                }
            }
        }
        List<Unserved> sorted = new ArrayList<>(unserved);
        sorted.sort(Comparator.comparingInt(
                        (Unserved u) -> index.channelIndex(u.channel()).orElse(0))
                .thenComparingInt(u -> index.nodeIndex(u.node()).orElse(0)));
        return new Plan(
                Plan.FORMAT,
                index.snapshot().id(),
                options.version(),
                Optional.of(options.clock().instant()),
                strategy,
                overlays,
                List.of(),
                sorted,
                relaxed,
                metrics);
    }

    private static long key(int channel, int substream) {
        return ((long) channel << 32) | substream;
    }
}
