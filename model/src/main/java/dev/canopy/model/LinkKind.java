package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Commercial nature of a link between regions; policies may prefer one kind over another. */
public enum LinkKind {
    @JsonProperty("peering")
    PEERING,
    @JsonProperty("transit")
    TRANSIT,
    @JsonProperty("internal")
    INTERNAL;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
