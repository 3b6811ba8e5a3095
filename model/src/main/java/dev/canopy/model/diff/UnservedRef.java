package dev.canopy.model.diff;

import java.util.Objects;

/** An unserved (node, channel) entry that the new plan no longer has. */
public record UnservedRef(String node, String channel) {
    public UnservedRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(channel, "channel");
    }
}
