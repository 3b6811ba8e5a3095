package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Access technology shared by the nodes of a region. */
public enum Technology {
    @JsonProperty("dsl")
    DSL,
    @JsonProperty("cable")
    CABLE,
    @JsonProperty("fiber")
    FIBER,
    @JsonProperty("mobile")
    MOBILE,
    @JsonProperty("satellite")
    SATELLITE,
    @JsonProperty("datacenter")
    DATACENTER,
    @JsonProperty("other")
    OTHER;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
