package dev.canopy.model.diff;

import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A plan taken apart into sorted, keyed pieces, so that two plans compare piece by piece and a
 * diff edits one in place: tree edges by (channel, substream) then child, mesh edges by
 * (channel, rate) then (club, parent, child), unserved entries by (channel, node). Putting the
 * pieces back gives the plan's canonical form. Not thread-safe.
 */
final class PlanParts {
    /** A substream's tree. */
    record TreeKey(String channel, int substream) implements Comparable<TreeKey> {
        @Override
        public int compareTo(TreeKey o) {
            int c = channel.compareTo(o.channel);
            return c != 0 ? c : Integer.compare(substream, o.substream);
        }
    }

    /** A channel's mesh edges of one rate. */
    record MeshKey(String channel, long rateKbps) implements Comparable<MeshKey> {
        @Override
        public int compareTo(MeshKey o) {
            int c = channel.compareTo(o.channel);
            return c != 0 ? c : Long.compare(rateKbps, o.rateKbps);
        }
    }

    /** One mesh edge within its group. */
    record MeshEdgeKey(int club, String parent, String child) implements Comparable<MeshEdgeKey> {
        @Override
        public int compareTo(MeshEdgeKey o) {
            int c = Integer.compare(club, o.club);
            c = c != 0 ? c : parent.compareTo(o.parent);
            return c != 0 ? c : child.compareTo(o.child);
        }
    }

    /** An unserved entry's identity. */
    record UnservedKey(String channel, String node) implements Comparable<UnservedKey> {
        @Override
        public int compareTo(UnservedKey o) {
            int c = channel.compareTo(o.channel);
            return c != 0 ? c : node.compareTo(o.node);
        }
    }

    private static final Comparator<Relaxed> RELAXED = Comparator.comparing(Relaxed::node)
            .thenComparing(Relaxed::policy)
            .thenComparing(r -> r.channel().orElse(""));
    private static final Comparator<Club> CLUBS =
            Comparator.comparing(Club::channel).thenComparingInt(Club::club);

    String snapshot;
    long version;
    Optional<Instant> createdAt;
    String strategy;
    final TreeMap<TreeKey, Long> treeRates = new TreeMap<>();
    final TreeMap<TreeKey, TreeMap<String, Edge>> trees = new TreeMap<>();
    final TreeMap<MeshKey, TreeMap<MeshEdgeKey, Edge>> meshes = new TreeMap<>();
    final TreeMap<UnservedKey, Unserved> unserved = new TreeMap<>();
    List<Relaxed> relaxed;
    List<Club> clubs;
    Map<String, Object> metrics;

    static PlanParts of(Plan plan) {
        PlanParts parts = new PlanParts();
        parts.snapshot = plan.snapshot();
        parts.version = plan.version();
        parts.createdAt = plan.createdAt();
        parts.strategy = plan.strategy();
        for (Overlay overlay : plan.overlays()) {
            if (overlay.kind() == OverlayKind.TREE) {
                TreeKey key = new TreeKey(overlay.channel(), overlay.substream().orElse(0));
                long rate = parts.treeRates.computeIfAbsent(key, k -> overlay.rateKbps());
                TreeMap<String, Edge> edges = parts.trees.computeIfAbsent(key, k -> new TreeMap<>());
                for (Edge edge : overlay.edges()) {
                    edges.put(edge.child(), treeEdge(edge, overlay.rateOf(edge), rate));
                }
            } else {
                for (Edge edge : overlay.edges()) {
                    parts.meshes
                            .computeIfAbsent(new MeshKey(overlay.channel(), overlay.rateOf(edge)), k -> new TreeMap<>())
                            .put(meshKey(edge), meshEdge(edge.parent(), edge.child(), edge.initiator(), edge.club()));
                }
            }
        }
        for (Unserved entry : plan.unserved()) {
            parts.unserved.put(new UnservedKey(entry.channel(), entry.node()), entry);
        }
        parts.relaxed = plan.relaxed().stream().sorted(RELAXED).toList();
        parts.clubs = plan.clubs().stream().sorted(CLUBS).toList();
        parts.metrics = plan.metrics();
        return parts;
    }

    /** A tree edge with its own rate kept only where it differs from the tree's. */
    static Edge treeEdge(Edge edge, long edgeRate, long treeRate) {
        return new Edge(
                edge.parent(),
                edge.child(),
                edge.initiator(),
                edgeRate == treeRate ? OptionalLong.empty() : OptionalLong.of(edgeRate),
                OptionalInt.empty());
    }

    /** A mesh edge at its group's rate. */
    static Edge meshEdge(String parent, String child, Initiator initiator, OptionalInt club) {
        return new Edge(parent, child, initiator, OptionalLong.empty(), club);
    }

    static MeshEdgeKey meshKey(Edge edge) {
        return new MeshEdgeKey(edge.club().orElse(-1), edge.parent(), edge.child());
    }

    /** The plan in canonical order; trees and meshes without edges are left out. */
    Plan toPlan() {
        List<Overlay> overlays = new ArrayList<>();
        TreeMap<String, List<Overlay>> meshesByChannel = new TreeMap<>();
        for (Map.Entry<MeshKey, TreeMap<MeshEdgeKey, Edge>> mesh : meshes.entrySet()) {
            if (!mesh.getValue().isEmpty()) {
                meshesByChannel
                        .computeIfAbsent(mesh.getKey().channel(), c -> new ArrayList<>())
                        .add(Overlay.mesh(
                                mesh.getKey().channel(),
                                mesh.getKey().rateKbps(),
                                List.copyOf(mesh.getValue().values())));
            }
        }
        for (Map.Entry<TreeKey, TreeMap<String, Edge>> tree : trees.entrySet()) {
            TreeKey key = tree.getKey();
            flushMeshesBefore(key.channel(), meshesByChannel, overlays);
            if (!tree.getValue().isEmpty()) {
                overlays.add(Overlay.tree(
                        key.channel(),
                        key.substream(),
                        treeRates.get(key),
                        List.copyOf(tree.getValue().values())));
            }
        }
        for (List<Overlay> rest : meshesByChannel.values()) {
            overlays.addAll(rest);
        }
        return new Plan(
                Plan.FORMAT,
                snapshot,
                version,
                createdAt,
                strategy,
                overlays,
                clubs,
                List.copyOf(unserved.values()),
                relaxed,
                metrics);
    }

    /**
     * Emits the meshes of channels ordered before {@code channel}; a channel's meshes follow its
     * trees, so they are emitted when a later channel's trees begin.
     */
    private static void flushMeshesBefore(
            String channel, TreeMap<String, List<Overlay>> meshesByChannel, List<Overlay> overlays) {
        while (!meshesByChannel.isEmpty() && meshesByChannel.firstKey().compareTo(channel) < 0) {
            overlays.addAll(meshesByChannel.pollFirstEntry().getValue());
        }
    }
}
