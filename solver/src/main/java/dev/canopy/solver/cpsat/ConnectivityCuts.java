package dev.canopy.solver.cpsat;

import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Connectivity cuts of the class model: a set S of vertices (classes and hubs) without a source
 * of channel c, in which some class holds substream s, is entered by at least one edge of s.
 * Sound for every plan, since each holder's substream comes down a tree from a source, outside
 * S. Stated for each region and each country (one indicator per set and substream, at least each
 * holds of its classes). {@link SourceFlow} implies them all; these state the regions' and
 * countries' imports to the LP directly, which the flow's big-M coupling states only weakly.
 */
final class ConnectivityCuts {
    private ConnectivityCuts() {}

    /** Edges of s entering the set are at least the indicator. */
    private static void add(ClassModel model, int c, int s, boolean[] inside, IntVar indicator) {
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
}
