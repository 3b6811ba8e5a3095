package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import java.util.Arrays;
import java.util.Optional;

/**
 * The facts rules read about nodes by number: the record, its region and its country (its own,
 * else its region's). It starts as the snapshot's nodes and grows only through {@link
 * JoinablePolicies#learn}, which appends nodes that joined after the snapshot or replaces the
 * record of one that came back. A table no one extends is only read, so compiled policies that
 * share it stay thread-safe; an extended one belongs to its session's thread.
 */
final class NodeTable {
    private final SnapshotIndex index;
    private Node[] nodes;
    private int[] regions;
    private int count;

    NodeTable(SnapshotIndex index) {
        this.index = index;
        this.count = index.nodeCount();
        this.nodes = new Node[count];
        this.regions = new int[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = index.node(i);
            regions[i] = index.regionOf(i);
        }
    }

    SnapshotIndex index() {
        return index;
    }

    int count() {
        return count;
    }

    Node node(int node) {
        return nodes[node];
    }

    int regionOf(int node) {
        return regions[node];
    }

    /** The node's country: its own, else its region's or the nearest ancestor's; may be empty. */
    Optional<String> countryOf(int node) {
        return countryOf(nodes[node], regions[node]);
    }

    Optional<String> countryOf(Node node, int region) {
        return node.country().isPresent() || region < 0 ? node.country() : index.regionCountry(region);
    }

    /** Sets the facts of node {@code number}: the next number appends, a smaller one replaces. */
    void put(int number, Node node, int region) {
        if (number < 0 || number > count) {
            throw new IllegalArgumentException("node number " + number + " is not below or next after " + count);
        }
        if (region < 0 || region >= index.regionCount()) {
            throw new IllegalArgumentException("region number " + region + " is not in the snapshot");
        }
        if (number == nodes.length) {
            int capacity = Math.max(16, nodes.length + (nodes.length >> 1));
            nodes = Arrays.copyOf(nodes, capacity);
            regions = Arrays.copyOf(regions, capacity);
        }
        nodes[number] = node;
        regions[number] = region;
        count = Math.max(count, number + 1);
    }
}
