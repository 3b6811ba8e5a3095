package dev.canopy.solver.cpsat;

import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The breadth-first fill of one (channel, data substream) for {@link Realizer}: from the sources,
 * a connected node with units left sends along an arc of its class that has units left (through
 * a hub, to a class the hub serves) to the next waiting node of the head class, waiting nodes
 * most units first; arcs whose next waiting node carries units go first (they keep the fill
 * going), then arcs into classes not yet reached. When no unit can be placed while nodes still
 * wait, one waiting node takes a parent outside the solution ({@link #repairOne}). Not
 * thread-safe; one per substream.
 */
final class SubstreamFill {
    private final PeerClasses pc;
    private final int[] m;
    /** Slots each node has beyond its units, shared by every fill of the plan. */
    private final long[] spare;

    final int c;
    final int s;
    final ChannelGraph graph;
    final int[] degree;
    final long[] left;
    final int[] parent;
    final int[][] waiting;
    final int[] nextWaiting;
    final List<ArrayDeque<Integer>> available = new ArrayList<>();
    final int[][] outArcs;
    final long[] hubLeft;
    final ArrayDeque<Integer> work = new ArrayDeque<>();
    final boolean[] queued;
    final int[] edgeParent;
    final int[] edgeChild;
    final List<Integer> connectedNodes = new ArrayList<>();
    int edges;

    SubstreamFill(PeerClasses pc, ChannelGraph graph, int[] m, long[] units, int c, int s, int[] degree, long[] spare) {
        this.pc = pc;
        this.m = m;
        this.spare = spare;
        this.c = c;
        this.s = s;
        this.graph = graph;
        this.degree = degree;
        this.left = units.clone();
        int nodes = pc.index.nodeCount();
        this.parent = new int[nodes];
        Arrays.fill(parent, -1);
        waiting = new int[pc.count][];
        nextWaiting = new int[pc.count];
        queued = new boolean[pc.count];
        int total = 0;
        for (int g = 0; g < pc.count; g++) {
            available.add(new ArrayDeque<>());
            int served = graph.receiver[g] ? m[g] : 0;
            Integer[] order = new Integer[served];
            for (int t = 0; t < served; t++) {
                order[t] = pc.members[g][t];
            }
            Arrays.sort(order, (a, b) -> Integer.compare(degree[b], degree[a]));
            waiting[g] = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            total += served;
        }
        edgeParent = new int[total];
        edgeChild = new int[total];
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < graph.vertices; v++) {
            out.add(new ArrayList<>());
        }
        for (int a = 0; a < graph.arcs(); a++) {
            out.get(graph.tail[a]).add(a);
        }
        hubLeft = new long[graph.vertices];
        for (int a = 0; a < graph.arcs(); a++) {
            if (graph.isHub(graph.tail[a])) {
                hubLeft[graph.tail[a]] += left[a];
            }
        }
        outArcs = new int[graph.vertices][];
        for (int v = 0; v < graph.vertices; v++) {
            outArcs[v] = out.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    boolean run() {
        for (int g = 0; g < pc.count; g++) {
            if (graph.source[g]) {
                connected(g, pc.members[g][0]);
            }
        }
        boolean exact = true;
        while (true) {
            drain();
            if (allPlaced()) {
                break;
            }
            exact = false;
            if (!repairOne()) {
                break;
            }
        }
        if (exact) {
            for (long units : left) {
                exact &= units == 0;
            }
        }
        return exact;
    }

    /** Sends along the solution's arcs while some connected node has units and an arc has units. */
    private void drain() {
        while (!work.isEmpty()) {
            int g = work.poll();
            queued[g] = false;
            ArrayDeque<Integer> senders = available.get(g);
            while (!senders.isEmpty()) {
                int arc = pick(g);
                if (arc < 0) {
                    break;
                }
                int p = senders.peek();
                left[arc]--;
                int to = graph.head[arc];
                if (graph.isHub(to)) {
                    int onward = pick(to);
                    left[onward]--;
                    hubLeft[to]--;
                    to = graph.head[onward];
                }
                int child = waiting[to][nextWaiting[to]++];
                edge(p, child);
                if (--degree[p] == 0) {
                    senders.poll();
                }
                connected(to, child);
            }
        }
    }

    private boolean allPlaced() {
        for (int g = 0; g < pc.count; g++) {
            if (nextWaiting[g] < waiting[g].length) {
                return false;
            }
        }
        return true;
    }

    /**
     * When the solution's units cannot be placed in order (its hub pairing does not fit the
     * nodes), the next waiting node takes a parent outside the solution: the nearest
     * connected node (region, then country, then any) with a slot left over, most spare
     * first. The plan stays valid; it is no longer proved optimal.
     */
    private boolean repairOne() {
        for (int g = 0; g < pc.count; g++) {
            if (nextWaiting[g] >= waiting[g].length) {
                continue;
            }
            int child = waiting[g][nextWaiting[g]];
            int best = -1;
            long bestKey = Long.MAX_VALUE;
            for (int p : connectedNodes) {
                if (spare[p] <= 0 || !Pairing.canPair(pc.index.node(p), pc.index.node(child))) {
                    continue;
                }
                long key = Locality.edgeCost(pc.index, p, child) * (1L << 40) - spare[p];
                if (key < bestKey) {
                    bestKey = key;
                    best = p;
                }
            }
            if (best >= 0) {
                spare[best]--;
                nextWaiting[g]++;
                edge(best, child);
                connected(g, child);
                return true;
            }
        }
        return false;
    }

    private void edge(int p, int child) {
        parent[child] = p;
        edgeParent[edges] = p;
        edgeChild[edges] = child;
        edges++;
    }

    private void connected(int g, int node) {
        connectedNodes.add(node);
        if (degree[node] > 0) {
            available.get(g).add(node);
            if (!queued[g]) {
                queued[g] = true;
                work.add(g);
            }
        }
    }

    /**
     * An out arc of a class or hub with units left: first one whose next waiting node carries
     * units (it keeps the fill going), then one into a class not yet reached, then any.
     */
    private int pick(int vertex) {
        int best = -1;
        int bestScore = -1;
        for (int a : outArcs[vertex]) {
            if (left[a] <= 0) {
                continue;
            }
            int h = graph.head[a];
            int score;
            if (graph.isHub(h)) {
                int onward = hubLeft[h] <= 0 ? -1 : pick(h);
                if (onward < 0) {
                    continue;
                }
                score = score(graph.head[onward]);
            } else {
                score = score(h);
            }
            if (score < 0) {
                continue;
            }
            if (score > bestScore) {
                best = a;
                bestScore = score;
                if (score == 3) {
                    break;
                }
            }
        }
        return best;
    }

    private int score(int h) {
        if (nextWaiting[h] >= waiting[h].length) {
            return -1;
        }
        boolean carries = nextWaiting[h] < waiting[h].length && degree[waiting[h][nextWaiting[h]]] > 0;
        return (carries ? 2 : 0) + (nextWaiting[h] == 0 ? 1 : 0);
    }

    Realizer.Tree tree() {
        return new Realizer.Tree(c, s, Arrays.copyOf(edgeParent, edges), Arrays.copyOf(edgeChild, edges));
    }
}
