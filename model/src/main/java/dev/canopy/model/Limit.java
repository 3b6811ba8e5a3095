package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a lightweight node cannot do: accept inbound connections, receive from anyone not on its access list, relay. */
public enum Limit {
    @JsonProperty("no-inbound")
    NO_INBOUND,
    @JsonProperty("access-list")
    ACCESS_LIST,
    @JsonProperty("no-relay")
    NO_RELAY;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
