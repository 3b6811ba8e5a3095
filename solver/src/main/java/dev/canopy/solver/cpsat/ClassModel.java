package dev.canopy.solver.cpsat;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.Tier;
import dev.canopy.solver.PlanOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The class-level CP-SAT model (see {@link ExactStrategy} for what it decides and over which
 * plans). Per channel c: {@code m[c][h]} served nodes of receiver class h and {@code
 * reached[c][h]} (1 when it serves anyone); per data substream s and arc a of the {@link
 * ChannelGraph}: {@code x[c][s][a]} units (child edges) and a reach flow that brings one unit
 * from the sources to every class that serves someone, along arcs that carry units.
 */
final class ClassModel {
    final PeerClasses classes;
    final ChannelGraph[] graphs;
    final int[][] m;
    final int[][][] x;
    /** reached[c][h]: 1 when class h serves anyone of channel c. */
    final int[][] reached;
    /** Per channel, data substream and arc: the reach flow on it. */
    final int[][][] reachFlow;

    int cuts;
    final LexicographicSolve solve = new LexicographicSolve();
    final SnapshotIndex index;

    ClassModel(PeerClasses classes) {
        this.classes = classes;
        this.index = classes.index;
        int channels = index.channelCount();
        if (channels > 30) {
            throw new IllegalArgumentException("exact: more than 30 channels are supported only on small problems");
        }
        graphs = new ChannelGraph[channels];
        m = new int[channels][];
        reached = new int[channels][];
        reachFlow = new int[channels][][];
        x = new int[channels][][];
        for (int c = 0; c < channels; c++) {
            graphs[c] = ChannelGraph.of(classes, c);
            m[c] = new int[classes.count];
            reached[c] = new int[classes.count];
            for (int h = 0; h < classes.count; h++) {
                m[c][h] = graphs[c].receiver[h] ? solve.newInt(0, classes.size(h)) : -1;
                reached[c][h] = -1;
                if (graphs[c].receiver[h]) {
                    reached[c][h] = solve.newInt(0, 1);
                    IntVar served = solve.var(m[c][h]);
                    IntVar any = solve.var(reached[c][h]);
                    solve.model().addGreaterOrEqual(served, any);
                    solve.model()
                            .addLessOrEqual(
                                    LinearExpr.newBuilder()
                                            .add(served)
                                            .addTerm(any, -classes.size(h))
                                            .build(),
                                    0);
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            int k = index.channel(c).substreams();
            x[c] = new int[k][];
            for (int s = 0; s < k; s++) {
                x[c][s] = substream(c);
            }
        }
        capacities();
        downlinks();
        orderSubstreams();
        ConnectivityCuts.addStatic(this);
        for (int c = 0; c < channels; c++) {
            reachFlow(c);
        }
    }

    /** Number of CP-SAT variables (for reports). */
    int variables() {
        return solve.size();
    }

    /** Solves both phases; see {@link LexicographicSolve}. */
    LexicographicSolve.Outcome solve(PlanOptions options, long[] warm, Duration wallLimit) {
        return solve.solve(servedObjective(), costObjective(), options, warm, wallLimit);
    }

    /** The per-substream part: units into a receiver class = its served count, hubs conserve. */
    private int[] substream(int c) {
        ChannelGraph graph = graphs[c];
        CpModel model = solve.model();
        int arcs = graph.arcs();
        int[] units = new int[arcs];
        LinearExprBuilder[] in = new LinearExprBuilder[graph.vertices];
        LinearExprBuilder[] hubOut = new LinearExprBuilder[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            in[v] = LinearExpr.newBuilder();
            hubOut[v] = LinearExpr.newBuilder();
        }
        for (int a = 0; a < arcs; a++) {
            int t = graph.tail[a];
            int h = graph.head[a];
            long upper = graph.isHub(h) ? classes.prefix[t][classes.size(t)] : classes.size(h);
            units[a] = solve.newInt(0, Math.max(0, upper));
            in[h].add(solve.var(units[a]));
            if (graph.isHub(t)) {
                hubOut[t].add(solve.var(units[a]));
            }
        }
        for (int v = 0; v < graph.vertices; v++) {
            if (graph.isHub(v)) {
                model.addEquality(in[v], hubOut[v]);
            } else if (graph.receiver[v]) {
                model.addEquality(in[v], solve.var(m[c][v]));
            }
        }
        return units;
    }

    /**
     * Connectivity, as a flow per data substream: a flow from the sources brings one unit to
     * each class that serves someone, along arcs that carry units of that substream. So every
     * serving class is reachable from a source, in every substream, at class and hub level.
     */
    private void reachFlow(int c) {
        ChannelGraph graph = graphs[c];
        CpModel model = solve.model();
        int receivers = 0;
        for (int h = 0; h < graph.classes; h++) {
            receivers += graph.receiver[h] ? 1 : 0;
        }
        reachFlow[c] = new int[x[c].length][graph.arcs()];
        for (int s = 0; s < x[c].length; s++) {
            LinearExprBuilder[] balance = new LinearExprBuilder[graph.vertices];
            for (int v = 0; v < graph.vertices; v++) {
                balance[v] = LinearExpr.newBuilder();
            }
            for (int a = 0; a < graph.arcs(); a++) {
                reachFlow[c][s][a] = solve.newInt(0, receivers);
                IntVar flow = solve.var(reachFlow[c][s][a]);
                model.addLessOrEqual(
                        LinearExpr.newBuilder()
                                .add(flow)
                                .addTerm(solve.var(x[c][s][a]), -receivers)
                                .build(),
                        0);
                balance[graph.head[a]].add(flow);
                balance[graph.tail[a]].addTerm(flow, -1);
            }
            for (int v = 0; v < graph.vertices; v++) {
                if (!graph.isHub(v) && graph.receiver[v]) {
                    model.addEquality(balance[v], solve.var(reached[c][v]));
                } else if (!graph.isHub(v) && graph.source[v]) {
                    model.addLessOrEqual(balance[v], 0);
                } else {
                    model.addEquality(balance[v], 0);
                }
            }
        }
    }

    /**
     * Uplink. A class of one sends at most its slots, and only channels it holds. A larger class
     * is served all or nothing per node (its nodes want the same channels, and the same m is
     * served for each), so its served nodes hold every channel it sends, and it sends at most
     * the slots of its first m nodes: P(m), a concave function of m (slots sorted descending),
     * written exactly as the minimum of its tangents P(t) + slot(t) (m - t) at every t where
     * the slot count changes.
     */
    private void capacities() {
        CpModel model = solve.model();
        List<List<List<Integer>>> outArcs = new ArrayList<>();
        for (ChannelGraph graph : graphs) {
            List<List<Integer>> byClass = new ArrayList<>();
            for (int g = 0; g < classes.count; g++) {
                byClass.add(new ArrayList<>());
            }
            for (int a = 0; a < graph.arcs(); a++) {
                if (!graph.isHub(graph.tail[a])) {
                    byClass.get(graph.tail[a]).add(a);
                }
            }
            outArcs.add(byClass);
        }
        for (int g = 0; g < classes.count; g++) {
            LinearExprBuilder sent = LinearExpr.newBuilder();
            IntVar served = null;
            for (int c = 0; c < graphs.length; c++) {
                if (m[c][g] >= 0) {
                    IntVar mc = solve.var(m[c][g]);
                    if (served != null && classes.size(g) > 1) {
                        model.addEquality(mc, served);
                    }
                    served = served == null ? mc : served;
                }
                if (!graphs[c].sender[g]) {
                    continue;
                }
                LinearExprBuilder channelSent = LinearExpr.newBuilder();
                for (int[] units : x[c]) {
                    for (int a : outArcs.get(c).get(g)) {
                        sent.add(solve.var(units[a]));
                        channelSent.add(solve.var(units[a]));
                    }
                }
                if (classes.size(g) == 1 && !graphs[c].source[g]) {
                    // A class of one relays a channel only if it is served it.
                    long slots = classes.prefix[g][1];
                    model.addLessOrEqual(channelSent.addTerm(solve.var(m[c][g]), -slots), 0);
                }
            }
            long[] prefix = classes.prefix[g];
            int n = classes.size(g);
            if (n == 1 || served == null) {
                model.addLessOrEqual(sent, prefix[n]);
                continue;
            }
            model.addLessOrEqual(sent, prefix[n]);
            long previousSlope = -1;
            for (int t = 0; t < n; t++) {
                long slope = prefix[t + 1] - prefix[t];
                if (slope == previousSlope) {
                    continue;
                }
                previousSlope = slope;
                // sent <= prefix[t] + slope * (m - t)
                LinearExprBuilder tangent = LinearExpr.newBuilder();
                model.addLessOrEqual(tangent.addTerm(sent.build(), 1).addTerm(served, -slope), prefix[t] - slope * t);
            }
        }
    }

    /**
     * The data substreams of a channel are interchangeable (same rate, same rules), so their
     * order is fixed: each costs at least as much as the next.
     */
    private void orderSubstreams() {
        for (int c = 0; c < graphs.length; c++) {
            for (int s = 0; s + 1 < x[c].length; s++) {
                LinearExprBuilder difference = LinearExpr.newBuilder();
                for (int a = 0; a < graphs[c].arcs(); a++) {
                    if (graphs[c].unitCost[a] > 0) {
                        difference.addTerm(solve.var(x[c][s][a]), graphs[c].unitCost[a]);
                        difference.addTerm(solve.var(x[c][s + 1][a]), -graphs[c].unitCost[a]);
                    }
                }
                solve.model().addGreaterOrEqual(difference, 0);
            }
        }
    }

    /** A class of one whose downlink cannot take every channel it wants: k slots per served channel. */
    private void downlinks() {
        for (int g = 0; g < classes.count; g++) {
            if (classes.downlink[g] < 0) {
                continue;
            }
            LinearExprBuilder received = LinearExpr.newBuilder();
            for (int c = 0; c < graphs.length; c++) {
                if (m[c][g] >= 0) {
                    received.addTerm(solve.var(m[c][g]), index.channel(c).substreams() * classes.rate);
                }
            }
            solve.model().addLessOrEqual(received, classes.downlink[g]);
        }
    }

    /**
     * Served (node, channel) pairs weighted so that the tiers are lexicographic: one premium pair
     * outweighs every standard and free pair together, one standard pair every free pair.
     */
    private LinearExpr servedObjective() {
        long[] perTier = new long[Tier.values().length];
        for (int c = 0; c < graphs.length; c++) {
            for (int h = 0; h < classes.count; h++) {
                if (m[c][h] >= 0) {
                    perTier[classes.representative[h].tier().ordinal()] += classes.size(h);
                }
            }
        }
        long[] weight = TierWeights.of(perTier);
        LinearExprBuilder served = LinearExpr.newBuilder();
        for (int c = 0; c < graphs.length; c++) {
            for (int h = 0; h < classes.count; h++) {
                if (m[c][h] >= 0) {
                    served.addTerm(
                            solve.var(m[c][h]),
                            weight[classes.representative[h].tier().ordinal()]);
                }
            }
        }
        return served.build();
    }

    private LinearExpr costObjective() {
        LinearExprBuilder cost = LinearExpr.newBuilder();
        for (int c = 0; c < graphs.length; c++) {
            for (int[] units : x[c]) {
                for (int a = 0; a < units.length; a++) {
                    if (graphs[c].unitCost[a] > 0) {
                        cost.addTerm(solve.var(units[a]), graphs[c].unitCost[a]);
                    }
                }
            }
        }
        return cost.build();
    }
}
