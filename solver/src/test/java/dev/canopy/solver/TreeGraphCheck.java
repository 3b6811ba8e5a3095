package dev.canopy.solver;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * A second, independent check of the tree shape of a plan, built on JGraphT rather than on the
 * verifier's own walk: every tree overlay must be a forest of arborescences hanging from the
 * channel's sources (no cycle, no node with two parents, no repeated edge, every root a
 * source). Tests run it next to the verifier, so that a bug in one is caught by the other.
 */
final class TreeGraphCheck {
    private TreeGraphCheck() {}

    /** What is wrong with the plan's trees, one line each; empty when every tree is well formed. */
    static List<String> problems(SnapshotIndex index, Plan plan) {
        List<String> problems = new ArrayList<>();
        for (Overlay overlay : plan.overlays()) {
            if (overlay.kind() != OverlayKind.TREE) {
                continue;
            }
            String tree = overlay.channel() + "/" + overlay.substream().orElse(-1);
            Graph<String, DefaultEdge> graph = new DirectedMultigraph<>(DefaultEdge.class);
            for (Edge edge : overlay.edges()) {
                graph.addVertex(edge.parent());
                graph.addVertex(edge.child());
                graph.addEdge(edge.parent(), edge.child());
            }
            if (new CycleDetector<>(graph).detectCycles()) {
                problems.add(tree + ": has a cycle");
            }
            int channel = index.channelIndex(overlay.channel()).orElseThrow();
            for (String node : graph.vertexSet()) {
                int parents = graph.inDegreeOf(node);
                boolean source = index.isSource(channel, index.nodeIndex(node).orElseThrow());
                if (parents > 1) {
                    problems.add(tree + ": " + node + " has " + parents + " parents");
                } else if (parents == 0 && !source) {
                    problems.add(tree + ": root " + node + " is not a source of the channel");
                } else if (parents == 1 && source) {
                    problems.add(tree + ": source " + node + " has a parent");
                }
            }
        }
        return problems;
    }
}
