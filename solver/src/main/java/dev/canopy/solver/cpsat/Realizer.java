package dev.canopy.solver.cpsat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a class-level solution into per-node trees, one data substream at a time.
 *
 * <p>First each node's slots are split over the channels it relays (the channel with the fewest
 * holders takes its units first, from its own holders), then each channel's share over its
 * substreams as consecutive runs of the class's slot sequence, so that the nodes that carry a
 * substream's units come first in its order. Then {@link SubstreamFill} places the units from
 * the sources. Inside one class the fill cannot get stuck: with its importers first and the rest
 * by units descending, as long as the class's units cover its own children, every prefix of
 * placed nodes holds at least one unit more than the children placed so far (if the first q
 * carry a unit each they hold q; otherwise every later node carries none and all units are
 * already among them). Between classes, units that pass through a hub can be paired with the
 * wrong child and leave a class waiting; then the fill repairs with spare slots. Nodes served in
 * the solution but left without a substream, and everything below them, are unserved: the plan
 * stays valid, and {@link Result#complete()} says whether every unit was placed as solved.
 *
 * <p>Deterministic: every choice is by class, arc and node order.
 */
final class Realizer {
    /** Edges of one (channel, substream): parallel lists of parent and child node numbers. */
    record Tree(int channel, int substream, int[] parents, int[] children) {}

    /** Trees and who is served per channel; {@code complete} if every unit of the solution was placed. */
    record Result(List<Tree> trees, boolean[][] served, boolean complete) {}

    private final PeerClasses pc;
    private final ChannelGraph[] graphs;
    private final int[][] m;
    private final long[][][] x;
    private final int nodes;
    /** Slots a node has beyond every unit the solution gives it: what repairs may use. */
    private long[] spare;

    Realizer(PeerClasses pc, ChannelGraph[] graphs, int[][] m, long[][][] x) {
        this.pc = pc;
        this.graphs = graphs;
        this.m = m;
        this.x = x;
        this.nodes = pc.index.nodeCount();
    }

    Result run() {
        long[][] budget = channelBudgets();
        spare = new long[nodes];
        for (int g = 0; g < pc.count; g++) {
            for (int node : pc.members[g]) {
                spare[node] = PeerClasses.slots(pc.index.node(node), pc.rate);
                for (long[] perChannel : budget) {
                    spare[node] -= perChannel[node];
                }
            }
        }
        List<Tree> trees = new ArrayList<>();
        boolean[][] served = new boolean[graphs.length][];
        boolean complete = true;
        for (int c = 0; c < graphs.length; c++) {
            int k = x[c].length;
            int[][] parent = new int[k][];
            List<Tree> channelTrees = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                SubstreamFill fill =
                        new SubstreamFill(pc, graphs[c], m[c], x[c][s], c, s, substreamDegrees(c, s, budget[c]), spare);
                complete &= fill.run();
                parent[s] = fill.parent;
                channelTrees.add(fill.tree());
            }
            served[c] = prune(c, parent);
            for (Tree tree : channelTrees) {
                trees.add(keep(tree, served[c]));
            }
        }
        return new Result(trees, served, complete);
    }

    /** Units each node sends of each channel, over all its substreams. */
    private long[][] channelBudgets() {
        long[][] budget = new long[graphs.length][nodes];
        for (int g = 0; g < pc.count; g++) {
            List<Integer> relayed = new ArrayList<>();
            long[] demand = new long[graphs.length];
            for (int c = 0; c < graphs.length; c++) {
                if (!graphs[c].sender[g]) {
                    continue;
                }
                relayed.add(c);
                for (long[] units : x[c]) {
                    for (int a = 0; a < units.length; a++) {
                        if (graphs[c].tail[a] == g) {
                            demand[c] += units[a];
                        }
                    }
                }
            }
            int cls = g;
            relayed.sort((a, b) -> Integer.compare(holders(a, cls), holders(b, cls)));
            int[] members = pc.members[g];
            long[] left = new long[members.length];
            for (int t = 0; t < members.length; t++) {
                left[t] = pc.prefix[g][t + 1] - pc.prefix[g][t];
            }
            for (int c : relayed) {
                long need = demand[c];
                for (int t = 0; t < holders(c, g) && need > 0; t++) {
                    long take = Math.min(need, left[t]);
                    left[t] -= take;
                    budget[c][members[t]] += take;
                    need -= take;
                }
                if (need > 0) {
                    throw new IllegalStateException("exact: class solution exceeds the uplink of class " + g);
                }
            }
        }
        return budget;
    }

    private int holders(int c, int g) {
        return graphs[c].source[g] ? 1 : m[c][g];
    }

    /** Splits each node's channel budget over the substreams as runs of its class's slot sequence. */
    private int[] substreamDegrees(int c, int s, long[] budget) {
        int[] degree = new int[nodes];
        ChannelGraph graph = graphs[c];
        long[] sent = new long[pc.count];
        long[] before = new long[pc.count];
        for (int t = 0; t < x[c].length; t++) {
            for (int a = 0; a < graph.arcs(); a++) {
                if (!graph.isHub(graph.tail[a])) {
                    if (t < s) {
                        before[graph.tail[a]] += x[c][t][a];
                    } else if (t == s) {
                        sent[graph.tail[a]] += x[c][t][a];
                    }
                }
            }
        }
        for (int g = 0; g < pc.count; g++) {
            if (sent[g] == 0) {
                continue;
            }
            long from = before[g];
            long to = from + sent[g];
            long at = 0;
            for (int node : pc.members[g]) {
                long lo = Math.max(at, from);
                long hi = Math.min(at + budget[node], to);
                if (hi > lo) {
                    degree[node] = (int) (hi - lo);
                }
                at += budget[node];
            }
        }
        return degree;
    }

    /** Nodes served in every data substream stay; the rest and everything below them go. */
    private boolean[] prune(int c, int[][] parent) {
        boolean[] served = new boolean[nodes];
        boolean[] dropped = new boolean[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int g = 0; g < pc.count; g++) {
            if (!graphs[c].receiver[g]) {
                continue;
            }
            for (int t = 0; t < m[c][g]; t++) {
                int node = pc.members[g][t];
                served[node] = true;
                for (int[] p : parent) {
                    if (p[node] < 0 && !dropped[node]) {
                        dropped[node] = true;
                        queue.add(node);
                    }
                }
            }
        }
        if (queue.isEmpty()) {
            return served;
        }
        int[][] firstChild = new int[parent.length][nodes];
        int[][] next = new int[parent.length][nodes];
        for (int s = 0; s < parent.length; s++) {
            Arrays.fill(firstChild[s], -1);
            for (int v = 0; v < nodes; v++) {
                if (parent[s][v] >= 0) {
                    next[s][v] = firstChild[s][parent[s][v]];
                    firstChild[s][parent[s][v]] = v;
                }
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            served[v] = false;
            for (int s = 0; s < parent.length; s++) {
                for (int child = firstChild[s][v]; child >= 0; child = next[s][child]) {
                    if (!dropped[child]) {
                        dropped[child] = true;
                        queue.add(child);
                    }
                }
            }
        }
        return served;
    }

    private static Tree keep(Tree tree, boolean[] served) {
        int n = 0;
        int[] parents = new int[tree.parents().length];
        int[] children = new int[tree.children().length];
        for (int e = 0; e < tree.children().length; e++) {
            if (served[tree.children()[e]]) {
                parents[n] = tree.parents()[e];
                children[n] = tree.children()[e];
                n++;
            }
        }
        return new Tree(tree.channel(), tree.substream(), Arrays.copyOf(parents, n), Arrays.copyOf(children, n));
    }
}
