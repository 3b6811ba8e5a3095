package dev.canopy.model.diff;

import java.util.Objects;

/** The rate of a substream's tree overlay that appears in, or changes rate in, the new plan. */
public record TreeRate(String channel, int substream, long rateKbps) {
    public TreeRate {
        Objects.requireNonNull(channel, "channel");
    }
}
