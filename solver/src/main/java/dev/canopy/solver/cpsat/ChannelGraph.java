package dev.canopy.solver.cpsat;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may send one channel's substreams to whom, between classes: every class that may hold
 * the channel (receivers, and relays that do not want it) receives, every holder that may relay
 * and every source sends. Since the locality cost of an edge depends only on how far apart the
 * two regions are, the arcs run through hubs instead of between every pair of classes, with an
 * exit and an entry hub per scope so that a hub path never leads back into the scope it left:
 *
 * <ul>
 *   <li>inside a region: class, region hub, class of the same region (cost 0);
 *   <li>across regions of a country: class, exit hub of its region, entry hub of another region
 *       of the country, class of that region (cost {@value Locality#CROSS_REGION} per kbps);
 *   <li>across countries: class, exit hub of its country, entry hub of another country, class
 *       (cost {@value Locality#CROSS_COUNTRY} per kbps). A region of unknown country is a
 *       country of its own.
 * </ul>
 *
 * A hub path between two classes exists iff their regions' cost is the path's cost, so the cost
 * of an edge is exactly its {@link Locality} cost, and an edge that enters a region's (country's)
 * vertex set comes from another region (country). Every hub exists twice: for regular children
 * (any relaying sender) and for lightweight children (regular senders only), so that no hub pairs
 * two lightweight nodes. Children with an access list get direct arcs from the classes their
 * list allows, at the exact cost.
 *
 * <p>Vertices: classes {@code 0..classes-1}, then hubs. Immutable.
 */
final class ChannelGraph {
    final int channel;
    final int classes;
    final int vertices;
    final int[] tail;
    final int[] head;
    /** Locality cost of one unit on the arc: rate times the region weight. */
    final long[] unitCost;
    /** Receiver classes (bit set of the channel in {@code wants}). */
    final boolean[] receiver;
    /** Classes that may hold the channel without originating it: receivers and relays. */
    final boolean[] holder;
    /** Classes that hold the channel and may send it. */
    final boolean[] sender;

    final boolean[] source;
    /** Per hub (vertex - classes): the region of a region, exit or entry region hub, else -1. */
    final int[] hubRegion;
    /** Per hub: the country of a country exit or entry hub, else empty. */
    final List<Optional<String>> hubCountry;

    private final PeerClasses pc;
    /** Hub vertex by kind and scope ("0|r3": regular children, region 3's hub). */
    private final Map<String, Integer> hubByScope;
    /** Arc number by {@code tail * vertices + head}. */
    private final Map<Long, Integer> arcOf = new HashMap<>();
    /** Out and in arcs per vertex, built once: the repair's reachability search asks for them per move. */
    private final List<List<Integer>> outArcs;

    private final List<List<Integer>> inArcs;

    private ChannelGraph(
            PeerClasses pc,
            int channel,
            List<long[]> arcs,
            boolean[] receiver,
            boolean[] holder,
            boolean[] sender,
            boolean[] source,
            Map<String, Integer> hubByScope) {
        this.pc = pc;
        this.channel = channel;
        this.classes = pc.count;
        this.hubByScope = hubByScope;
        List<String> hubs = new ArrayList<>(hubByScope.keySet());
        this.vertices = classes + hubs.size();
        hubRegion = new int[hubs.size()];
        hubCountry = new ArrayList<>();
        for (int h = 0; h < hubs.size(); h++) {
            String scope = hubs.get(h).substring(2);
            boolean region = scope.charAt(0) == 'r' || scope.charAt(0) == 'o' || scope.charAt(0) == 'i';
            hubRegion[h] = region ? Integer.parseInt(scope.substring(1)) : -1;
            hubCountry.add(region ? Optional.empty() : Optional.of(scope.substring(1)));
        }
        this.receiver = receiver;
        this.holder = holder;
        this.sender = sender;
        this.source = source;
        int n = arcs.size();
        tail = new int[n];
        head = new int[n];
        unitCost = new long[n];
        for (int a = 0; a < n; a++) {
            tail[a] = (int) arcs.get(a)[0];
            head[a] = (int) arcs.get(a)[1];
            unitCost[a] = arcs.get(a)[2];
            arcOf.put((long) tail[a] * vertices + head[a], a);
        }
        outArcs = arcsPerVertex(tail);
        inArcs = arcsPerVertex(head);
    }

    /**
     * The arcs an edge from a node of sender class g to a node of holder class h takes (the hub
     * path of their regions' scope, or the direct arc to an access-list child), or empty when the
     * graph has no such path (the pair may not be an edge).
     */
    int[] route(int g, int h) {
        Node child = pc.representative[h];
        if (child.has(Limit.ACCESS_LIST)) {
            Integer arc = arcOf.get((long) g * vertices + h);
            return arc == null ? new int[0] : new int[] {arc};
        }
        String kind = (child.isLightweight() ? 1 : 0) + "|";
        int from = pc.region[g];
        int to = pc.region[h];
        String fromCountry = country(pc.index, from);
        String toCountry = country(pc.index, to);
        List<String> hubs = from == to
                ? List.of("r" + to)
                : fromCountry.equals(toCountry)
                        ? List.of("o" + from, "i" + to)
                        : List.of("p" + fromCountry, "q" + toCountry);
        int[] path = new int[hubs.size() + 1];
        int tailVertex = g;
        for (int i = 0; i <= hubs.size(); i++) {
            Integer headVertex = i < hubs.size() ? hubByScope.get(kind + hubs.get(i)) : Integer.valueOf(h);
            Integer arc = headVertex == null ? null : arcOf.get((long) tailVertex * vertices + headVertex);
            if (arc == null) {
                return new int[0];
            }
            path[i] = arc;
            tailVertex = headVertex;
        }
        return path;
    }

    /**
     * The country of a vertex: of a class's region, of a region hub's region, or of a country
     * hub; a region of unknown country is a country of its own ({@code "#"} and its number).
     */
    String countryOf(int vertex) {
        if (vertex < classes) {
            return country(pc.index, pc.region[vertex]);
        }
        int hub = vertex - classes;
        return hubRegion[hub] >= 0
                ? country(pc.index, hubRegion[hub])
                : hubCountry.get(hub).orElseThrow();
    }

    /** Out arcs per vertex (unmodifiable). */
    List<List<Integer>> outArcs() {
        return outArcs;
    }

    /** In arcs per vertex (unmodifiable). */
    List<List<Integer>> inArcs() {
        return inArcs;
    }

    /** Per vertex, the arcs whose {@code end} (tail or head) it is, unmodifiable. */
    private List<List<Integer>> arcsPerVertex(int[] end) {
        List<List<Integer>> arcs = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            arcs.add(new ArrayList<>());
        }
        for (int a = 0; a < end.length; a++) {
            arcs.get(end[a]).add(a);
        }
        return arcs.stream().map(List::copyOf).toList();
    }

    int arcs() {
        return tail.length;
    }

    boolean isHub(int vertex) {
        return vertex >= classes;
    }

    static ChannelGraph of(PeerClasses pc, int channel) {
        SnapshotIndex index = pc.index;
        int classes = pc.count;
        boolean[] receiver = new boolean[classes];
        boolean[] holder = new boolean[classes];
        boolean[] sender = new boolean[classes];
        boolean[] source = new boolean[classes];
        int bit = 1 << channel;
        for (int g = 0; g < classes; g++) {
            receiver[g] = (pc.wants[g] & bit) != 0;
            source[g] = (pc.sources[g] & bit) != 0;
            holder[g] = !source[g] && (receiver[g] || pc.relays(g));
            sender[g] = (holder[g] || source[g]) && pc.relays(g);
        }
        Map<String, Integer> hubs = new LinkedHashMap<>();
        List<long[]> arcs = new ArrayList<>();
        // Entry side: hubs into holder classes.
        Set<Integer> regions = new TreeSet<>();
        for (int g = 0; g < classes; g++) {
            regions.add(pc.region[g]);
        }
        for (int h = 0; h < classes; h++) {
            if (!holder[h]) {
                continue;
            }
            Node child = pc.representative[h];
            if (child.has(Limit.ACCESS_LIST)) {
                for (int g = 0; g < classes; g++) {
                    if (sender[g] && g != h && Pairing.canPair(pc.representative[g], child)) {
                        long cost = pc.rate * Locality.regionCost(index, pc.region[g], pc.region[h]);
                        arcs.add(new long[] {g, h, cost});
                    }
                }
                continue;
            }
            int kind = child.isLightweight() ? 1 : 0;
            int r = pc.region[h];
            arcs.add(new long[] {hub(hubs, classes, kind, "r" + r), h, 0});
            arcs.add(new long[] {hub(hubs, classes, kind, "i" + r), h, pc.rate * Locality.CROSS_REGION});
            arcs.add(new long[] {hub(hubs, classes, kind, "q" + country(index, r)), h, pc.rate * Locality.CROSS_COUNTRY
            });
        }
        // Between exit and entry hubs.
        Set<String> countries = new TreeSet<>();
        for (int r : regions) {
            countries.add(country(index, r));
        }
        for (int kind = 0; kind < 2; kind++) {
            for (int a : regions) {
                for (int b : regions) {
                    if (a != b && country(index, a).equals(country(index, b)) && hubs.containsKey(kind + "|i" + b)) {
                        arcs.add(new long[] {hub(hubs, classes, kind, "o" + a), hubs.get(kind + "|i" + b), 0});
                    }
                }
            }
            for (String a : countries) {
                for (String b : countries) {
                    if (!a.equals(b) && hubs.containsKey(kind + "|q" + b)) {
                        arcs.add(new long[] {hub(hubs, classes, kind, "p" + a), hubs.get(kind + "|q" + b), 0});
                    }
                }
            }
        }
        // Exit side: sender classes into hubs.
        for (int g = 0; g < classes; g++) {
            if (!sender[g]) {
                continue;
            }
            boolean lightweight = pc.representative[g].isLightweight();
            int r = pc.region[g];
            for (int kind = 0; kind < (lightweight ? 1 : 2); kind++) {
                for (String scope : List.of("r" + r, "o" + r, "p" + country(index, r))) {
                    Integer hub = hubs.get(kind + "|" + scope);
                    if (hub != null) {
                        arcs.add(new long[] {g, hub, 0});
                    }
                }
            }
        }
        return new ChannelGraph(pc, channel, arcs, receiver, holder, sender, source, hubs);
    }

    private static int hub(Map<String, Integer> hubs, int classes, int kind, String scope) {
        return hubs.computeIfAbsent(kind + "|" + scope, k -> classes + hubs.size());
    }

    /** A region's country, or a country of its own ("#" and the region) when unknown. */
    private static String country(SnapshotIndex index, int region) {
        return index.regionCountry(region).map(c -> "=" + c).orElse("#" + region);
    }
}
