package dev.canopy.solver.polish;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.solver.Pairing;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a solved forest back into the plan it was built from: every tree edge whose parent
 * changed gets the new parent and the initiator {@link Pairing#initiator} gives the pair, keeping
 * its own rate; every other edge, overlay and entry is kept as it was, in the same order.
 */
final class PlanRewrite {
    /** The plan with the forest's parents, its edges moved counted. */
    record Rewritten(Plan plan, int moved) {}

    private PlanRewrite() {}

    static Rewritten apply(
            SnapshotIndex index, Plan plan, PolishSolution forest, String strategy, Map<String, Object> metrics) {
        Iterator<Attachment> attachments = forest.attachments.iterator();
        List<Overlay> overlays = new ArrayList<>(plan.overlays().size());
        int moved = 0;
        for (Overlay overlay : plan.overlays()) {
            if (overlay.kind() != OverlayKind.TREE) {
                overlays.add(overlay);
                continue;
            }
            List<Edge> edges = new ArrayList<>(overlay.edges().size());
            for (Edge edge : overlay.edges()) {
                Node parent = attachments.next().parent.sender.model;
                if (parent.id().equals(edge.parent())) {
                    edges.add(edge);
                    continue;
                }
                Node child = index.node(edge.child()).orElseThrow();
                edges.add(new Edge(
                        parent.id(), edge.child(), Pairing.initiator(parent, child), edge.rateKbps(), edge.club()));
                moved++;
            }
            overlays.add(
                    new Overlay(overlay.channel(), overlay.kind(), overlay.substream(), overlay.rateKbps(), edges));
        }
        Plan out = new Plan(
                plan.format(),
                plan.snapshot(),
                plan.version(),
                plan.createdAt(),
                strategy,
                overlays,
                plan.clubs(),
                plan.unserved(),
                plan.relaxed(),
                metrics);
        return new Rewritten(out, moved);
    }
}
