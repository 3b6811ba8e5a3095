package dev.canopy.solver.cpsat;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import dev.canopy.solver.Locality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Relay-entry cuts of the class model, a stronger form of the regions' and countries' {@link
 * ConnectivityCuts}: a class h of a region (country) without a source of channel c that holds
 * substream s is reached by an edge of s that enters the region (country) into h itself or into
 * a class that relays c. Sound for every plan: the tree path from a source to a holder of h
 * enters the scope by some edge; its child is that holder or a node further up the path, which
 * sends, so its class relays the channel. An edge enters a region into class g exactly when it
 * runs along an arc into g of positive cost, and enters a country exactly when its arc costs
 * {@link Locality#CROSS_COUNTRY} per kbps ({@link ChannelGraph}: an arc's cost is its edges'
 * locality cost). Why: the plain cuts count imports into lightweight access-list receivers that
 * take the stream from a server abroad and forward it to no one, so the LP can meet them with a
 * dead end; {@link SourceFlow} forbids that for integer solutions only.
 */
final class RelayEntryCuts {
    private RelayEntryCuts() {}

    static void add(ClassModel model) {
        PeerClasses pc = model.classes;
        if (pc.rate <= 0) {
            return; // arc costs would not tell where an edge comes from
        }
        for (int c = 0; c < model.graphs.length; c++) {
            ChannelGraph graph = model.graphs[c];
            Map<String, List<Integer>> scopes = new LinkedHashMap<>();
            for (int g = 0; g < pc.count; g++) {
                int region = pc.region[g];
                scopes.computeIfAbsent("r" + region, k -> new ArrayList<>()).add(g);
                Optional<String> country = model.index.regionCountry(region);
                if (country.isPresent()) {
                    scopes.computeIfAbsent("c" + country.get(), k -> new ArrayList<>())
                            .add(g);
                }
            }
            for (Map.Entry<String, List<Integer>> scope : scopes.entrySet()) {
                long threshold = scope.getKey().startsWith("r") ? 1 : pc.rate * Locality.CROSS_COUNTRY;
                scope(model, c, scope.getValue(), threshold);
            }
        }
    }

    /** Cuts for the classes of one scope; an arc enters it when its unit cost is at least {@code threshold}. */
    private static void scope(ClassModel model, int c, List<Integer> members, long threshold) {
        ChannelGraph graph = model.graphs[c];
        for (int g : members) {
            if (graph.source[g]) {
                return;
            }
        }
        List<List<Integer>> in = graph.inArcs();
        for (int s = 0; s < model.x[c].length; s++) {
            LinearExprBuilder relays = LinearExpr.newBuilder();
            for (int g : members) {
                if (graph.sender[g]) {
                    entering(model, c, s, in.get(g), threshold, relays);
                }
            }
            LinearExpr relayed = relays.build();
            for (int h : members) {
                if (model.holds[c][s][h] < 0) {
                    continue;
                }
                LinearExprBuilder reach = LinearExpr.newBuilder().add(relayed);
                if (!graph.sender[h]) {
                    entering(model, c, s, in.get(h), threshold, reach);
                }
                reach.addTerm(model.solve.var(model.holds[c][s][h]), -1);
                model.solve.model().addGreaterOrEqual(reach, 0);
                model.cuts++;
            }
        }
    }

    private static void entering(
            ClassModel model, int c, int s, List<Integer> arcs, long threshold, LinearExprBuilder sum) {
        for (int a : arcs) {
            if (model.graphs[c].unitCost[a] >= threshold) {
                sum.add(model.solve.var(model.x[c][s][a]));
            }
        }
    }
}
