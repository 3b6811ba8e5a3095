package dev.canopy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The NAT or firewall a node sits behind, as seen by the control plane. */
public enum Nat {
    @JsonProperty("open")
    OPEN,
    @JsonProperty("full-cone")
    FULL_CONE,
    @JsonProperty("restricted")
    RESTRICTED,
    @JsonProperty("port-restricted")
    PORT_RESTRICTED,
    @JsonProperty("symmetric")
    SYMMETRIC,
    @JsonProperty("unknown")
    UNKNOWN;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name used in files. */
    public String code() {
        return code;
    }
}
