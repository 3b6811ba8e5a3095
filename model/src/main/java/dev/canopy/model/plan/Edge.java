package dev.canopy.model.plan;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One directed connection of an overlay: {@code parent} sends to {@code child}.
 *
 * @param initiator which end opens the connection (default {@code both})
 * @param rateKbps the edge's own rate when it differs from its overlay's (optional)
 * @param club the club whose blocks the edge carries, on club meshes
 */
public record Edge(String parent, String child, Initiator initiator, OptionalLong rateKbps, OptionalInt club) {

    public Edge {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        initiator = initiator == null ? Initiator.BOTH : initiator;
        rateKbps = rateKbps == null ? OptionalLong.empty() : rateKbps;
        club = club == null ? OptionalInt.empty() : club;
    }

    /** A tree edge at its overlay's rate. */
    public static Edge of(String parent, String child, Initiator initiator) {
        return new Edge(parent, child, initiator, OptionalLong.empty(), OptionalInt.empty());
    }
}
