package dev.canopy.model.plan;

import dev.canopy.model.Lists;
import java.util.Objects;
import java.util.Optional;

/**
 * A wanted (node, channel) pair that the plan does not serve, with the reason and, where one
 * applies, the policy responsible.
 *
 * @param receivedSubstreams distinct substreams the node still receives (for {@code degraded})
 */
public record Unserved(
        String node, String channel, UnservedReason reason, Optional<String> policy, int receivedSubstreams) {

    public Unserved {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reason, "reason");
        policy = Lists.opt(policy);
    }

    /** An entry with no policy and nothing received. */
    public static Unserved of(String node, String channel, UnservedReason reason) {
        return new Unserved(node, channel, reason, Optional.empty(), 0);
    }
}
