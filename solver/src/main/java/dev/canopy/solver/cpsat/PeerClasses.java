package dev.canopy.solver.cpsat;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.solver.PlanningProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nodes grouped into classes that the class model may treat alike: same leaf region, same
 * type, limits, access list, role, tier and wanted channels (so the same pairing rules, the same
 * locality costs and the same objective weight apply to each). A node gets a class of its own
 * when the aggregate cannot treat it alike: a source of a channel and a node an access list
 * names. Nodes that want no channel take part when they may relay (they may carry any channel);
 * the others could only be leaves that serve nobody. Inside a class, nodes are ordered by uplink
 * slots, most first (then by node number), so that {@code prefix[g][t]} bounds what any t of
 * them can send.
 *
 * <p>A slot is one substream's rate of uplink: every channel must have the same substream rate
 * (checked by {@link #of}). Immutable after construction.
 */
final class PeerClasses {
    /** Most channels one class may want or originate (the capacity rule has one row per subset). */
    static final int MAX_CHANNELS_PER_CLASS = 6;

    final SnapshotIndex index;
    final long rate;
    final int count;
    final int[] region;
    final Node[] representative;
    final int[][] members;
    /** prefix[g][t]: slots of class g's first t nodes. */
    final long[][] prefix;
    /** Bit c: the class's nodes want channel c (and do not originate it). */
    final int[] wants;
    /** Bit c: the class is a source of channel c (a class of one). */
    final int[] sources;
    /** Per class: the substreams its nodes can receive at once in all, or -1 when no downlink limits them. */
    final long[] downlink;
    /** Each node's class, or -1 for nodes that take no part. */
    final int[] classOf;

    private PeerClasses(SnapshotIndex index, long rate, List<int[]> groups) {
        this.index = index;
        this.rate = rate;
        this.count = groups.size();
        region = new int[count];
        representative = new Node[count];
        members = new int[count][];
        prefix = new long[count][];
        wants = new int[count];
        sources = new int[count];
        downlink = new long[count];
        classOf = new int[index.nodeCount()];
        Arrays.fill(classOf, -1);
        for (int g = 0; g < count; g++) {
            for (int node : groups.get(g)) {
                classOf[node] = g;
            }
        }
        for (int g = 0; g < count; g++) {
            int[] nodes = groups.get(g);
            members[g] = nodes;
            Node first = index.node(nodes[0]);
            representative[g] = first;
            region[g] = index.regionOf(nodes[0]);
            wants[g] = receiverMask(index, nodes[0]);
            sources[g] = sourceMask(index, nodes[0]);
            prefix[g] = new long[nodes.length + 1];
            for (int t = 0; t < nodes.length; t++) {
                prefix[g][t + 1] = prefix[g][t] + slots(index.node(nodes[t]), rate);
            }
            downlink[g] = downlinkSlots(index, nodes, rate);
        }
    }

    /** Whether the class model applies: every channel has the same substream rate. */
    static boolean uniformRate(SnapshotIndex index) {
        Set<Long> rates = new HashSet<>();
        for (int c = 0; c < index.channelCount(); c++) {
            rates.add(index.channel(c).substreamRateKbps());
        }
        return rates.size() <= 1;
    }

    /** Groups the problem's nodes; only nodes that want or originate a channel take part. */
    static PeerClasses of(PlanningProblem problem) {
        SnapshotIndex index = problem.index();
        if (!uniformRate(index)) {
            throw new IllegalArgumentException(
                    "exact: channels of different substream rates are supported only on small problems");
        }
        long rate = index.channelCount() == 0 ? 1 : index.channel(0).substreamRateKbps();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < index.nodeCount(); i++) {
            named.addAll(index.node(i).accessList());
        }
        Map<List<Object>, List<Integer>> byKey = new HashMap<>();
        List<List<Object>> order = new ArrayList<>();
        for (int i = 0; i < index.nodeCount(); i++) {
            int want = receiverMask(index, i);
            int source = sourceMask(index, i);
            if (want == 0 && source == 0 && slots(index.node(i), rate) == 0) {
                continue;
            }
            if (Integer.bitCount(want | source) > MAX_CHANNELS_PER_CLASS) {
                throw new IllegalArgumentException("exact: node \""
                        + index.node(i).id() + "\" takes part in more than " + MAX_CHANNELS_PER_CLASS + " channels");
            }
            Node n = index.node(i);
            boolean alone = source != 0 || named.contains(n.id());
            List<Object> key = alone
                    ? List.of("node", i)
                    : List.of(
                            index.regionOf(i),
                            n.type(),
                            new TreeSet<>(n.limits()).toString(),
                            new TreeSet<>(n.accessList()).toString(),
                            n.role(),
                            n.tier(),
                            want);
            byKey.computeIfAbsent(key, k -> {
                        order.add(k);
                        return new ArrayList<>();
                    })
                    .add(i);
        }
        List<int[]> groups = new ArrayList<>(order.size());
        for (List<Object> key : order) {
            Integer[] nodes = byKey.get(key).toArray(new Integer[0]);
            Arrays.sort(nodes, (a, b) -> {
                int bySlots = Long.compare(slots(index.node(b), rate), slots(index.node(a), rate));
                return bySlots != 0 ? bySlots : Integer.compare(a, b);
            });
            groups.add(Arrays.stream(nodes).mapToInt(Integer::intValue).toArray());
        }
        return new PeerClasses(index, rate, groups);
    }

    /** Uplink slots of a node: how many substreams it can send at once (0 if it may not relay). */
    static long slots(Node node, long rate) {
        return node.canRelay() ? node.uplinkKbps() / rate : 0;
    }

    int size(int g) {
        return members[g].length;
    }

    boolean relays(int g) {
        return representative[g].canRelay() && prefix[g][members[g].length] > 0;
    }

    /**
     * The substreams a class's nodes can receive at once, summed, when a downlink limits any of
     * them below every substream of every channel; else -1.
     */
    private static long downlinkSlots(SnapshotIndex index, int[] nodes, long rate) {
        long all = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            all += index.channel(c).totalSubstreams();
        }
        long sum = 0;
        boolean limited = false;
        for (int node : nodes) {
            var down = index.node(node).downlinkKbps();
            long fits = down.isPresent() ? Math.min(all, down.getAsLong() / rate) : all;
            limited |= fits < all;
            sum += fits;
        }
        return limited ? sum : -1;
    }

    static int receiverMask(SnapshotIndex index, int node) {
        int mask = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            if (index.wants(c, node) && !index.isSource(c, node)) {
                mask |= 1 << c;
            }
        }
        return mask;
    }

    static int sourceMask(SnapshotIndex index, int node) {
        int mask = 0;
        for (int c = 0; c < index.channelCount(); c++) {
            if (index.isSource(c, node)) {
                mask |= 1 << c;
            }
        }
        return mask;
    }
}
