package dev.canopy.model.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sends which substream to whom ({@code canopy/plan@1}): tree and mesh overlays per
 * channel, club memberships, the wanted pairs left unserved and why, the policies relaxed,
 * and free-form metrics. A plan names the snapshot it was computed for; it is meaningful only
 * together with that snapshot.
 *
 * @param version increases by one with every re-plan of the same network
 * @param metrics numbers the strategy or the verifier attaches; keys are stable names
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Plan(
        String format,
        String snapshot,
        long version,
        Optional<Instant> createdAt,
        String strategy,
        List<Overlay> overlays,
        List<Club> clubs,
        List<Unserved> unserved,
        List<Relaxed> relaxed,
        Map<String, Object> metrics) {

    /** The format tag of this version. */
    public static final String FORMAT = "canopy/plan@1";

    public Plan {
        format = format == null ? FORMAT : format;
        Objects.requireNonNull(snapshot, "snapshot");
        createdAt = Lists.opt(createdAt);
        strategy = strategy == null ? "" : strategy;
        overlays = Lists.of(overlays);
        clubs = Lists.of(clubs);
        unserved = Lists.of(unserved);
        relaxed = Lists.of(relaxed);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A copy with other metrics. */
    public Plan withMetrics(Map<String, Object> replacement) {
        return new Plan(
                format, snapshot, version, createdAt, strategy, overlays, clubs, unserved, relaxed, replacement);
    }

    /** A copy with another unserved list. */
    public Plan withUnserved(List<Unserved> replacement) {
        return new Plan(format, snapshot, version, createdAt, strategy, overlays, clubs, replacement, relaxed, metrics);
    }

    /** A copy with another version number. */
    public Plan withVersion(long replacement) {
        return new Plan(
                format, snapshot, replacement, createdAt, strategy, overlays, clubs, unserved, relaxed, metrics);
    }
}
