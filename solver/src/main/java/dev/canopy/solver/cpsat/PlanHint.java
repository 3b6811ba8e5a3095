package dev.canopy.solver.cpsat;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * A plan seen as a solution of the class model, to start the search from (a heuristic plan,
 * such as greedy's, is a solution of the relaxation): its edges counted per class arc, each
 * along the hub path of its regions' scope; holding classes; served nodes per class. The
 * substreams of each channel are renumbered by cost, most first, as the model orders them.
 * Only the model's counting variables are given; the others follow from them (see {@link
 * LexicographicSolve#complete}).
 */
final class PlanHint {
    /** Variable numbers and their values, parallel. */
    record Values(int[] vars, long[] values) {
        /** Writes these values into {@code all}, indexed by variable number; the others are left as they are. */
        void copyInto(long[] all) {
            for (int i = 0; i < vars.length; i++) {
                all[vars[i]] = values[i];
            }
        }
    }

    private PlanHint() {}

    /** The plan's values, or empty when the class graph has no path for one of its edges. */
    static Optional<Values> of(ClassModel model, Plan plan) {
        SnapshotIndex index = model.index;
        PeerClasses pc = model.classes;
        int channels = model.graphs.length;
        long[][][] units = new long[channels][][];
        int[][][] received = new int[channels][][];
        for (int c = 0; c < channels; c++) {
            units[c] = new long[model.x[c].length][model.graphs[c].arcs()];
            received[c] = new int[model.x[c].length][index.nodeCount()];
        }
        for (Overlay overlay : plan.overlays()) {
            int c = index.channelIndex(overlay.channel()).orElseThrow();
            if (overlay.kind() != OverlayKind.TREE) {
                return Optional.empty();
            }
            int s = overlay.substream().orElseThrow();
            for (Edge edge : overlay.edges()) {
                int p = index.nodeIndex(edge.parent()).orElseThrow();
                int q = index.nodeIndex(edge.child()).orElseThrow();
                if (pc.classOf[p] < 0 || pc.classOf[q] < 0) {
                    return Optional.empty();
                }
                int[] path = model.graphs[c].route(pc.classOf[p], pc.classOf[q]);
                if (path.length == 0) {
                    return Optional.empty();
                }
                for (int a : path) {
                    units[c][s][a]++;
                }
                received[c][s][q] = 1;
            }
        }
        long[][] served = new long[channels][];
        for (int c = 0; c < channels; c++) {
            int k = index.channel(c).substreams();
            served[c] = new long[pc.count];
            for (int h = 0; h < pc.count; h++) {
                if (model.m[c][h] < 0) {
                    continue;
                }
                for (int q : pc.members[h]) {
                    int got = 0;
                    for (int[] held : received[c]) {
                        got += held[q];
                    }
                    served[c][h] += got >= k ? 1 : 0;
                }
            }
        }
        return Optional.of(of(model, units, served));
    }

    /**
     * A class-level solution's values: {@code units[c][s][a]} edges per arc (the hubs
     * conserving), {@code served[c][h]} served nodes per receiver class; the substreams are
     * renumbered by cost, and a class holds a substream iff edges of it come in.
     */
    static Values of(ClassModel model, long[][][] units, long[][] served) {
        int size = 0;
        int[] vars = new int[model.variables()];
        long[] values = new long[vars.length];
        for (int c = 0; c < units.length; c++) {
            ChannelGraph graph = model.graphs[c];
            Integer[] order = byCost(graph, units[c]);
            for (int rank = 0; rank < order.length; rank++) {
                long[] u = units[c][order[rank]];
                long[] into = new long[graph.classes];
                for (int a = 0; a < u.length; a++) {
                    vars[size] = model.x[c][rank][a];
                    values[size++] = u[a];
                    if (!graph.isHub(graph.head[a])) {
                        into[graph.head[a]] += u[a];
                    }
                }
                for (int h = 0; h < graph.classes; h++) {
                    if (model.holds[c][rank][h] >= 0) {
                        vars[size] = model.holds[c][rank][h];
                        values[size++] = into[h] > 0 ? 1 : 0;
                    }
                }
            }
            for (int h = 0; h < graph.classes; h++) {
                if (model.m[c][h] >= 0) {
                    vars[size] = model.m[c][h];
                    values[size++] = served[c][h];
                }
            }
        }
        return new Values(Arrays.copyOf(vars, size), Arrays.copyOf(values, size));
    }

    /** The values of a full solution (by the class model's variable numbers) as {@link #of(ClassModel, long[][][], long[][])}'s. */
    static Values of(ClassModel model, long[] values) {
        return of(model, units(model, values), served(model, values));
    }

    /** {@code units[c][s][a]}: a full solution's edges per arc, a fresh array. */
    static long[][][] units(ClassModel model, long[] values) {
        long[][][] units = new long[model.graphs.length][][];
        for (int c = 0; c < units.length; c++) {
            units[c] = new long[model.x[c].length][model.graphs[c].arcs()];
            for (int s = 0; s < units[c].length; s++) {
                for (int a = 0; a < units[c][s].length; a++) {
                    units[c][s][a] = values[model.x[c][s][a]];
                }
            }
        }
        return units;
    }

    /** {@code served[c][h]}: a full solution's served nodes per receiver class, 0 for the others. */
    static long[][] served(ClassModel model, long[] values) {
        long[][] served = new long[model.graphs.length][model.classes.count];
        for (int c = 0; c < served.length; c++) {
            for (int h = 0; h < served[c].length; h++) {
                served[c][h] = model.m[c][h] >= 0 ? values[model.m[c][h]] : 0;
            }
        }
        return served;
    }

    /** The substreams by locality cost, most first (then by number). */
    private static Integer[] byCost(ChannelGraph graph, long[][] units) {
        long[] cost = new long[units.length];
        for (int s = 0; s < units.length; s++) {
            for (int a = 0; a < graph.arcs(); a++) {
                cost[s] += units[s][a] * graph.unitCost[a];
            }
        }
        Integer[] order = new Integer[units.length];
        Arrays.setAll(order, s -> s);
        Arrays.sort(order, Comparator.comparingLong((Integer s) -> -cost[s]).thenComparingInt(s -> s));
        return order;
    }
}
