package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Commercial tier of a node; premium nodes are planned first. */
public enum Tier {
    @JsonProperty("premium")
    PREMIUM,
    @JsonProperty("standard")
    STANDARD,
    @JsonProperty("free")
    FREE;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
