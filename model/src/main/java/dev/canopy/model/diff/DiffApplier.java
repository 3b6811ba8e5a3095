package dev.canopy.model.diff;

import dev.canopy.model.diff.PlanParts.MeshEdgeKey;
import dev.canopy.model.diff.PlanParts.MeshKey;
import dev.canopy.model.diff.PlanParts.TreeKey;
import dev.canopy.model.diff.PlanParts.UnservedKey;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Applies a {@link Diff} to the plan it was computed from: set-parent instructions decide each
 * child's tree edge (the add- and drop-children lists are the parents' view of the same change),
 * then mesh drops before mesh adds, unserved drops before adds, and the lists the diff replaces
 * whole. Stateless.
 */
final class DiffApplier {
    private DiffApplier() {}

    static Plan apply(Diff diff, Plan plan) {
        if (!diff.snapshot().equals(plan.snapshot())) {
            throw new IllegalArgumentException(
                    "the diff is for snapshot \"" + diff.snapshot() + "\", the plan for \"" + plan.snapshot() + "\"");
        }
        if (diff.from() != plan.version()) {
            throw new IllegalArgumentException(
                    "the diff applies to version " + diff.from() + ", the plan is version " + plan.version());
        }
        PlanParts parts = PlanParts.of(plan);
        for (TreeRate rate : diff.treeRates()) {
            parts.treeRates.put(new TreeKey(rate.channel(), rate.substream()), rate.rateKbps());
        }
        for (Instruction instruction : diff.instructions()) {
            for (ParentRef ref : instruction.setParents()) {
                setParent(parts, instruction.node(), ref);
            }
        }
        for (MeshChange change : diff.meshChanges()) {
            if (change.op() == MeshOp.DROP) {
                dropMesh(parts, change);
            }
        }
        for (MeshChange change : diff.meshChanges()) {
            if (change.op() == MeshOp.ADD) {
                addMesh(parts, change);
            }
        }
        for (UnservedRef ref : diff.unservedDropped()) {
            if (parts.unserved.remove(new UnservedKey(ref.channel(), ref.node())) == null) {
                throw new IllegalArgumentException("the diff drops unserved entry (" + ref.node() + ", " + ref.channel()
                        + ") that the plan does not have");
            }
        }
        for (Unserved entry : diff.unservedAdded()) {
            parts.unserved.put(new UnservedKey(entry.channel(), entry.node()), entry);
        }
        parts.version = diff.to();
        diff.createdAt().ifPresent(at -> parts.createdAt = java.util.Optional.of(at));
        diff.strategy().ifPresent(name -> parts.strategy = name);
        diff.relaxed().ifPresent(list -> parts.relaxed = list);
        diff.clubs().ifPresent(list -> parts.clubs = list);
        diff.metrics().ifPresent(map -> parts.metrics = map);
        dropEmptyTreeRates(parts);
        return parts.toPlan();
    }

    private static void setParent(PlanParts parts, String child, ParentRef ref) {
        TreeKey key = new TreeKey(ref.channel(), ref.substream());
        TreeMap<String, Edge> tree = parts.trees.computeIfAbsent(key, k -> new TreeMap<>());
        if (ref.parent().isEmpty()) {
            tree.remove(child);
            return;
        }
        Long rate = parts.treeRates.get(key);
        if (rate == null) {
            throw new IllegalArgumentException("the diff adds to the tree of substream " + ref.substream() + " of \""
                    + ref.channel() + "\" but gives no rate for it");
        }
        Edge edge = new Edge(
                ref.parent().get(), child, ref.initiator().orElse(Initiator.BOTH), ref.rateKbps(), OptionalInt.empty());
        tree.put(child, PlanParts.treeEdge(edge, ref.rateKbps().orElse(rate), rate));
    }

    private static void dropMesh(PlanParts parts, MeshChange change) {
        MeshEdgeKey edge = new MeshEdgeKey(change.club().orElse(-1), change.parent(), change.child());
        for (Map.Entry<MeshKey, TreeMap<MeshEdgeKey, Edge>> mesh : parts.meshes.entrySet()) {
            boolean group = mesh.getKey().channel().equals(change.channel())
                    && (change.rateKbps().isEmpty()
                            || change.rateKbps().getAsLong() == mesh.getKey().rateKbps());
            if (group && mesh.getValue().remove(edge) != null) {
                return;
            }
        }
        throw new IllegalArgumentException("the diff drops mesh edge " + change.parent() + " -> " + change.child()
                + " of \"" + change.channel() + "\" that the plan does not have");
    }

    private static void addMesh(PlanParts parts, MeshChange change) {
        long rate = change.rateKbps().orElseGet(() -> onlyMeshRate(parts, change.channel()));
        parts.meshes
                .computeIfAbsent(new MeshKey(change.channel(), rate), k -> new TreeMap<>())
                .put(
                        new MeshEdgeKey(change.club().orElse(-1), change.parent(), change.child()),
                        PlanParts.meshEdge(
                                change.parent(),
                                change.child(),
                                change.initiator().orElse(Initiator.BOTH),
                                change.club()));
    }

    /** The rate of a channel's mesh, for a diff that states none; there must be exactly one. */
    private static long onlyMeshRate(PlanParts parts, String channel) {
        List<MeshKey> keys = parts.meshes.keySet().stream()
                .filter(k -> k.channel().equals(channel))
                .toList();
        if (keys.size() != 1) {
            throw new IllegalArgumentException("the diff adds a mesh edge of \"" + channel
                    + "\" without a rate, and the plan has " + keys.size() + " meshes of that channel");
        }
        return keys.get(0).rateKbps();
    }

    private static void dropEmptyTreeRates(PlanParts parts) {
        parts.trees.entrySet().removeIf(tree -> tree.getValue().isEmpty());
        parts.treeRates.keySet().retainAll(parts.trees.keySet());
    }
}
