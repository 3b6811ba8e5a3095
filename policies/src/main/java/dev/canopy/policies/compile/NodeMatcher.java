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
 * PolicyReferences} reports them as errors before compiling. Immutable and thread-safe.
 */
public final class NodeMatcher {
    private final BitSet selected;
    private final boolean all;

    private NodeMatcher(BitSet selected, boolean all) {
        this.selected = selected;
        this.all = all;
    }

    /** The nodes of the index that the selector selects. */
    public static NodeMatcher of(NodeSelector selector, SnapshotIndex index) {
        if (selector.isAll()) {
            return new NodeMatcher(new BitSet(), true);
        }
        int[] regions = selector.regions().stream()
                .map(index::regionIndex)
                .mapToInt(r -> r.orElse(-1))
                .toArray();
        List<IpPrefix> prefixes = selector.ipPrefixes().stream()
                .map(IpPrefix::parse)
                .flatMap(Optional::stream)
                .toList();
        BitSet selected = new BitSet(index.nodeCount());
        if (!selector.ids().isEmpty()) {
            for (String id : selector.ids()) {
                OptionalInt node = index.nodeIndex(id);
                if (node.isPresent() && matches(selector, regions, prefixes, index, node.getAsInt())) {
                    selected.set(node.getAsInt());
                }
            }
        } else {
            for (int i = 0; i < index.nodeCount(); i++) {
                if (matches(selector, regions, prefixes, index, i)) {
                    selected.set(i);
                }
            }
        }
        return new NodeMatcher(selected, false);
    }

    /** A matcher that selects exactly the given node numbers. */
    static NodeMatcher ofNodes(BitSet nodes) {
        return new NodeMatcher((BitSet) nodes.clone(), false);
    }

    private static boolean matches(NodeSelector s, int[] regions, List<IpPrefix> prefixes, SnapshotIndex index, int i) {
        Node node = index.node(i);
        return (s.roles().isEmpty() || s.roles().contains(node.role()))
                && (regions.length == 0 || within(index, i, regions))
                && (s.countries().isEmpty()
                        || index.countryOf(i).map(s.countries()::contains).orElse(false))
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

    private static boolean within(SnapshotIndex index, int node, int[] regions) {
        int region = index.regionOf(node);
        for (int r : regions) {
            if (r >= 0 && region >= 0 && index.isWithin(region, r)) {
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
