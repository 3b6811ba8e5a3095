package dev.canopy.solver.cpsat;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Connectivity cuts of the class model: for a set S of vertices (classes and hubs) without a
 * source of the channel and a class h in S that serves someone, every data substream enters S
 * at least once. Sound for every plan, since a served node's substream comes from a source,
 * outside S. Added up front for each class's region and country, and for any set a solution
 * left unreachable.
 */
final class ConnectivityCuts {
    private ConnectivityCuts() {}

    /**
     * Connectivity, as cuts: for a set S of vertices without a source of the channel and a class
     * h in S, every substream enters S at least once if h serves anyone. Sound for every plan
     * (a served node's substream comes from a source, outside S); added up front for each region
     * and each country, and later for each set the solution left unreachable ({@link #violated}).
     */
    static void add(ClassModel model, int c, boolean[] inside, int h) {
        ChannelGraph graph = model.graphs[c];
        for (int[] units : model.x[c]) {
            LinearExprBuilder entering = LinearExpr.newBuilder();
            for (int a = 0; a < graph.arcs(); a++) {
                if (!inside[graph.tail[a]] && inside[graph.head[a]]) {
                    entering.add(model.solve.var(units[a]));
                }
            }
            model.solve.model().addGreaterOrEqual(entering.addTerm(model.solve.var(model.reached[c][h]), -1), 0);
        }
        model.cuts++;
    }

    /** Region and country cuts for every receiver class. */
    static void addStatic(ClassModel model) {
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            for (int h = 0; h < model.classes.count; h++) {
                if (!graph.receiver[h]) {
                    continue;
                }
                int region = model.classes.region[h];
                boolean[] sameRegion = new boolean[graph.vertices];
                boolean[] sameCountry = new boolean[graph.vertices];
                Optional<String> country = model.index.regionCountry(region);
                boolean regionSource = false;
                boolean countrySource = false;
                for (int g = 0; g < model.classes.count; g++) {
                    sameRegion[g] = model.classes.region[g] == region;
                    sameCountry[g] =
                            country.isPresent() && country.equals(model.index.regionCountry(model.classes.region[g]));
                    regionSource |= sameRegion[g] && graph.source[g];
                    countrySource |= sameCountry[g] && graph.source[g];
                }
                for (int v = graph.classes; v < graph.vertices; v++) {
                    int hubRegion = graph.hubRegion[v - graph.classes];
                    Optional<String> hubCountry = graph.hubCountry.get(v - graph.classes);
                    sameRegion[v] = hubRegion == region;
                    sameCountry[v] = country.isPresent()
                            && (hubRegion >= 0
                                    ? country.equals(model.index.regionCountry(hubRegion))
                                    : country.equals(hubCountry));
                }
                if (!regionSource) {
                    add(model, c, sameRegion, h);
                }
                if (country.isPresent() && !countrySource) {
                    add(model, c, sameCountry, h);
                }
            }
        }
    }

    /** A cut found by {@link #violated}: channel, class, and the closed set around the class. */
    record Cut(int channel, int cls, boolean[] inside) {}

    /**
     * For a solution: per channel and substream, each class that serves someone but that no
     * source reaches along arcs carrying units, with the set of vertices that reach it (none of
     * them reached either): no unit enters that set, so its cut is violated. Empty when every
     * serving class is reached in every substream.
     */
    static List<Cut> violated(ClassModel model, LexicographicSolve.Outcome outcome) {
        List<Cut> found = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            List<List<Integer>> out = graph.outArcs();
            List<List<Integer>> in = graph.inArcs();
            for (int[] units : model.x[c]) {
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
                    if (seen[h] || !graph.receiver[h] || outcome.value(model.m[c][h]) == 0) {
                        continue;
                    }
                    boolean[] inside = new boolean[graph.vertices];
                    inside[h] = true;
                    queue.add(h);
                    StringBuilder key = new StringBuilder(c + ":" + h + ":");
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
                        found.add(new Cut(c, h, inside));
                    }
                }
            }
        }
        return found;
    }
}
