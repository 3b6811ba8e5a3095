package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a region stands for; only informative for routing, used by selectors and reports. */
public enum RegionKind {
    @JsonProperty("continent")
    CONTINENT,
    @JsonProperty("country")
    COUNTRY,
    @JsonProperty("isp")
    ISP,
    @JsonProperty("as")
    AS,
    @JsonProperty("enterprise")
    ENTERPRISE,
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
