package dev.canopy.solver.replan;

import dev.canopy.model.Channel;
import dev.canopy.model.Limit;
import dev.canopy.model.Link;
import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.Pairing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The network as events change it: nodes by dense number (the snapshot's first, joined ones
 * after; a node that leaves keeps its number, and rejoining under the same id revives it), who
 * wants which channel, and the links. Regions and channels never change, so the snapshot's
 * index and routing stay valid for region-level questions. Builds the current {@link Snapshot}
 * on request (nodes present, in number order). Not thread-safe.
 */
final class Network {
    /** Pairing flags of a node: it may relay, it is lightweight, it has an access list. */
    private static final byte RELAY = 1;

    private static final byte LIGHT = 2;
    private static final byte ACCESS = 4;

    private final Snapshot base;
    private final SnapshotIndex index;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Link> links;
    private boolean[] present;
    private int[] region;
    private byte[] pairing;
    private final boolean[][] wants;
    private final boolean[][] source;
    private int presentCount;
    private Instant now;

    Network(SnapshotIndex index) {
        this.index = index;
        this.base = index.snapshot();
        int n = index.nodeCount();
        present = new boolean[Math.max(16, n)];
        region = new int[present.length];
        pairing = new byte[present.length];
        wants = new boolean[index.channelCount()][present.length];
        source = new boolean[index.channelCount()][present.length];
        for (int i = 0; i < n; i++) {
            Node node = index.node(i);
            nodes.add(node);
            pairing[i] = flags(node);
            ids.put(node.id(), i);
            present[i] = true;
            region[i] = index.regionOf(i);
            for (int c = 0; c < index.channelCount(); c++) {
                wants[c][i] = index.wants(c, i);
                source[c][i] = index.isSource(c, i);
            }
        }
        presentCount = n;
        links = new ArrayList<>(base.links());
        now = base.takenAt().orElse(Instant.EPOCH);
    }

    SnapshotIndex index() {
        return index;
    }

    int size() {
        return nodes.size();
    }

    int presentCount() {
        return presentCount;
    }

    boolean present(int node) {
        return present[node];
    }

    Node node(int node) {
        return nodes.get(node);
    }

    int region(int node) {
        return region[node];
    }

    /** The number of a node that is present, or empty. */
    OptionalInt presentNode(String id) {
        Integer i = ids.get(id);
        return i == null || !present[i] ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The number a node has had, present or not. */
    OptionalInt known(String id) {
        Integer i = ids.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    int channelCount() {
        return wants.length;
    }

    Channel channel(int c) {
        return index.channel(c);
    }

    boolean wants(int c, int node) {
        return wants[c][node];
    }

    boolean isSource(int c, int node) {
        return source[c][node];
    }

    /** The channel's sources by number, in the channel's order. */
    int[] sourceNumbers(int c) {
        return index.sources(c);
    }

    /** Source flags of a channel by node number (shared; do not change). */
    boolean[] sources(int c) {
        return source[c];
    }

    /** Whether the node is a present receiver of the channel: wants it and is not its source. */
    boolean receiver(int c, int node) {
        return present[node] && wants[c][node] && !source[c][node];
    }

    /** Channels the node is a source of, as numbers. */
    int[] sourceOf(int node) {
        return java.util.stream.IntStream.range(0, wants.length)
                .filter(c -> source[c][node])
                .toArray();
    }

    /**
     * Adds a node (or revives one that left, under the same number) and returns its number. Its
     * wants are taken from the node record; its source roles are kept from the snapshot.
     */
    int join(Node node, int regionNumber) {
        Integer known = ids.get(node.id());
        int i;
        if (known != null) {
            i = known;
            nodes.set(i, node);
        } else {
            i = nodes.size();
            nodes.add(node);
            ids.put(node.id(), i);
            grow(i + 1);
        }
        present[i] = true;
        region[i] = regionNumber;
        pairing[i] = flags(node);
        presentCount++;
        for (int c = 0; c < wants.length; c++) {
            wants[c][i] = node.wants().contains(index.channel(c).id());
        }
        return i;
    }

    void leave(int node) {
        present[node] = false;
        presentCount--;
    }

    void replace(int node, Node record) {
        nodes.set(node, record);
        pairing[node] = flags(record);
    }

    /**
     * {@link Pairing#canPair} of two nodes by number, from flags kept per node: the node records
     * are read only when the child has an access list.
     */
    boolean mayPair(int parent, int child) {
        byte p = pairing[parent];
        byte c = pairing[child];
        return (p & RELAY) != 0
                && (p & c & LIGHT) == 0
                && ((c & ACCESS) == 0 || Pairing.allows(nodes.get(child), nodes.get(parent)));
    }

    private static byte flags(Node node) {
        return (byte) ((node.canRelay() ? RELAY : 0)
                | (node.isLightweight() ? LIGHT : 0)
                | (node.has(Limit.ACCESS_LIST) ? ACCESS : 0));
    }

    void want(int c, int node, boolean on) {
        wants[c][node] = on;
        List<String> list = new ArrayList<>(nodes.get(node).wants());
        String id = index.channel(c).id();
        list.remove(id);
        if (on) {
            list.add(id);
        }
        nodes.set(node, nodes.get(node).withWants(list));
    }

    Link link(int l) {
        return links.get(l);
    }

    void replaceLink(int l, Link link) {
        links.set(l, link);
    }

    Instant now() {
        return now;
    }

    void advance(Instant at) {
        now = at;
    }

    /** The network as a snapshot: present nodes in number order, links as changed, taken now. */
    Snapshot snapshot() {
        List<Node> list = new ArrayList<>(presentCount);
        for (int i = 0; i < nodes.size(); i++) {
            if (present[i]) {
                list.add(nodes.get(i));
            }
        }
        return new Snapshot(
                base.format(),
                base.id(),
                Optional.of(now),
                base.regions(),
                links,
                base.channels(),
                list,
                base.defaultLatencyMs());
    }

    private void grow(int size) {
        if (size <= present.length) {
            return;
        }
        int capacity = Math.max(size, present.length + (present.length >> 1));
        present = Arrays.copyOf(present, capacity);
        region = Arrays.copyOf(region, capacity);
        pairing = Arrays.copyOf(pairing, capacity);
        for (int c = 0; c < wants.length; c++) {
            wants[c] = Arrays.copyOf(wants[c], capacity);
            source[c] = Arrays.copyOf(source[c], capacity);
        }
    }
}
