package dev.canopy.model.generate;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a generated snapshot's peer uplinks are distributed, relative to each peer's demand x
 * (the summed rate of the channels it wants).
 *
 * <ul>
 *   <li>{@link #FOUR_TIER}: 0.5 x, 1 x, 2 x, 4 x with probabilities 30, 40, 20, 10 %.
 *   <li>{@link #LOG_NORMAL}: heavy-tailed, x times a log-normal factor of median 0.9 and sigma
 *       1.0, capped at 50.
 *   <li>{@link #HOMOGENEOUS}: every peer 1.2 x.
 *   <li>{@link #CRITICAL}: drawn like four-tier, then peer and CDN uplinks are scaled so that the
 *       uplinks of all nodes (sources, CDNs, peers) sum to exactly {@code round(1.02 * D)} kbps,
 *       D being the summed demand of all receivers; with one channel that is a resource index of
 *       1.02 x rate per receiver.
 * </ul>
 */
public enum CapacityMix {
    FOUR_TIER,
    LOG_NORMAL,
    HOMOGENEOUS,
    CRITICAL;

    /** The name used on the command line: {@code four-tier}, {@code log-normal}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The mix with the given code (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known codes when there is no such mix
     */
    public static CapacityMix fromCode(String code) {
        for (CapacityMix mix : values()) {
            if (mix.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return mix;
            }
        }
        throw new IllegalArgumentException("unknown capacity mix \"" + code + "\": expected one of "
                + Arrays.stream(values()).map(CapacityMix::code).toList());
    }
}
