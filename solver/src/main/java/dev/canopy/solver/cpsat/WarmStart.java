package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.PlanningProblem;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A starting point for the class model: greedy's plan, counted by class. Its data-substream
 * edges become units on the arcs (through the cheapest hub), its fully served nodes the served
 * counts, and its import structure the reach arcs and flow. It is only a hint: CP-SAT repairs what
 * does not fit the class model (parity substreams, served sets that are not a class's first m).
 */
final class WarmStart {
    private WarmStart() {}

    static long[] of(PlanningProblem problem, ClassModel model, Plan greedy) {
        PeerClasses pc = model.classes;
        SnapshotIndex index = problem.index();
        long[] values = new long[model.variables()];
        int channels = model.graphs.length;
        int[][] received = new int[channels][index.nodeCount()];
        long[][][] units = new long[channels][][];
        for (int c = 0; c < channels; c++) {
            units[c] = new long[model.x[c].length][model.graphs[c].arcs()];
        }
        for (Overlay overlay : greedy.overlays()) {
            int c = index.channelIndex(overlay.channel()).orElseThrow();
            int s = overlay.substream().orElse(-1);
            if (s < 0 || s >= model.x[c].length) {
                continue;
            }
            ChannelGraph graph = model.graphs[c];
            for (Edge edge : overlay.edges()) {
                int p = index.nodeIndex(edge.parent()).orElseThrow();
                int q = index.nodeIndex(edge.child()).orElseThrow();
                int g = pc.classOf[p];
                int h = pc.classOf[q];
                if (g < 0 || h < 0) {
                    continue;
                }
                received[c][q]++;
                int direct = graph.arc(g, h);
                if (direct >= 0) {
                    units[c][s][direct]++;
                    continue;
                }
                int hub = graph.hubFor(index, pc.region[g], pc.region[h], pc.representative[h].isLightweight());
                int in = hub < 0 ? -1 : graph.arc(g, hub);
                int out = hub < 0 ? -1 : graph.arc(hub, h);
                if (in >= 0 && out >= 0) {
                    units[c][s][in]++;
                    units[c][s][out]++;
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            int k = model.x[c].length;
            ChannelGraph graph = model.graphs[c];
            for (int h = 0; h < pc.count; h++) {
                if (model.m[c][h] < 0) {
                    continue;
                }
                int served = 0;
                for (int node : pc.members[h]) {
                    served += received[c][node] >= k ? 1 : 0;
                }
                values[model.m[c][h]] = served;
                values[model.reached[c][h]] = served > 0 ? 1 : 0;
            }
            // The model orders the data substreams by cost, most expensive first: so does the hint.
            long[][] ordered = units[c].clone();
            long[] cost = new long[k];
            for (int s = 0; s < k; s++) {
                for (int a = 0; a < graph.arcs(); a++) {
                    cost[s] += ordered[s][a] * graph.unitCost[a];
                }
            }
            Integer[] order = new Integer[k];
            for (int s = 0; s < k; s++) {
                order[s] = s;
            }
            Arrays.sort(order, (a, b) -> Long.compare(cost[b], cost[a]));
            for (int s = 0; s < k; s++) {
                ordered[s] = units[c][order[s]];
                for (int a = 0; a < graph.arcs(); a++) {
                    values[model.x[c][s][a]] = ordered[s][a];
                }
            }
            reach(graph, model, c, ordered, values);
        }
        return values;
    }

    /** Reach flow per substream: one unit to each reached class along arcs that carry units. */
    private static void reach(ChannelGraph graph, ClassModel model, int c, long[][] units, long[] values) {
        var out = graph.outArcs();
        for (int s = 0; s < units.length; s++) {
            int[] via = new int[graph.vertices];
            Arrays.fill(via, -2);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int g = 0; g < graph.classes; g++) {
                if (graph.source[g]) {
                    via[g] = -1;
                    queue.add(g);
                }
            }
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int a : out.get(v)) {
                    if (units[s][a] > 0 && via[graph.head[a]] == -2) {
                        via[graph.head[a]] = a;
                        queue.add(graph.head[a]);
                    }
                }
            }
            for (int h = 0; h < graph.classes; h++) {
                if (!graph.receiver[h] || values[model.reached[c][h]] == 0 || via[h] == -2) {
                    continue;
                }
                for (int a = via[h]; a >= 0; a = via[graph.tail[a]]) {
                    values[model.reachFlow[c][s][a]]++;
                }
            }
        }
    }
}
