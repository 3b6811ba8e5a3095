package dev.canopy.solver.cpsat;

import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connectivity cuts of the class model: a set S of vertices (classes and hubs) without a source
 * of channel c, in which some class holds substream s, is entered by at least one edge of s.
 * Sound for every plan, since each holder's substream comes down a tree from a source, outside
 * S. Added up front for each region and each country (one indicator per set and substream, at
 * least each holds of its classes), and for any set a solution left unreachable.
 */
final class ConnectivityCuts {
    private ConnectivityCuts() {}

    /** Edges of s entering the set are at least the indicator. */
    static void add(ClassModel model, int c, int s, boolean[] inside, IntVar indicator) {
        ChannelGraph graph = model.graphs[c];
        LinearExprBuilder entering = LinearExpr.newBuilder();
        for (int a = 0; a < graph.arcs(); a++) {
            if (!inside[graph.tail[a]] && inside[graph.head[a]]) {
                entering.add(model.solve.var(model.x[c][s][a]));
            }
        }
        model.solve.model().addGreaterOrEqual(entering.addTerm(indicator, -1), 0);
        model.cuts++;
    }

    /** A region's or country's cut per substream, unless a source of the channel is inside. */
    static void addStatic(ClassModel model) {
        PeerClasses pc = model.classes;
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            Set<String> done = new HashSet<>();
            for (int h = 0; h < pc.count; h++) {
                if (!graph.holder[h]) {
                    continue;
                }
                int region = pc.region[h];
                Optional<String> country = model.index.regionCountry(region);
                if (done.add("r" + region)) {
                    scope(model, c, v -> regionOf(graph, pc, v) == region);
                }
                if (country.isPresent() && done.add("c" + country.get())) {
                    // Unknown-country regions are countries of their own: their region cut is theirs.
                    scope(model, c, v -> country.equals(countryOf(model, graph, pc, v)));
                }
            }
        }
    }

    private interface Inside {
        boolean test(int vertex);
    }

    private static void scope(ClassModel model, int c, Inside test) {
        ChannelGraph graph = model.graphs[c];
        boolean[] inside = new boolean[graph.vertices];
        for (int v = 0; v < graph.vertices; v++) {
            inside[v] = test.test(v);
            if (inside[v] && !graph.isHub(v) && graph.source[v]) {
                return;
            }
        }
        for (int s = 0; s < model.x[c].length; s++) {
            IntVar any = model.solve.var(model.solve.newBool());
            for (int h = 0; h < graph.classes; h++) {
                if (inside[h] && model.holds[c][s][h] >= 0) {
                    model.solve.model().addLessOrEqual(model.solve.var(model.holds[c][s][h]), any);
                }
            }
            add(model, c, s, inside, any);
        }
    }

    private static int regionOf(ChannelGraph graph, PeerClasses pc, int v) {
        return graph.isHub(v) ? graph.hubRegion[v - graph.classes] : pc.region[v];
    }

    private static Optional<String> countryOf(ClassModel model, ChannelGraph graph, PeerClasses pc, int v) {
        if (!graph.isHub(v)) {
            return model.index.regionCountry(pc.region[v]);
        }
        int region = graph.hubRegion[v - graph.classes];
        if (region >= 0) {
            return model.index.regionCountry(region);
        }
        String scope = graph.hubCountry.get(v - graph.classes).orElseThrow();
        return scope.startsWith("=") ? Optional.of(scope.substring(1)) : Optional.empty();
    }

    /** A cut found by {@link #violated}: channel, substream, class, and the closed set around the class. */
    record Cut(int channel, int substream, int cls, boolean[] inside) {}

    /**
     * For a solution: per channel and substream, each class that holds it but that no source
     * reaches along arcs carrying edges, with the set of vertices that reach it (none of them
     * reached either): no edge enters that set, so its cut is violated. Empty when every holding
     * class is reached in every substream.
     */
    static List<Cut> violated(ClassModel model, LexicographicSolve.Outcome outcome) {
        List<Cut> found = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            List<List<Integer>> out = graph.outArcs();
            List<List<Integer>> in = graph.inArcs();
            for (int s = 0; s < model.x[c].length; s++) {
                int[] units = model.x[c][s];
                boolean[] seen = new boolean[graph.vertices];
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                for (int g = 0; g < model.classes.count; g++) {
                    if (graph.source[g]) {
                        seen[g] = true;
                        queue.add(g);
                    }
                }
                while (!queue.isEmpty()) {
                    int v = queue.poll();
                    for (int a : out.get(v)) {
                        int h = graph.head[a];
                        if (!seen[h] && outcome.value(units[a]) > 0) {
                            seen[h] = true;
                            queue.add(h);
                        }
                    }
                }
                for (int h = 0; h < model.classes.count; h++) {
                    if (seen[h] || model.holds[c][s][h] < 0 || outcome.value(model.holds[c][s][h]) == 0) {
                        continue;
                    }
                    boolean[] inside = new boolean[graph.vertices];
                    inside[h] = true;
                    queue.add(h);
                    StringBuilder key = new StringBuilder(c + ":" + s + ":" + h + ":");
                    while (!queue.isEmpty()) {
                        int v = queue.poll();
                        for (int a : in.get(v)) {
                            int t = graph.tail[a];
                            if (!inside[t] && outcome.value(units[a]) > 0) {
                                inside[t] = true;
                                queue.add(t);
                            }
                        }
                    }
                    for (int v = 0; v < graph.vertices; v++) {
                        if (inside[v]) {
                            key.append(v).append(',');
                        }
                    }
                    if (known.add(key.toString())) {
                        found.add(new Cut(c, s, h, inside));
                    }
                }
            }
        }
        return found;
    }
}
