package dev.canopy.policies.verify;

import dev.canopy.model.Snapshot;
import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds plans in verifier tests. Edges are written {@code "parent>child"} (initiator
 * {@code both}, the overlay's rate) or built with {@link #edge}.
 *
 * <pre>{@code
 * Plan plan = PlanBuilder.forSnapshot(snapshot)
 *     .tree("live", 0, 1000, "o1>p1", "p1>p2")
 *     .unserved("p3", "live", UnservedReason.CAPACITY, 0)
 *     .build();
 * }</pre>
 */
final class PlanBuilder {
    private String snapshot;
    private final List<Overlay> overlays = new ArrayList<>();
    private final List<Club> clubs = new ArrayList<>();
    private final List<Unserved> unserved = new ArrayList<>();
    private final List<Relaxed> relaxed = new ArrayList<>();

    private PlanBuilder(String snapshot) {
        this.snapshot = snapshot;
    }

    static PlanBuilder forSnapshot(Snapshot snapshot) {
        return new PlanBuilder(snapshot.id());
    }

    /** Names another snapshot. */
    PlanBuilder snapshot(String id) {
        snapshot = id;
        return this;
    }

    PlanBuilder tree(String channel, int substream, long rateKbps, String... edges) {
        return tree(channel, substream, rateKbps, edges(edges));
    }

    PlanBuilder tree(String channel, int substream, long rateKbps, List<Edge> edges) {
        overlays.add(Overlay.tree(channel, substream, rateKbps, edges));
        return this;
    }

    PlanBuilder mesh(String channel, long rateKbps, String... edges) {
        return mesh(channel, rateKbps, edges(edges));
    }

    PlanBuilder mesh(String channel, long rateKbps, List<Edge> edges) {
        overlays.add(Overlay.mesh(channel, rateKbps, edges));
        return this;
    }

    /** A mesh overlay whose edges all carry one club's blocks. */
    PlanBuilder clubMesh(String channel, long rateKbps, int club, String... edges) {
        List<Edge> clubEdges = new ArrayList<>();
        for (Edge e : edges(edges)) {
            clubEdges.add(new Edge(e.parent(), e.child(), e.initiator(), OptionalLong.empty(), OptionalInt.of(club)));
        }
        overlays.add(new Overlay(channel, OverlayKind.MESH, OptionalInt.empty(), rateKbps, clubEdges));
        return this;
    }

    PlanBuilder club(String channel, int club, String... members) {
        clubs.add(new Club(channel, club, List.of(members)));
        return this;
    }

    PlanBuilder unserved(String node, String channel, UnservedReason reason, int receivedSubstreams) {
        unserved.add(new Unserved(node, channel, reason, Optional.empty(), receivedSubstreams));
        return this;
    }

    /** An unserved entry naming the policy responsible. */
    PlanBuilder unserved(String node, String channel, UnservedReason reason, String policy, int receivedSubstreams) {
        unserved.add(new Unserved(node, channel, reason, Optional.of(policy), receivedSubstreams));
        return this;
    }

    PlanBuilder relaxed(String node, String policy) {
        relaxed.add(new Relaxed(node, policy, Optional.empty()));
        return this;
    }

    Plan build() {
        return new Plan(
                Plan.FORMAT, snapshot, 1, Optional.empty(), "test", overlays, clubs, unserved, relaxed, Map.of());
    }

    /** An edge with an initiator, at its overlay's rate. */
    static Edge edge(String parent, String child, Initiator initiator) {
        return Edge.of(parent, child, initiator);
    }

    /** An edge with its own rate. */
    static Edge edge(String parent, String child, long rateKbps) {
        return new Edge(parent, child, Initiator.BOTH, OptionalLong.of(rateKbps), OptionalInt.empty());
    }

    private static List<Edge> edges(String... edges) {
        return Arrays.stream(edges).map(PlanBuilder::parse).toList();
    }

    private static Edge parse(String edge) {
        int arrow = edge.indexOf('>');
        if (arrow <= 0 || arrow == edge.length() - 1) {
            throw new IllegalArgumentException("edge must read parent>child: " + edge);
        }
        return Edge.of(edge.substring(0, arrow), edge.substring(arrow + 1), Initiator.BOTH);
    }
}
