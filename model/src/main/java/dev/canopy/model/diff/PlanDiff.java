package dev.canopy.model.diff;

import dev.canopy.model.diff.PlanParts.MeshEdgeKey;
import dev.canopy.model.diff.PlanParts.MeshKey;
import dev.canopy.model.diff.PlanParts.TreeKey;
import dev.canopy.model.diff.PlanParts.UnservedKey;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Plan;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Diffs between two plans of the same snapshot ({@code canopy/diff@1}), as pure functions next to
 * the {@link Plan} type.
 *
 * <p>Contract: {@code between(a, b).applyTo(a).equals(canonical(b))}, and {@code between(a, b)}
 * is {@link Diff#isEmpty empty} when {@code canonical(a)} and {@code canonical(b)} differ in
 * nothing but the version. Plans compare in their {@link #canonical canonical} form, which only
 * orders and groups what a plan says (the order of overlays, edges and entries carries no meaning
 * in the format); for canonical plans, such as the re-planner's, {@code applyTo} gives {@code b}
 * itself. A tree edge's identity is (channel, substream, child): a new parent is a {@link Change}
 * plus instructions to the child (set parent), the old parent (drop child) and the new one (add
 * child); a new initiator or edge rate under the same parent is a set-parent instruction alone. A
 * mesh edge's identity is (channel, rate, club, parent, child); any other difference is a drop and
 * an add. One limitation: a plan without {@code createdAt} keeps the old plan's stamp.
 *
 * <p>Stateless and thread-safe. Linear in the plans' sizes apart from sorting.
 */
public final class PlanDiff {
    private PlanDiff() {}

    /**
     * The plan in canonical order: overlays by channel id, each channel's trees by substream then
     * its meshes by rate; tree edges by child, mesh edges by club, parent, child; unserved entries
     * by channel, node; relaxed entries by node, policy; clubs by channel, club. Overlays without
     * edges are dropped, and edges keep their own rate only where it differs from the overlay's.
     */
    public static Plan canonical(Plan plan) {
        return PlanParts.of(plan).toPlan();
    }

    /**
     * What changes from {@code a} to {@code b}, from version {@code a.version()} to {@code
     * b.version()}.
     *
     * @throws IllegalArgumentException when the plans are for different snapshots
     */
    public static Diff between(Plan a, Plan b) {
        if (!a.snapshot().equals(b.snapshot())) {
            throw new IllegalArgumentException(
                    "cannot diff plans of different snapshots: \"" + a.snapshot() + "\" and \"" + b.snapshot() + "\"");
        }
        PlanParts before = PlanParts.of(a);
        PlanParts after = PlanParts.of(b);
        DiffBuilder diff = new DiffBuilder();
        for (TreeKey key : union(before.trees.keySet(), after.trees.keySet())) {
            TreeMap<String, Edge> was = before.trees.getOrDefault(key, new TreeMap<>());
            TreeMap<String, Edge> now = after.trees.getOrDefault(key, new TreeMap<>());
            for (String child : union(was.keySet(), now.keySet())) {
                diff.treeEdge(
                        key.channel(),
                        key.substream(),
                        child,
                        Optional.ofNullable(was.get(child)),
                        Optional.ofNullable(now.get(child)));
            }
            Long rate = after.treeRates.get(key);
            if (!now.isEmpty() && !rate.equals(before.treeRates.get(key))) {
                diff.treeRate(new TreeRate(key.channel(), key.substream(), rate));
            }
        }
        meshChanges(before, after, diff);
        for (UnservedKey key : union(before.unserved.keySet(), after.unserved.keySet())) {
            diff.unserved(Optional.ofNullable(before.unserved.get(key)), Optional.ofNullable(after.unserved.get(key)));
        }
        if (!a.createdAt().equals(b.createdAt())) {
            b.createdAt().ifPresent(diff::createdAt);
        }
        if (!a.strategy().equals(b.strategy())) {
            diff.strategy(b.strategy());
        }
        if (!before.relaxed.equals(after.relaxed)) {
            diff.relaxed(after.relaxed);
        }
        if (!before.clubs.equals(after.clubs)) {
            diff.clubs(after.clubs);
        }
        if (!before.metrics.equals(after.metrics)) {
            diff.metrics(after.metrics);
        }
        return diff.build(b.snapshot(), a.version(), b.version());
    }

    private static void meshChanges(PlanParts before, PlanParts after, DiffBuilder diff) {
        for (MeshKey key : union(before.meshes.keySet(), after.meshes.keySet())) {
            TreeMap<MeshEdgeKey, Edge> was = before.meshes.getOrDefault(key, new TreeMap<>());
            TreeMap<MeshEdgeKey, Edge> now = after.meshes.getOrDefault(key, new TreeMap<>());
            for (MeshEdgeKey edge : union(was.keySet(), now.keySet())) {
                Edge a = was.get(edge);
                Edge b = now.get(edge);
                if (a != null && !a.equals(b)) {
                    diff.meshChange(meshChange(key, a, MeshOp.DROP));
                }
                if (b != null && !b.equals(a)) {
                    diff.meshChange(meshChange(key, b, MeshOp.ADD));
                }
            }
        }
    }

    private static MeshChange meshChange(MeshKey key, Edge edge, MeshOp op) {
        return new MeshChange(
                key.channel(),
                edge.parent(),
                edge.child(),
                op,
                edge.club(),
                op == MeshOp.ADD ? Optional.of(edge.initiator()) : Optional.empty(),
                OptionalLong.of(key.rateKbps()));
    }

    private static <T extends Comparable<T>> Set<T> union(Set<T> a, Set<T> b) {
        TreeSet<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
