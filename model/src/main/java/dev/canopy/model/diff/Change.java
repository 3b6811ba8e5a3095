package dev.canopy.model.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import java.util.Objects;
import java.util.Optional;

/**
 * One tree assignment that changes: the node's parent for a substream of a channel.
 *
 * @param parentBefore empty for a new assignment (written as null)
 * @param parentAfter empty for an assignment that ends (written as null)
 */
public record Change(
        String node,
        String channel,
        int substream,
        @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> parentBefore,
        @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> parentAfter) {

    public Change {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(channel, "channel");
        parentBefore = Lists.opt(parentBefore);
        parentAfter = Lists.opt(parentAfter);
    }
}
