package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A live stream is consumed as it is produced; a file can be fetched at any pace. */
public enum ChannelKind {
    @JsonProperty("live")
    LIVE,
    @JsonProperty("file")
    FILE;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
