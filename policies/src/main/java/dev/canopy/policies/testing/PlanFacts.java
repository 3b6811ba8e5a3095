package dev.canopy.policies.testing;

import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.OverlayKind;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a plan says about one (node, channel), gathered once per plan for the expectation checks:
 * the tree substreams the node receives, whether a mesh feeds it, its parents, and its unserved
 * entry. Test-sized plans only; not for hot loops.
 */
final class PlanFacts {
    private final Plan plan;
    private final Map<String, Set<Integer>> substreams = new HashMap<>();
    private final Map<String, Boolean> meshFed = new HashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, Unserved> unserved = new HashMap<>();

    PlanFacts(Plan plan) {
        this.plan = plan;
        for (Overlay overlay : plan.overlays()) {
            for (Edge edge : overlay.edges()) {
                String key = key(edge.child(), overlay.channel());
                if (overlay.kind() == OverlayKind.TREE) {
                    substreams
                            .computeIfAbsent(key, k -> new TreeSet<>())
                            .add(overlay.substream().orElse(0));
                } else {
                    meshFed.put(key, true);
                }
                List<String> list = parents.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(edge.parent())) {
                    list.add(edge.parent());
                }
            }
        }
        for (Unserved entry : plan.unserved()) {
            unserved.putIfAbsent(key(entry.node(), entry.channel()), entry);
        }
    }

    private static String key(String node, String channel) {
        return node + "\u0000" + channel;
    }

    Plan plan() {
        return plan;
    }

    /** The distinct tree substreams the node receives. */
    Set<Integer> substreams(String node, String channel) {
        return substreams.getOrDefault(key(node, channel), Set.of());
    }

    /** Whether a mesh (flooding or club) edge of the channel reaches the node. */
    boolean meshFed(String node, String channel) {
        return meshFed.getOrDefault(key(node, channel), false);
    }

    /** The node's parents in any overlay of the channel, in plan order. */
    List<String> parents(String node, String channel) {
        return parents.getOrDefault(key(node, channel), List.of());
    }

    /** The plan's unserved entry for the node and channel. */
    Optional<Unserved> unserved(String node, String channel) {
        return Optional.ofNullable(unserved.get(key(node, channel)));
    }

    /** Whether an edge from parent to child carries the channel (in that substream's tree, when given). */
    boolean hasEdge(String parent, String child, String channel, Optional<Integer> substream) {
        for (Overlay overlay : plan.overlays()) {
            if (!overlay.channel().equals(channel)) {
                continue;
            }
            if (substream.isPresent()
                    && (overlay.kind() != OverlayKind.TREE
                            || overlay.substream().orElse(0) != substream.get())) {
                continue;
            }
            for (Edge edge : overlay.edges()) {
                if (edge.parent().equals(parent) && edge.child().equals(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
