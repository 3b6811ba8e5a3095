package dev.canopy.solver.cpsat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The vertex sets that a relaxed solution of the class model leaves unreached, and the
 * connectivity cuts they give ({@link ConnectivityRounds} says why the cuts are valid): finding
 * them, writing them out, and adding them to a {@link LinearModel} through one shared sum per
 * set. Also the reachability search that {@link ConnectivityRepair} uses. Stateless.
 */
final class UnreachedSets {
    /**
     * A vertex set of channel c (classes and hubs, no source) that every substream of c must
     * enter wherever a class in it holds the substream: one cut per substream and such class.
     * (The set needs an entry in every substream, not only in the one it was found in: the
     * substreams are interchangeable, and the next solution would move there.)
     */
    record Entry(int channel, BitSet inside) {}

    /** A cut {@code sum_i coefficients[i] * x[variables[i]] >= 0}. */
    record Cut(int[] variables, long[] coefficients) {}

    private UnreachedSets() {}

    /**
     * Cuts that {@code values} violates, each also for the channel's other substreams (which it
     * may not violate); none when every holding class is reached, and then the flow variables
     * in {@code values} are set along the reaching paths. With {@code whole}, also the cuts of
     * each substream's whole unreached vertex set (the union of its components and of the
     * unreached vertices that hold nothing).
     */
    static List<Cut> separate(ClassModel model, long[] values, boolean whole) {
        List<Cut> cuts = new ArrayList<>();
        for (Entry entry : entries(model, values, whole)) {
            cuts.addAll(cuts(model, entry));
        }
        return cuts;
    }

    /** The vertex sets of {@link #separate}. */
    static List<Entry> entries(ClassModel model, long[] values, boolean whole) {
        List<Entry> entries = new ArrayList<>();
        for (int c = 0; c < model.graphs.length; c++) {
            Set<BitSet> unreached = new LinkedHashSet<>();
            for (int s = 0; s < model.x[c].length; s++) {
                unreached.addAll(unreached(model, c, s, values, whole));
            }
            for (BitSet inside : unreached) {
                entries.add(new Entry(c, inside));
            }
        }
        return entries;
    }

    /** The entry's cuts: per substream, one per class inside that may hold it. */
    static List<Cut> cuts(ClassModel model, Entry entry) {
        ChannelGraph graph = model.graphs[entry.channel()];
        List<Integer> entering = entering(graph, entry.inside());
        List<Integer> shared = shared(graph, entering);
        List<Cut> cuts = new ArrayList<>();
        for (int s = 0; s < model.x[entry.channel()].length; s++) {
            int[] x = model.x[entry.channel()][s];
            int[] holds = model.holds[entry.channel()][s];
            for (int h = entry.inside().nextSetBit(0);
                    h >= 0 && h < graph.classes;
                    h = entry.inside().nextSetBit(h + 1)) {
                if (holds[h] >= 0) {
                    List<Integer> counted = new ArrayList<>(shared);
                    counted.addAll(own(graph, entering, h));
                    cuts.add(cut(x, counted, holds[h]));
                }
            }
        }
        return cuts;
    }

    /**
     * Writes the entry's cuts into {@code relaxed} and says how many: per substream, the edges
     * entering into a hub or a relaying class, which every cut of the set counts, are summed
     * once into a shared variable (a set's cuts otherwise repeat that sum, hundreds of terms, per
     * class inside), and each cut adds its class's own arcs and its holding.
     */
    static int add(LinearModel relaxed, ClassModel model, Entry entry) {
        ChannelGraph graph = model.graphs[entry.channel()];
        List<Integer> entering = entering(graph, entry.inside());
        List<Integer> shared = shared(graph, entering);
        int cuts = 0;
        for (int s = 0; s < model.x[entry.channel()].length; s++) {
            int[] x = model.x[entry.channel()][s];
            int[] holds = model.holds[entry.channel()][s];
            var sum = relaxed.sum(
                    shared.stream().mapToInt(a -> index(model, x[a])).toArray());
            for (int h = entry.inside().nextSetBit(0);
                    h >= 0 && h < graph.classes;
                    h = entry.inside().nextSetBit(h + 1)) {
                if (holds[h] >= 0) {
                    Cut cut = cut(x, own(graph, entering, h), holds[h]);
                    int[] vars = new int[cut.variables().length];
                    for (int i = 0; i < vars.length; i++) {
                        vars[i] = index(model, cut.variables()[i]);
                    }
                    relaxed.add(new LpBound.Row(vars, cut.coefficients(), 0, Long.MAX_VALUE), sum);
                    cuts++;
                }
            }
        }
        return cuts;
    }

    /** A class-model variable's index in the CP-SAT model (and so in a {@link LinearModel}). */
    private static int index(ClassModel model, int variable) {
        return model.solve.var(variable).getIndex();
    }

    /**
     * The vertex sets of (c, s) that hold the substream in some class without an arc carrying it
     * from a source: the components, weakly connected by arcs carrying it, of the vertices not
     * reached along such arcs, that contain a holding class. When there is none, sets the flow.
     */
    private static List<BitSet> unreached(ClassModel model, int c, int s, long[] values, boolean whole) {
        ChannelGraph graph = model.graphs[c];
        int[] x = model.x[c][s];
        int[] holds = model.holds[c][s];
        int[] via = reach(graph, a -> values[x[a]] > 0);
        int[] root = new int[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            root[v] = v;
        }
        for (int a = 0; a < graph.arcs(); a++) {
            if (values[x[a]] > 0 && via[graph.tail[a]] == UNREACHED && via[graph.head[a]] == UNREACHED) {
                root[find(root, graph.tail[a])] = find(root, graph.head[a]);
            }
        }
        Map<Integer, BitSet> components = new LinkedHashMap<>();
        for (int h = 0; h < graph.classes; h++) {
            if (holds[h] >= 0 && values[holds[h]] > 0 && via[h] == UNREACHED) {
                components.putIfAbsent(find(root, h), new BitSet(graph.vertices));
            }
        }
        if (components.isEmpty()) {
            setFlow(model, c, s, via, values);
        }
        for (int v = 0; v < graph.vertices; v++) {
            BitSet component = via[v] == UNREACHED ? components.get(find(root, v)) : null;
            if (component != null) {
                component.set(v);
            }
        }
        List<BitSet> sets = new ArrayList<>(components.values());
        if (whole && !sets.isEmpty()) {
            BitSet all = new BitSet(graph.vertices);
            for (int v = 0; v < graph.vertices; v++) {
                if (via[v] == UNREACHED) {
                    all.set(v);
                }
            }
            sets.add(all);
        }
        return sets;
    }

    /** The arcs into {@code inside} from outside it. */
    private static List<Integer> entering(ChannelGraph graph, BitSet inside) {
        List<Integer> entering = new ArrayList<>();
        for (int a = 0; a < graph.arcs(); a++) {
            if (!inside.get(graph.tail[a]) && inside.get(graph.head[a])) {
                entering.add(a);
            }
        }
        return entering;
    }

    /**
     * The entering arcs that every cut of the set counts: those into a hub or a relaying class.
     * A cut for class h also counts its {@link #own} arcs: the path from a source to a holder of
     * h enters C last along an arc into h or into a node further up the path, which sends (as in
     * {@link RelayEntryCuts}); arcs into other classes, which do not send, are not counted.
     */
    private static List<Integer> shared(ChannelGraph graph, List<Integer> entering) {
        List<Integer> shared = new ArrayList<>();
        for (int a : entering) {
            if (graph.isHub(graph.head[a]) || graph.sender[graph.head[a]]) {
                shared.add(a);
            }
        }
        return shared;
    }

    /** The entering arcs into h that {@link #shared} leaves out: all of them when h does not send. */
    private static List<Integer> own(ChannelGraph graph, List<Integer> entering, int h) {
        List<Integer> own = new ArrayList<>();
        if (!graph.sender[h]) {
            for (int a : entering) {
                if (graph.head[a] == h) {
                    own.add(a);
                }
            }
        }
        return own;
    }

    /** {@code sum of x over arcs >= holds}, as a cut over the class model's variables. */
    private static Cut cut(int[] x, List<Integer> arcs, int holds) {
        int[] vars = new int[arcs.size() + 1];
        long[] coefficients = new long[vars.length];
        for (int i = 0; i < arcs.size(); i++) {
            vars[i] = x[arcs.get(i)];
            coefficients[i] = 1;
        }
        vars[arcs.size()] = holds;
        coefficients[arcs.size()] = -1;
        return new Cut(vars, coefficients);
    }

    /** {@link #reach}'s mark of a vertex no source reaches. */
    static final int UNREACHED = -2;

    private static final int SOURCE = -1;

    /**
     * Per vertex, the arc it was first reached by from a source along arcs that {@code carries},
     * breadth first, -1 for a source, or {@link #UNREACHED}.
     */
    static int[] reach(ChannelGraph graph, IntPredicate carries) {
        int[] via = new int[graph.vertices];
        Arrays.fill(via, UNREACHED);
        List<List<Integer>> out = graph.outArcs();
        Deque<Integer> queue = new ArrayDeque<>();
        for (int g = 0; g < graph.classes; g++) {
            if (graph.source[g]) {
                via[g] = SOURCE;
                queue.add(g);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int a : out.get(v)) {
                int head = graph.head[a];
                if (carries.test(a) && via[head] == UNREACHED) {
                    via[head] = a;
                    queue.add(head);
                }
            }
        }
        return via;
    }

    /** The flow of {@link SourceFlow}: one unit per holding class along its reaching path. */
    private static void setFlow(ClassModel model, int c, int s, int[] via, long[] values) {
        ChannelGraph graph = model.graphs[c];
        int[] f = model.flowUnits[c][s];
        for (int a = 0; a < graph.arcs(); a++) {
            values[f[a]] = 0;
        }
        for (int h = 0; h < graph.classes; h++) {
            int held = model.holds[c][s][h];
            if (held < 0 || values[held] == 0) {
                continue;
            }
            for (int v = h; via[v] >= 0; v = graph.tail[via[v]]) {
                values[f[via[v]]]++;
            }
        }
    }

    private static int find(int[] root, int v) {
        while (root[v] != v) {
            root[v] = root[root[v]];
            v = root[v];
        }
        return v;
    }
}
