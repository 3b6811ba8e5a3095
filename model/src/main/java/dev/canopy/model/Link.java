package dev.canopy.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A network link between two regions; traffic may flow both ways and every capacity applies
 * to each direction separately.
 *
 * @param capacityKbps physical capacity of each direction; empty means unbounded
 * @param latencyMs one-way latency used by routing (default 10)
 * @param loadKbps traffic already on the link from outside the plan, each direction
 * @param monthToDateGb traffic carried so far this month, for quota policies
 */
public record Link(
        String id,
        String a,
        String b,
        LinkKind kind,
        OptionalLong capacityKbps,
        Double latencyMs,
        long loadKbps,
        OptionalDouble monthToDateGb) {

    /** Latency assumed for a link that states none. */
    public static final double DEFAULT_LATENCY_MS = 10;

    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        kind = kind == null ? LinkKind.TRANSIT : kind;
        latencyMs = latencyMs == null ? DEFAULT_LATENCY_MS : latencyMs;
        capacityKbps = capacityKbps == null ? OptionalLong.empty() : capacityKbps;
        monthToDateGb = monthToDateGb == null ? OptionalDouble.empty() : monthToDateGb;
    }

    /** A link with the given ends and latency, unbounded, of kind transit. */
    public static Link of(String id, String a, String b, double latencyMs) {
        return new Link(id, a, b, LinkKind.TRANSIT, OptionalLong.empty(), latencyMs, 0, OptionalDouble.empty());
    }
}
