package dev.canopy.model.diff;

import java.util.Objects;

/** A child a node starts or stops sending a substream to. */
public record ChildRef(String child, String channel, int substream) {
    public ChildRef {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(channel, "channel");
    }
}
