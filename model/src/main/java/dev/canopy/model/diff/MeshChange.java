package dev.canopy.model.diff;

import java.util.Objects;
import java.util.OptionalInt;

/** A mesh or club edge that appears or goes away. */
public record MeshChange(String channel, String parent, String child, MeshOp op, OptionalInt club) {
    public MeshChange {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(op, "op");
        club = club == null ? OptionalInt.empty() : club;
    }
}
