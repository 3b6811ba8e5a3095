package dev.canopy.model.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import dev.canopy.model.plan.Initiator;
import java.util.Objects;
import java.util.Optional;

/**
 * The parent a node receives a substream from from now on.
 *
 * @param parent empty (written as null) when the node no longer receives the substream
 * @param initiator who opens the connection; empty when there is no parent
 */
public record ParentRef(
        @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> parent,
        String channel,
        int substream,
        Optional<Initiator> initiator) {
    public ParentRef {
        parent = Lists.opt(parent);
        Objects.requireNonNull(channel, "channel");
        initiator = Lists.opt(initiator);
    }
}
