package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Regular nodes accept and initiate connections; lightweight ones are limited (see {@link Limit}). */
public enum NodeType {
    @JsonProperty("regular")
    REGULAR,
    @JsonProperty("lightweight")
    LIGHTWEIGHT;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
