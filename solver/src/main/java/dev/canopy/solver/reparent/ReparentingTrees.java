package dev.canopy.solver.reparent;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import dev.canopy.solver.PolicyGate;
import dev.canopy.solver.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The trees {@link Reparenting} moves edges in: a plan's trees as parent arrays, one per overlay,
 * with each node's sent edges and the capacities they take (reserved in an unrestricted {@link
 * PolicyGate}), so that whether a node may adopt another ({@link #canAdopt}) is answered from
 * dense arrays. Not the polish's {@code PolishSolution} (a Timefold planning solution of objects)
 * nor re-planning's {@code replan.Forest} (the live trees events change). Only plans made of tree
 * overlays whose edges carry the overlay's rate are taken. Under {@link TreeRules#MULTI_TREE},
 * adoption also keeps the one-tree rule and each channel's depth cap. Not thread-safe.
 */
final class ReparentingTrees {
    final SnapshotIndex index;
    final PolicyGate gate;
    /** Per overlay (tree): its channel, substream and rate in kbps. */
    final int[] channel;

    final int[] substream;
    final long[] rate;
    /** parent[t][q]: q's parent in tree t, or -1. */
    final int[][] parent;
    /** Per region: its nodes, ascending. */
    final int[][] regionNodes;
    /** Per region: the other regions of its country, ascending. */
    final int[][] countryRegions;

    /** How many times {@link #canAdopt} was asked: the search's measure of work. */
    long checks;

    private final Plan start;
    /** Whether the one-tree rule and the depth caps are kept. */
    private final boolean multiTree;
    /**
     * The last subtree height asked for, as tree * nodeCount + node (-1: none): one search asks
     * {@link #canAdopt} about the same child for every candidate parent, and only an edge added
     * or removed changes it.
     */
    private long heightKey = -1;

    private int heightValue;
    /** Per channel: the deepest a node may be (multi-tree rules only). */
    private final int[] depthCap;

    private final int[] regionCountry;
    /** sent[p]: p's edges, each coded as {@code t * nodeCount + child}; sentCount[p] of them. */
    private final int[][] sent;

    private final int[] sentCount;

    private ReparentingTrees(Plan start, SnapshotIndex index, PolicyGate gate, int trees, TreeRules rules) {
        this.start = start;
        this.multiTree = rules == TreeRules.MULTI_TREE;
        this.depthCap = new int[index.channelCount()];
        this.index = index;
        this.gate = gate;
        int nodes = index.nodeCount();
        channel = new int[trees];
        substream = new int[trees];
        rate = new long[trees];
        parent = new int[trees][nodes];
        for (int[] row : parent) {
            Arrays.fill(row, -1);
        }
        sent = new int[nodes][4];
        sentCount = new int[nodes];
        int regions = index.regionCount();
        regionCountry = new int[regions];
        Map<String, Integer> countries = new HashMap<>();
        List<List<Integer>> byRegion = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            regionCountry[r] = index.regionCountry(r)
                    .map(name -> countries.computeIfAbsent(name, k -> countries.size()))
                    .orElse(-1);
            byRegion.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes; i++) {
            byRegion.get(index.regionOf(i)).add(i);
        }
        regionNodes = new int[regions][];
        countryRegions = new int[regions][];
        for (int r = 0; r < regions; r++) {
            regionNodes[r] =
                    byRegion.get(r).stream().mapToInt(Integer::intValue).toArray();
            int own = r;
            countryRegions[r] = IntStream.range(0, regions)
                    .filter(o -> o != own && regionCountry[o] >= 0 && regionCountry[o] == regionCountry[own])
                    .toArray();
        }
    }

    /** The plan's trees, or empty when it has another kind of overlay, clubs or edges of their own rate. */
    static Optional<ReparentingTrees> of(Plan plan, Resources resources, TreeRules rules) {
        SnapshotIndex index = resources.routing().index();
        for (Overlay overlay : plan.overlays()) {
            if (overlay.kind() != OverlayKind.TREE || overlay.substream().isEmpty()) {
                return Optional.empty();
            }
            for (Edge edge : overlay.edges()) {
                if (edge.rateKbps().isPresent() || edge.club().isPresent()) {
                    return Optional.empty();
                }
            }
        }
        if (!plan.clubs().isEmpty()) {
            return Optional.empty();
        }
        ReparentingTrees forest = new ReparentingTrees(
                plan,
                index,
                PolicyGate.unrestricted(index, resources),
                plan.overlays().size(),
                rules);
        for (int t = 0; t < plan.overlays().size(); t++) {
            Overlay overlay = plan.overlays().get(t);
            forest.channel[t] = index.channelIndex(overlay.channel()).orElseThrow();
            forest.substream[t] = overlay.substream().getAsInt();
            forest.rate[t] = overlay.rateKbps();
            for (Edge edge : overlay.edges()) {
                int p = index.nodeIndex(edge.parent()).orElseThrow();
                int q = index.nodeIndex(edge.child()).orElseThrow();
                forest.attach(t, p, q);
            }
        }
        if (forest.multiTree) {
            forest.capDepths();
        }
        return Optional.of(forest);
    }

    /** Per channel its maxDepth, or the depth of its deepest node now. */
    private void capDepths() {
        for (int t = 0; t < trees(); t++) {
            for (int q = 0; q < index.nodeCount(); q++) {
                if (parent[t][q] >= 0) {
                    depthCap[channel[t]] = Math.max(depthCap[channel[t]], depth(t, q));
                }
            }
        }
        for (int c = 0; c < depthCap.length; c++) {
            depthCap[c] = index.channel(c).maxDepth().orElse(depthCap[c]);
        }
    }

    int trees() {
        return parent.length;
    }

    /** The locality cost per kbps from region a to region b, as {@link Locality#regionCost}. */
    int regionCost(int a, int b) {
        if (a == b) {
            return 0;
        }
        return regionCountry[a] >= 0 && regionCountry[a] == regionCountry[b]
                ? Locality.CROSS_REGION
                : Locality.CROSS_COUNTRY;
    }

    int edgeCost(int p, int q) {
        return regionCost(index.regionOf(p), index.regionOf(q));
    }

    /** Whether p holds tree t's substream: a source of its channel, or a node with a parent in t. */
    boolean holds(int t, int p) {
        return parent[t][p] >= 0 || index.isSource(channel[t], p);
    }

    /** Whether {@code node} is {@code root} or below it in tree t. */
    boolean below(int t, int node, int root) {
        for (int a = node; a >= 0; a = parent[t][a]) {
            if (a == root) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether p may take q as its child in t now: holds, admitted, fits, no cycle, and under the
     * multi-tree rules p sends in t (or nowhere yet, or is a server) and q's subtree stays within
     * the depth cap.
     */
    boolean canAdopt(int t, int p, int q) {
        checks++;
        return p != q
                && holds(t, p)
                && gate.allows(p, q, channel[t], substream[t], rate[t])
                && !below(t, p, q)
                && (!multiTree
                        || (interiorMayBe(t, p) && depth(t, p) + 1 + subtreeHeight(t, q) <= depthCap[channel[t]]));
    }

    /** Whether p may have children in t under the one-tree rule: a server, or sends in t or nowhere. */
    private boolean interiorMayBe(int t, int p) {
        if (sentCount[p] == 0 || index.node(p).role().isServer()) {
            return true;
        }
        int nodes = index.nodeCount();
        for (int i = 0; i < sentCount[p]; i++) {
            if (sent[p][i] / nodes == t) {
                return true;
            }
        }
        return false;
    }

    /** Hops from t's root down to {@code node}. */
    private int depth(int t, int node) {
        int d = 0;
        for (int a = parent[t][node]; a >= 0; a = parent[t][a]) {
            d++;
        }
        return d;
    }

    /** Hops from q down to the deepest node below it in t (0 for a leaf). */
    private int subtreeHeight(int t, int q) {
        long key = (long) t * index.nodeCount() + q;
        if (key != heightKey) {
            heightValue = height(t, q);
            heightKey = key;
        }
        return heightValue;
    }

    /** {@link #subtreeHeight} walked down. */
    private int height(int t, int q) {
        int nodes = index.nodeCount();
        int most = 0;
        for (int i = 0; i < sentCount[q]; i++) {
            if (sent[q][i] / nodes == t) {
                most = Math.max(most, 1 + height(t, sent[q][i] % nodes));
            }
        }
        return most;
    }

    /** Adds the edge p to q in tree t and reserves it; the caller has checked {@link #canAdopt}. */
    void attach(int t, int p, int q) {
        heightKey = -1;
        gate.reserve(p, q, channel[t], substream[t], rate[t]);
        parent[t][q] = p;
        if (sentCount[p] == sent[p].length) {
            sent[p] = Arrays.copyOf(sent[p], sent[p].length * 2);
        }
        sent[p][sentCount[p]++] = t * index.nodeCount() + q;
    }

    /** Removes q's edge in tree t and gives its capacity back. */
    void detach(int t, int q) {
        heightKey = -1;
        int p = parent[t][q];
        gate.release(p, q, channel[t], substream[t], rate[t]);
        parent[t][q] = -1;
        int code = t * index.nodeCount() + q;
        for (int i = 0; i < sentCount[p]; i++) {
            if (sent[p][i] == code) {
                sent[p][i] = sent[p][--sentCount[p]];
                return;
            }
        }
        throw new IllegalStateException("edge not listed at its parent");
    }

    /** A copy of p's sent edges, coded as {@code t * nodeCount + child}. */
    int[] sentBy(int p) {
        return Arrays.copyOf(sent[p], sentCount[p]);
    }

    /** Spare uplink of a node, in kbps. */
    long spare(int p) {
        return gate.resources().uplink(p);
    }

    /** The locality cost of the trees, as {@link Locality#planCost}. */
    long cost() {
        long total = 0;
        for (int t = 0; t < trees(); t++) {
            for (int q = 0; q < index.nodeCount(); q++) {
                if (parent[t][q] >= 0) {
                    total += rate[t] * edgeCost(parent[t][q], q);
                }
            }
        }
        return total;
    }

    /** The start plan with these trees (edges by child), everything else as it was. */
    Plan toPlan() {
        List<Overlay> overlays = new ArrayList<>();
        for (int t = 0; t < trees(); t++) {
            List<Edge> edges = new ArrayList<>();
            for (int q = 0; q < index.nodeCount(); q++) {
                int p = parent[t][q];
                if (p >= 0) {
                    edges.add(Edge.of(
                            index.node(p).id(), index.node(q).id(), Pairing.initiator(index.node(p), index.node(q))));
                }
            }
            Overlay was = start.overlays().get(t);
            overlays.add(Overlay.tree(was.channel(), substream[t], rate[t], edges));
        }
        return new Plan(
                start.format(),
                start.snapshot(),
                start.version(),
                start.createdAt(),
                start.strategy(),
                overlays,
                start.clubs(),
                start.unserved(),
                start.relaxed(),
                start.metrics());
    }
}
