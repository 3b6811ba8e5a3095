package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The kind of machine a node is. */
public enum Device {
    @JsonProperty("desktop")
    DESKTOP,
    @JsonProperty("laptop")
    LAPTOP,
    @JsonProperty("phone")
    PHONE,
    @JsonProperty("set-top")
    SET_TOP,
    @JsonProperty("server")
    SERVER,
    @JsonProperty("other")
    OTHER;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
