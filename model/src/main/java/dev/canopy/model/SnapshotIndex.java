package dev.canopy.model;

import java.util.Arrays;
import java.util.List;
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
    private final IdTable nodeIds;
    private final IdTable regionIds;
    private final IdTable linkIds;
    private final IdTable channelIds;
    /** Per node number: its id. */
    private final String[] nodeId;

    private final int[] nodeRegion;
    private final int[] regionParent;
    private final int[] regionDepth;
    private final String[] nodeCountry;
    private final String[] regionCountry;
    private final boolean[][] sourceOf;
    private final boolean[][] wants;

    private SnapshotIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.regionIds = new IdTable(snapshot.regions().stream().map(Region::id).toList());
        this.linkIds = new IdTable(snapshot.links().stream().map(Link::id).toList());
        this.channelIds =
                new IdTable(snapshot.channels().stream().map(Channel::id).toList());

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

        // One pass over the nodes (each node object is read once: at a million nodes, reading
        // them is what this costs).
        int nodes = snapshot.nodes().size();
        int channels = snapshot.channels().size();
        nodeId = new String[nodes];
        nodeRegion = new int[nodes];
        nodeCountry = new String[nodes];
        wants = new boolean[channels][nodes];
        for (int i = 0; i < nodes; i++) {
            Node node = snapshot.nodes().get(i);
            nodeId[i] = node.id();
            int region = regionIds.get(node.region());
            nodeRegion[i] = region;
            nodeCountry[i] = node.country().orElse(region < 0 ? null : regionCountry[region]);
            List<String> wanted = node.wants();
            for (int w = 0; w < wanted.size(); w++) {
                int c = channelIds.get(wanted.get(w));
                if (c >= 0) {
                    wants[c][i] = true;
                }
            }
        }
        nodeIds = new IdTable(Arrays.asList(nodeId));
        sourceOf = new boolean[channels][nodes];
        for (int c = 0; c < channels; c++) {
            for (String source : snapshot.channels().get(c).sources()) {
                int n = nodeIds.get(source);
                if (n >= 0) {
                    sourceOf[c][n] = true;
                }
            }
        }
    }

    /** Builds the index of a validated snapshot. */
    public static SnapshotIndex of(Snapshot snapshot) {
        return new SnapshotIndex(snapshot);
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

    /** The id of node number {@code index} (without touching the node itself). */
    public String nodeId(int index) {
        return nodeId[index];
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
        return number(nodeIds.get(id));
    }

    public OptionalInt regionIndex(String id) {
        return number(regionIds.get(id));
    }

    public OptionalInt linkIndex(String id) {
        return number(linkIds.get(id));
    }

    public OptionalInt channelIndex(String id) {
        return number(channelIds.get(id));
    }

    private static OptionalInt number(int found) {
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    public Optional<Node> node(String id) {
        int i = nodeIds.get(id);
        return i < 0 ? Optional.empty() : Optional.of(snapshot.nodes().get(i));
    }

    public Optional<Channel> channel(String id) {
        int i = channelIds.get(id);
        return i < 0 ? Optional.empty() : Optional.of(snapshot.channels().get(i));
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
                .mapToInt(nodeIds::get)
                .filter(i -> i >= 0)
                .toArray();
    }

    /**
     * Nodes that want the channel and are not among its sources: the receivers whose count is
     * N in the physical limit.
     */
    public int[] receivers(int channel) {
        int count = 0;
        for (int i = 0; i < nodeCount(); i++) {
            if (wants[channel][i] && !sourceOf[channel][i]) {
                count++;
            }
        }
        int[] out = new int[count];
        int at = 0;
        for (int i = 0; i < nodeCount(); i++) {
            if (wants[channel][i] && !sourceOf[channel][i]) {
                out[at++] = i;
            }
        }
        return out;
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
