package dev.canopy.model.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import dev.canopy.model.plan.Initiator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parent a node receives a substream from from now on.
 *
 * @param parent empty (written as null) when the node no longer receives the substream
 * @param initiator who opens the connection; empty when there is no parent
 * @param rateKbps the edge's own rate when it differs from its tree's (an addition to the format)
 */
public record ParentRef(
        @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> parent,
        String channel,
        int substream,
        Optional<Initiator> initiator,
        OptionalLong rateKbps) {
    public ParentRef {
        parent = Lists.opt(parent);
        Objects.requireNonNull(channel, "channel");
        initiator = Lists.opt(initiator);
        rateKbps = rateKbps == null ? OptionalLong.empty() : rateKbps;
    }

    /** A parent at the tree's rate, or none. */
    public static ParentRef of(Optional<String> parent, String channel, int substream, Optional<Initiator> initiator) {
        return new ParentRef(parent, channel, substream, initiator, OptionalLong.empty());
    }
}
