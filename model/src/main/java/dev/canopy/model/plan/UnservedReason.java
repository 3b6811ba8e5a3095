package dev.canopy.model.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Why a wanted (node, channel) pair is not served. */
public enum UnservedReason {
    /** A geo-ban policy forbids the channel in the node's country. */
    @JsonProperty("geo-ban")
    GEO_BAN,
    /** An access-control policy denies the channel to the node. */
    @JsonProperty("deny")
    DENY,
    /** Compatible parents exist but none has uplink (or path capacity) left. */
    @JsonProperty("capacity")
    CAPACITY,
    /** Ejected to make the rest of the network feasible. */
    @JsonProperty("ejected")
    EJECTED,
    /** No node holding the channel may be paired with this one (lightweight rules). */
    @JsonProperty("no-compatible-source")
    NO_COMPATIBLE_SOURCE,
    /** Another policy removed every candidate parent. */
    @JsonProperty("policy")
    POLICY,
    /** The node's access list allows no node that holds the channel. */
    @JsonProperty("access-list")
    ACCESS_LIST,
    /** The node receives 1..k-1 substreams: some, not enough to reconstruct the channel. */
    @JsonProperty("degraded")
    DEGRADED;

    /** The code used in files. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
