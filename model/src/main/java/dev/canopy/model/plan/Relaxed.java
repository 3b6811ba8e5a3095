package dev.canopy.model.plan;

import dev.canopy.model.Lists;
import java.util.Objects;
import java.util.Optional;

/**
 * A relaxable policy that was set aside for one node so that it could be served.
 *
 * @param channel the channel it was set aside for (an addition to the format; optional)
 */
public record Relaxed(String node, String policy, Optional<String> channel) {
    public Relaxed {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(policy, "policy");
        channel = Lists.opt(channel);
    }
}
