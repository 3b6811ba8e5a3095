package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a channel carries, for policies that treat audio, video and data differently. */
public enum ContentClass {
    @JsonProperty("video")
    VIDEO,
    @JsonProperty("audio")
    AUDIO,
    @JsonProperty("data")
    DATA;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
