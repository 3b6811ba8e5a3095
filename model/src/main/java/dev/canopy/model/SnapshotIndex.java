package dev.canopy.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Dense integer indexes over a validated snapshot, built once and shared by routing, the
 * verifier and the strategies: hot loops work on arrays indexed by node, region, link and
 * channel number instead of maps of string ids. Node, region, link and channel numbers follow
 * the snapshot's list order.
 *
 * <p>Immutable after construction and safe to share between threads. The snapshot must have
 * passed validation (every reference resolves, regions form a forest).
 */
public final class SnapshotIndex {
    private final Snapshot snapshot;
    private final Map<String, Integer> nodeIds;
    private final Map<String, Integer> regionIds;
    private final Map<String, Integer> linkIds;
    private final Map<String, Integer> channelIds;
    private final int[] nodeRegion;
    private final int[] regionParent;
    private final int[] regionDepth;
    private final String[] nodeCountry;
    private final String[] regionCountry;
    private final boolean[][] sourceOf;
    private final boolean[][] wants;

    private SnapshotIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.nodeIds = ids(snapshot.nodes().stream().map(Node::id).toList());
        this.regionIds = ids(snapshot.regions().stream().map(Region::id).toList());
        this.linkIds = ids(snapshot.links().stream().map(Link::id).toList());
        this.channelIds = ids(snapshot.channels().stream().map(Channel::id).toList());

        int regions = snapshot.regions().size();
        regionParent = new int[regions];
        for (int r = 0; r < regions; r++) {
            regionParent[r] =
                    snapshot.regions().get(r).parent().map(regionIds::get).orElse(-1);
        }
        regionDepth = new int[regions];
        regionCountry = new String[regions];
        for (int r = 0; r < regions; r++) {
            int depth = 0;
            String country = null;
            for (int a = r; a >= 0 && depth <= regions; a = regionParent[a]) {
                if (country == null) {
                    country = snapshot.regions().get(a).country().orElse(null);
                }
                if (regionParent[a] >= 0) {
                    depth++;
                }
            }
            regionDepth[r] = depth;
            regionCountry[r] = country;
        }

        int nodes = snapshot.nodes().size();
        nodeRegion = new int[nodes];
        nodeCountry = new String[nodes];
        for (int i = 0; i < nodes; i++) {
            Node node = snapshot.nodes().get(i);
            Integer region = regionIds.get(node.region());
            nodeRegion[i] = region == null ? -1 : region;
            nodeCountry[i] = node.country().orElse(region == null ? null : regionCountry[region]);
        }

        int channels = snapshot.channels().size();
        sourceOf = new boolean[channels][nodes];
        wants = new boolean[channels][];
        for (int c = 0; c < channels; c++) {
            for (String source : snapshot.channels().get(c).sources()) {
                Integer n = nodeIds.get(source);
                if (n != null) {
                    sourceOf[c][n] = true;
                }
            }
            wants[c] = new boolean[nodes];
        }
        for (int i = 0; i < nodes; i++) {
            for (String channel : snapshot.nodes().get(i).wants()) {
                Integer c = channelIds.get(channel);
                if (c != null) {
                    wants[c][i] = true;
                }
            }
        }
    }

    /** Builds the index of a validated snapshot. */
    public static SnapshotIndex of(Snapshot snapshot) {
        return new SnapshotIndex(snapshot);
    }

    private static Map<String, Integer> ids(List<String> ids) {
        Map<String, Integer> map = new HashMap<>(Math.max(16, ids.size() * 2));
        for (int i = 0; i < ids.size(); i++) {
            map.putIfAbsent(ids.get(i), i);
        }
        return map;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public int nodeCount() {
        return nodeRegion.length;
    }

    public int regionCount() {
        return regionParent.length;
    }

    public int linkCount() {
        return snapshot.links().size();
    }

    public int channelCount() {
        return sourceOf.length;
    }

    public Node node(int index) {
        return snapshot.nodes().get(index);
    }

    public Region region(int index) {
        return snapshot.regions().get(index);
    }

    public Link link(int index) {
        return snapshot.links().get(index);
    }

    public Channel channel(int index) {
        return snapshot.channels().get(index);
    }

    /** The node's number, or empty for an unknown id. */
    public OptionalInt nodeIndex(String id) {
        Integer i = nodeIds.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public OptionalInt regionIndex(String id) {
        Integer i = regionIds.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public OptionalInt linkIndex(String id) {
        Integer i = linkIds.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public OptionalInt channelIndex(String id) {
        Integer i = channelIds.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public Optional<Node> node(String id) {
        Integer i = nodeIds.get(id);
        return i == null ? Optional.empty() : Optional.of(snapshot.nodes().get(i));
    }

    public Optional<Channel> channel(String id) {
        Integer i = channelIds.get(id);
        return i == null ? Optional.empty() : Optional.of(snapshot.channels().get(i));
    }

    /** The region a node sits in (its leaf region for locality). */
    public int regionOf(int node) {
        return nodeRegion[node];
    }

    /** The enclosing region, or -1 for a root. */
    public int parentRegion(int region) {
        return regionParent[region];
    }

    /** Number of ancestors of a region (0 for a root). */
    public int regionDepth(int region) {
        return regionDepth[region];
    }

    /** Whether {@code region} is {@code ancestor} or lies under it. */
    public boolean isWithin(int region, int ancestor) {
        for (int r = region; r >= 0; r = regionParent[r]) {
            if (r == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The node's country: its own, else its region's or the nearest ancestor's; may be empty. */
    public Optional<String> countryOf(int node) {
        return Optional.ofNullable(nodeCountry[node]);
    }

    /** The region's country, inherited from the nearest ancestor that names one. */
    public Optional<String> regionCountry(int region) {
        return Optional.ofNullable(regionCountry[region]);
    }

    /** Whether the node originates the channel. */
    public boolean isSource(int channel, int node) {
        return sourceOf[channel][node];
    }

    /** Whether the node asks for the channel (sources of the channel included). */
    public boolean wants(int channel, int node) {
        return wants[channel][node];
    }

    /** Node numbers of the channel's sources, in the channel's order. */
    public int[] sources(int channel) {
        return snapshot.channels().get(channel).sources().stream()
                .mapToInt(id -> nodeIds.getOrDefault(id, -1))
                .filter(i -> i >= 0)
                .toArray();
    }

    /**
     * Nodes that want the channel and are not among its sources: the receivers whose count is
     * N in the physical limit.
     */
    public int[] receivers(int channel) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < nodeCount(); i++) {
            if (wants[channel][i] && !sourceOf[channel][i]) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The country codes found in the snapshot, sorted. */
    public List<String> countries() {
        return Arrays.stream(nodeCountry)
                .filter(c -> c != null)
                .distinct()
                .sorted()
                .toList();
    }
}
