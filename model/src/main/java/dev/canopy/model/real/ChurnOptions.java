package dev.canopy.model.real;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link ChurnTrace#events} replays.
 *
 * @param events how many events to produce, at least 0 (fewer when the trace runs out)
 * @param start the instant the replay starts at: the snapshot's state holds then
 * @param seed the seed of the mapping of user-weeks to peers and of their starting points
 */
public record ChurnOptions(int events, Instant start, long seed) {
    public ChurnOptions {
        Checks.range("events", events, 0, Integer.MAX_VALUE);
        Objects.requireNonNull(start, "start");
    }
}
