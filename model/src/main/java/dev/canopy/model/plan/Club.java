package dev.canopy.model.plan;

import dev.canopy.model.Lists;
import java.util.List;
import java.util.Objects;

/** Membership of one club of a club-based live-streaming channel. */
public record Club(String channel, int club, List<String> members) {
    public Club {
        Objects.requireNonNull(channel, "channel");
        members = Lists.of(members);
    }
}
