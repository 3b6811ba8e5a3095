package dev.canopy.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Builds small snapshots in test code: regions, links, channels and nodes in a few fluent
 * calls. Shared by every module's tests through model's test-jar.
 *
 * <pre>{@code
 * Snapshot s = SnapshotBuilder.create("tiny")
 *     .region("eu").region("de", "eu").region("fr", "eu")
 *     .link("de-fr", "de", "fr", 12)
 *     .channel("soccer", 1200, 4, "o1")
 *     .origin("o1", "de", 10_000)
 *     .peer("p1", "de", 600, "soccer")
 *     .build();
 * }</pre>
 */
public final class SnapshotBuilder {
    private final String id;
    private Instant takenAt = Instant.parse("2026-11-21T20:00:00Z");
    private final List<Region> regions = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private Double defaultLatencyMs;

    private SnapshotBuilder(String id) {
        this.id = id;
    }

    public static SnapshotBuilder create(String id) {
        return new SnapshotBuilder(id);
    }

    public SnapshotBuilder takenAt(String instant) {
        takenAt = Instant.parse(instant);
        return this;
    }

    public SnapshotBuilder defaultLatencyMs(double ms) {
        defaultLatencyMs = ms;
        return this;
    }

    /** A root region of kind {@code other}. */
    public SnapshotBuilder region(String regionId) {
        return region(regionId, null);
    }

    /** A region under a parent (null for a root). */
    public SnapshotBuilder region(String regionId, String parent) {
        regions.add(Region.of(regionId, RegionKind.OTHER, parent));
        return this;
    }

    /** A region with every attribute. */
    public SnapshotBuilder region(Region region) {
        regions.add(region);
        return this;
    }

    /** A country region with its ISO code. */
    public SnapshotBuilder country(String regionId, String parent, String iso) {
        regions.add(new Region(
                regionId,
                RegionKind.COUNTRY,
                Optional.ofNullable(parent),
                OptionalLong.empty(),
                Optional.of(iso),
                Optional.empty()));
        return this;
    }

    /** An unbounded transit link. */
    public SnapshotBuilder link(String linkId, String a, String b, double latencyMs) {
        links.add(Link.of(linkId, a, b, latencyMs));
        return this;
    }

    /** A link with a capacity per direction. */
    public SnapshotBuilder link(String linkId, String a, String b, double latencyMs, long capacityKbps) {
        links.add(new Link(
                linkId,
                a,
                b,
                LinkKind.TRANSIT,
                OptionalLong.of(capacityKbps),
                latencyMs,
                0,
                java.util.OptionalDouble.empty()));
        return this;
    }

    public SnapshotBuilder link(Link link) {
        links.add(link);
        return this;
    }

    /** A live video channel with k substreams, no parity. */
    public SnapshotBuilder channel(String channelId, long rateKbps, int substreams, String... sources) {
        channels.add(Channel.live(channelId, rateKbps, substreams, Arrays.asList(sources)));
        return this;
    }

    /** A live video channel with k substreams and n parity substreams. */
    public SnapshotBuilder codedChannel(
            String channelId, long rateKbps, int substreams, int parity, String... sources) {
        channels.add(new Channel(
                channelId,
                ChannelKind.LIVE,
                ContentClass.VIDEO,
                rateKbps,
                substreams,
                parity,
                Arrays.asList(sources),
                OptionalInt.empty()));
        return this;
    }

    public SnapshotBuilder channel(Channel channel) {
        channels.add(channel);
        return this;
    }

    /** An origin server. */
    public SnapshotBuilder origin(String nodeId, String region, long uplinkKbps) {
        nodes.add(Node.builder(nodeId, region, uplinkKbps)
                .role(Role.ORIGIN)
                .device(Device.SERVER)
                .build());
        return this;
    }

    /** A CDN server. */
    public SnapshotBuilder cdn(String nodeId, String region, long uplinkKbps, String... wants) {
        nodes.add(Node.builder(nodeId, region, uplinkKbps)
                .role(Role.CDN)
                .device(Device.SERVER)
                .wants(wants)
                .build());
        return this;
    }

    /** A regular peer wanting the given channels. */
    public SnapshotBuilder peer(String nodeId, String region, long uplinkKbps, String... wants) {
        nodes.add(Node.builder(nodeId, region, uplinkKbps).wants(wants).build());
        return this;
    }

    /** A peer customised through the node builder. */
    public SnapshotBuilder peer(String nodeId, String region, long uplinkKbps, UnaryOperator<Node.Builder> customise) {
        nodes.add(customise.apply(Node.builder(nodeId, region, uplinkKbps)).build());
        return this;
    }

    /** A lightweight peer with the given limits wanting the given channels. */
    public SnapshotBuilder lightweight(
            String nodeId, String region, long uplinkKbps, List<Limit> limits, String... wants) {
        nodes.add(Node.builder(nodeId, region, uplinkKbps)
                .lightweight(limits.toArray(Limit[]::new))
                .wants(wants)
                .build());
        return this;
    }

    public SnapshotBuilder node(Node node) {
        nodes.add(node);
        return this;
    }

    public Snapshot build() {
        return new Snapshot(
                Snapshot.FORMAT, id, Optional.ofNullable(takenAt), regions, links, channels, nodes, defaultLatencyMs);
    }
}
