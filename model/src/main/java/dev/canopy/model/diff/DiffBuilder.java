package dev.canopy.model.diff;

import dev.canopy.model.plan.Club;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Relaxed;
import dev.canopy.model.plan.Unserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects what changed, edge by edge, and turns it into a {@link Diff} in the format's order
 * (changes by node, channel, substream; instructions by node, each node's lists by channel,
 * substream, child). Used by {@link PlanDiff#between} for whole plans and by the re-planner for
 * the edges an event touched, so both produce the same diff for the same change.
 *
 * <p>Each tree assignment must be reported at most once per diff. Not thread-safe.
 */
public final class DiffBuilder {
    private static final Comparator<ChildRef> CHILD_ORDER = Comparator.comparing(ChildRef::channel)
            .thenComparingInt(ChildRef::substream)
            .thenComparing(ChildRef::child);
    private static final Comparator<ParentRef> PARENT_ORDER =
            Comparator.comparing(ParentRef::channel).thenComparingInt(ParentRef::substream);

    private final List<Change> changes = new ArrayList<>();
    private final List<MeshChange> meshChanges = new ArrayList<>();
    private final List<TreeRate> treeRates = new ArrayList<>();
    private final List<Unserved> unservedAdded = new ArrayList<>();
    private final List<UnservedRef> unservedDropped = new ArrayList<>();
    private final TreeMap<String, List<ParentRef>> setParents = new TreeMap<>();
    private final TreeMap<String, List<ChildRef>> addChildren = new TreeMap<>();
    private final TreeMap<String, List<ChildRef>> dropChildren = new TreeMap<>();
    private Optional<Instant> createdAt = Optional.empty();
    private Optional<String> strategy = Optional.empty();
    private Optional<List<Relaxed>> relaxed = Optional.empty();
    private Optional<List<Club>> clubs = Optional.empty();
    private Optional<Map<String, Object>> metrics = Optional.empty();

    /**
     * A child's edge in a substream's tree goes from {@code before} to {@code after} (empty: no
     * edge). Edges carry their own rate only where it differs from the tree's. Nothing is recorded
     * when they are equal.
     */
    public DiffBuilder treeEdge(
            String channel, int substream, String child, Optional<Edge> before, Optional<Edge> after) {
        if (before.equals(after)) {
            return this;
        }
        Optional<String> parentBefore = before.map(Edge::parent);
        Optional<String> parentAfter = after.map(Edge::parent);
        setParents
                .computeIfAbsent(child, n -> new ArrayList<>())
                .add(new ParentRef(
                        parentAfter,
                        channel,
                        substream,
                        after.map(Edge::initiator),
                        after.map(Edge::rateKbps).orElse(OptionalLong.empty())));
        if (parentBefore.equals(parentAfter)) {
            return this;
        }
        changes.add(new Change(child, channel, substream, parentBefore, parentAfter));
        ChildRef ref = new ChildRef(child, channel, substream);
        parentBefore.ifPresent(
                p -> dropChildren.computeIfAbsent(p, n -> new ArrayList<>()).add(ref));
        parentAfter.ifPresent(
                p -> addChildren.computeIfAbsent(p, n -> new ArrayList<>()).add(ref));
        return this;
    }

    /** A tree overlay appears with, or changes to, this rate. */
    public DiffBuilder treeRate(TreeRate rate) {
        treeRates.add(Objects.requireNonNull(rate, "rate"));
        return this;
    }

    /** A mesh edge appears or goes. */
    public DiffBuilder meshChange(MeshChange change) {
        meshChanges.add(Objects.requireNonNull(change, "change"));
        return this;
    }

    /** An unserved entry of one (node, channel) goes from {@code before} to {@code after}. */
    public DiffBuilder unserved(Optional<Unserved> before, Optional<Unserved> after) {
        if (before.equals(after)) {
            return this;
        }
        before.ifPresent(u -> unservedDropped.add(new UnservedRef(u.node(), u.channel())));
        after.ifPresent(unservedAdded::add);
        return this;
    }

    /** The new plan's stamp, when it differs. */
    public DiffBuilder createdAt(Instant instant) {
        createdAt = Optional.of(instant);
        return this;
    }

    /** The new plan's strategy, when it differs. */
    public DiffBuilder strategy(String name) {
        strategy = Optional.of(name);
        return this;
    }

    /** The new plan's relaxed list, when it differs. */
    public DiffBuilder relaxed(List<Relaxed> list) {
        relaxed = Optional.of(list);
        return this;
    }

    /** The new plan's clubs, when they differ. */
    public DiffBuilder clubs(List<Club> list) {
        clubs = Optional.of(list);
        return this;
    }

    /** The new plan's metrics, when they differ. */
    public DiffBuilder metrics(Map<String, Object> map) {
        metrics = Optional.of(map);
        return this;
    }

    /** The diff from version {@code from} to version {@code to} of the snapshot's plan. */
    public Diff build(String snapshot, long from, long to) {
        List<Change> sortedChanges = new ArrayList<>(changes);
        sortedChanges.sort(Comparator.comparing(Change::node)
                .thenComparing(Change::channel)
                .thenComparingInt(Change::substream));
        TreeSet<String> nodes = new TreeSet<>(setParents.keySet());
        nodes.addAll(addChildren.keySet());
        nodes.addAll(dropChildren.keySet());
        List<Instruction> instructions = new ArrayList<>(nodes.size());
        for (String node : nodes) {
            instructions.add(new Instruction(
                    node,
                    sorted(setParents.get(node), PARENT_ORDER),
                    sorted(addChildren.get(node), CHILD_ORDER),
                    sorted(dropChildren.get(node), CHILD_ORDER)));
        }
        List<UnservedRef> dropped = new ArrayList<>(unservedDropped);
        dropped.sort(Comparator.comparing(UnservedRef::channel).thenComparing(UnservedRef::node));
        List<Unserved> added = new ArrayList<>(unservedAdded);
        added.sort(Comparator.comparing(Unserved::channel).thenComparing(Unserved::node));
        List<TreeRate> rates = new ArrayList<>(treeRates);
        rates.sort(Comparator.comparing(TreeRate::channel).thenComparingInt(TreeRate::substream));
        return new Diff(
                Diff.FORMAT,
                snapshot,
                from,
                to,
                sortedChanges,
                meshChanges,
                instructions,
                createdAt,
                strategy,
                rates,
                added,
                dropped,
                relaxed,
                clubs,
                metrics);
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list);
        out.sort(order);
        return out;
    }
}
