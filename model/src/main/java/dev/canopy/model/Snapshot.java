package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one distribution network at one instant ({@code canopy/snapshot@1}): regions,
 * links between them, channels and nodes. Immutable; build a {@link SnapshotIndex} once to
 * look things up by id or dense index.
 *
 * @param takenAt the instant the snapshot describes; policy hours are evaluated at it
 * @param defaultLatencyMs latency of the implicit transit path between unconnected regions
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Snapshot(
        String format,
        String id,
        Optional<Instant> takenAt,
        List<Region> regions,
        List<Link> links,
        List<Channel> channels,
        List<Node> nodes,
        Double defaultLatencyMs) {

    /** The format tag of this version. */
    public static final String FORMAT = "canopy/snapshot@1";

    /** Latency of the implicit transit path when a snapshot states none. */
    public static final double DEFAULT_LATENCY_MS = 120;

    public Snapshot {
        format = format == null ? FORMAT : format;
        Objects.requireNonNull(id, "id");
        takenAt = Lists.opt(takenAt);
        regions = Lists.of(regions);
        links = Lists.of(links);
        channels = Lists.of(channels);
        nodes = Lists.of(nodes);
        defaultLatencyMs = defaultLatencyMs == null ? DEFAULT_LATENCY_MS : defaultLatencyMs;
    }

    /** A snapshot of the current format. */
    public static Snapshot of(
            String id,
            Instant takenAt,
            List<Region> regions,
            List<Link> links,
            List<Channel> channels,
            List<Node> nodes) {
        return new Snapshot(FORMAT, id, Optional.ofNullable(takenAt), regions, links, channels, nodes, null);
    }

    /** A copy with other nodes. */
    public Snapshot withNodes(List<Node> replacement) {
        return new Snapshot(format, id, takenAt, regions, links, channels, replacement, defaultLatencyMs);
    }

    /** A copy with other links. */
    public Snapshot withLinks(List<Link> replacement) {
        return new Snapshot(format, id, takenAt, regions, replacement, channels, nodes, defaultLatencyMs);
    }
}
