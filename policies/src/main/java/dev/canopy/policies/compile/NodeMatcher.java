package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.NodeSelector;
import dev.canopy.model.validate.IpPrefix;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The nodes of one snapshot that a {@link NodeSelector} selects, decided once when built so
 * that {@link #matches} is a bit test in hot loops. Every field the selector gives must match
 * (an empty field matches everything): {@code ids}; {@code roles}; {@code regions}, where a
 * region selects every node in it or under it; {@code countries}, the node's own country or
 * else its region's (inherited); {@code tiers}; {@code types}; {@code groups} (the node is in
 * at least one); {@code enterprises}; {@code devices} (a node with no device matches none);
 * {@code nat}; {@code ipPrefixes} (a node with no {@code ip} matches none).
 *
 * <p>Names the snapshot does not have (an unknown region or id) select nothing here; {@link
 * PolicyReferences} reports them as errors before compiling. Immutable and thread-safe, except
 * one a {@link JoinablePolicies} owns, which learns joined nodes on its session's thread.
 */
public final class NodeMatcher {
    private final BitSet selected;
    private final boolean all;
    private final IntPredicate test;

    private NodeMatcher(BitSet selected, boolean all, IntPredicate test) {
        this.selected = selected;
        this.all = all;
        this.test = test;
    }

    /** The nodes of the index that the selector selects. */
    public static NodeMatcher of(NodeSelector selector, SnapshotIndex index) {
        return of(selector, new NodeTable(index));
    }

    /** The nodes of the table that the selector selects; {@link #learn} evaluates it on nodes added later. */
    static NodeMatcher of(NodeSelector selector, NodeTable table) {
        if (selector.isAll()) {
            return new NodeMatcher(new BitSet(), true, i -> true);
        }
        SnapshotIndex index = table.index();
        int[] regions = selector.regions().stream()
                .map(index::regionIndex)
                .mapToInt(r -> r.orElse(-1))
                .toArray();
        List<IpPrefix> prefixes = selector.ipPrefixes().stream()
                .map(IpPrefix::parse)
                .flatMap(Optional::stream)
                .toList();
        Set<String> ids = Set.copyOf(selector.ids());
        IntPredicate test = i ->
                (ids.isEmpty() || ids.contains(table.node(i).id())) && matches(selector, regions, prefixes, table, i);
        BitSet selected = new BitSet(table.count());
        if (!ids.isEmpty()) {
            for (String id : ids) {
                OptionalInt node = index.nodeIndex(id);
                if (node.isPresent() && test.test(node.getAsInt())) {
                    selected.set(node.getAsInt());
                }
            }
        } else {
            for (int i = 0; i < table.count(); i++) {
                if (test.test(i)) {
                    selected.set(i);
                }
            }
        }
        return new NodeMatcher(selected, false, test);
    }

    /** The nodes of the table that pass a test; {@link #learn} applies it to nodes added later. */
    static NodeMatcher of(IntPredicate test, NodeTable table) {
        BitSet selected = new BitSet(table.count());
        for (int i = 0; i < table.count(); i++) {
            if (test.test(i)) {
                selected.set(i);
            }
        }
        return new NodeMatcher(selected, false, test);
    }

    /**
     * Decides node {@code number} afresh from the table the matcher was built over (a node that
     * joined, or came back with a new record). Only {@link JoinablePolicies} calls it, on its
     * own matchers.
     */
    void learn(int number) {
        if (!all) {
            selected.set(number, test.test(number));
        }
    }

    /** Evaluates the selector on a node of the table now, without the bit kept for it. */
    boolean test(int node) {
        return test.test(node);
    }

    private static boolean matches(NodeSelector s, int[] regions, List<IpPrefix> prefixes, NodeTable table, int i) {
        Node node = table.node(i);
        return (s.roles().isEmpty() || s.roles().contains(node.role()))
                && (regions.length == 0 || within(table, i, regions))
                && (s.countries().isEmpty()
                        || table.countryOf(i).map(s.countries()::contains).orElse(false))
                && (s.tiers().isEmpty() || s.tiers().contains(node.tier()))
                && (s.types().isEmpty() || s.types().contains(node.type()))
                && (s.groups().isEmpty() || shares(s.groups(), node.groups()))
                && (s.enterprises().isEmpty()
                        || node.enterprise().map(s.enterprises()::contains).orElse(false))
                && (s.devices().isEmpty()
                        || node.device().map(s.devices()::contains).orElse(false))
                && (s.nat().isEmpty() || s.nat().contains(node.nat()))
                && (prefixes.isEmpty()
                        || node.ip().map(ip -> inAny(prefixes, ip)).orElse(false));
    }

    private static boolean within(NodeTable table, int node, int[] regions) {
        int region = table.regionOf(node);
        for (int r : regions) {
            if (r >= 0 && region >= 0 && table.index().isWithin(region, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shares(List<String> wanted, List<String> groups) {
        Set<String> set = new HashSet<>(wanted);
        for (String g : groups) {
            if (set.contains(g)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAny(List<IpPrefix> prefixes, String ip) {
        for (IpPrefix prefix : prefixes) {
            if (prefix.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node (a number of the index this matcher was built on) is selected. */
    public boolean matches(int node) {
        return all || selected.get(node);
    }

    /** Whether the selector selects every node. */
    public boolean selectsAll() {
        return all;
    }

    /** How many nodes are selected, given the index's node count (for an all-selector). */
    public int count(int nodeCount) {
        return all ? nodeCount : selected.cardinality();
    }
}
