package dev.canopy.solver.cpsat;

import dev.canopy.model.Limit;
import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Locality;
import dev.canopy.solver.Pairing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may send one channel's substreams to whom, between classes. Since the locality cost of an
 * edge depends only on how far apart the two regions are, the arcs run through hubs instead of
 * between every pair of classes: a sender class enters the hub of its region (cost 0), of its
 * country and of the world, and the hub hands the units to the classes of its scope at the
 * hub's cost per unit ({@value Locality#CROSS_REGION} or {@value Locality#CROSS_COUNTRY} times the
 * substream rate; nothing in a region). A route through a wider hub than needed only costs more,
 * so an optimum never takes one. Every hub exists twice: for regular children (any relaying
 * sender) and for lightweight children (regular senders only), so that no hub pairs two
 * lightweight nodes. Children with an access list get direct arcs from the classes their list
 * allows, at the exact cost.
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
    /** Classes that hold the channel and may send it. */
    final boolean[] sender;

    final boolean[] source;
    /** Per hub (vertex - classes): the region of a region hub, else -1. */
    final int[] hubRegion;
    /** Per hub: the country of a country hub, else empty. */
    final List<Optional<String>> hubCountry;

    private final Map<String, Integer> hubIds;
    private final Map<Long, Integer> arcIds = new HashMap<>();

    private ChannelGraph(
            int channel,
            int classes,
            int vertices,
            List<long[]> arcs,
            boolean[] receiver,
            boolean[] sender,
            boolean[] source,
            Map<String, Integer> hubs) {
        this.channel = channel;
        this.hubIds = Map.copyOf(hubs);
        hubRegion = new int[vertices - classes];
        hubCountry = new ArrayList<>();
        for (int h = 0; h < vertices - classes; h++) {
            hubCountry.add(Optional.empty());
        }
        for (var entry : hubs.entrySet()) {
            String scope = entry.getKey().substring(entry.getKey().indexOf('|') + 1);
            int hub = entry.getValue() - classes;
            hubRegion[hub] = scope.charAt(0) == 'r' ? Integer.parseInt(scope.substring(1)) : -1;
            if (scope.charAt(0) == 'c') {
                hubCountry.set(hub, Optional.of(scope.substring(1)));
            }
        }
        this.classes = classes;
        this.vertices = vertices;
        this.receiver = receiver;
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
            arcIds.put((long) tail[a] * vertices + head[a], a);
        }
    }

    /** The arc from one vertex to another, or -1. */
    int arc(int from, int to) {
        return arcIds.getOrDefault((long) from * vertices + to, -1);
    }

    /**
     * The hub through which an edge between two regions is cheapest for a child of the given
     * kind (lightweight or not), or -1: the region's own, the country's, or the world's.
     */
    int hubFor(SnapshotIndex index, int fromRegion, int toRegion, boolean lightweightChild) {
        int kind = lightweightChild ? 1 : 0;
        String scope;
        if (fromRegion == toRegion) {
            scope = "r" + toRegion;
        } else if (Locality.regionCost(index, fromRegion, toRegion) == Locality.CROSS_REGION) {
            scope = "c" + index.regionCountry(toRegion).orElseThrow();
        } else {
            scope = "w";
        }
        return hubIds.getOrDefault(kind + "|" + scope, -1);
    }

    /** Out arcs per vertex. */
    List<List<Integer>> outArcs() {
        List<List<Integer>> out = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            out.add(new ArrayList<>());
        }
        for (int a = 0; a < tail.length; a++) {
            out.get(tail[a]).add(a);
        }
        return out;
    }

    /** In arcs per vertex. */
    List<List<Integer>> inArcs() {
        List<List<Integer>> in = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            in.add(new ArrayList<>());
        }
        for (int a = 0; a < head.length; a++) {
            in.get(head[a]).add(a);
        }
        return in;
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
        boolean[] sender = new boolean[classes];
        boolean[] source = new boolean[classes];
        int bit = 1 << channel;
        for (int g = 0; g < classes; g++) {
            receiver[g] = (pc.wants[g] & bit) != 0;
            source[g] = (pc.sources[g] & bit) != 0;
            sender[g] = (receiver[g] || source[g]) && pc.relays(g);
        }
        Map<String, Integer> hubs = new HashMap<>();
        List<long[]> into = new ArrayList<>();
        List<long[]> direct = new ArrayList<>();
        for (int h = 0; h < classes; h++) {
            if (!receiver[h]) {
                continue;
            }
            Node child = pc.representative[h];
            if (child.has(Limit.ACCESS_LIST)) {
                for (int g = 0; g < classes; g++) {
                    if (sender[g] && g != h && Pairing.canPair(pc.representative[g], child)) {
                        long cost = pc.rate * Locality.regionCost(index, pc.region[g], pc.region[h]);
                        direct.add(new long[] {g, h, cost});
                    }
                }
                continue;
            }
            int kind = child.isLightweight() ? 1 : 0;
            for (String scope : scopes(index, pc.region[h])) {
                int hub = hubs.computeIfAbsent(kind + "|" + scope, k -> classes + hubs.size());
                into.add(new long[] {hub, h, pc.rate * scopeWeight(scope)});
            }
        }
        boolean[] hubHasTail = new boolean[classes + hubs.size()];
        List<long[]> out = new ArrayList<>();
        for (int g = 0; g < classes; g++) {
            if (!sender[g]) {
                continue;
            }
            boolean lightweight = pc.representative[g].isLightweight();
            for (String scope : scopes(index, pc.region[g])) {
                for (int kind = 0; kind < 2; kind++) {
                    Integer hub = hubs.get(kind + "|" + scope);
                    if (hub != null && !(kind == 1 && lightweight)) {
                        out.add(new long[] {g, hub, 0});
                        hubHasTail[hub] = true;
                    }
                }
            }
        }
        List<long[]> arcs = new ArrayList<>(out);
        for (long[] arc : into) {
            if (hubHasTail[(int) arc[0]]) {
                arcs.add(arc);
            }
        }
        arcs.addAll(direct);
        return new ChannelGraph(channel, classes, classes + hubs.size(), arcs, receiver, sender, source, hubs);
    }

    /** The hub scopes a region belongs to: its region, its country (if known), the world. */
    private static List<String> scopes(SnapshotIndex index, int region) {
        Optional<String> country = index.regionCountry(region);
        List<String> scopes = new ArrayList<>(3);
        scopes.add("r" + region);
        country.ifPresent(c -> scopes.add("c" + c));
        scopes.add("w");
        return scopes;
    }

    private static long scopeWeight(String scope) {
        return switch (scope.charAt(0)) {
            case 'r' -> 0;
            case 'c' -> Locality.CROSS_REGION;
            default -> Locality.CROSS_COUNTRY;
        };
    }
}
