package dev.canopy.model.diff;

import dev.canopy.model.Lists;
import dev.canopy.model.plan.Initiator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A mesh or club edge that appears or goes away.
 *
 * @param initiator who opens an added edge (an addition to the format; default {@code both})
 * @param rateKbps the rate an added edge carries (an addition to the format; written on every add)
 */
public record MeshChange(
        String channel,
        String parent,
        String child,
        MeshOp op,
        OptionalInt club,
        Optional<Initiator> initiator,
        OptionalLong rateKbps) {
    public MeshChange {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(op, "op");
        club = club == null ? OptionalInt.empty() : club;
        initiator = Lists.opt(initiator);
        rateKbps = rateKbps == null ? OptionalLong.empty() : rateKbps;
    }
}
