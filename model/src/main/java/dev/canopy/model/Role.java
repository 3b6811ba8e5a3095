package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a node is: servers (origin, CDN, waypoint) or a peer. */
public enum Role {
    @JsonProperty("origin")
    ORIGIN,
    @JsonProperty("cdn")
    CDN,
    @JsonProperty("waypoint")
    WAYPOINT,
    @JsonProperty("peer")
    PEER;

    /** Origin, CDN and waypoint servers: their uplink is what offload saves. */
    public boolean isServer() {
        return this != PEER;
    }

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
