package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A hard policy must hold; a soft one adds a weighted cost when broken. */
public enum Enforcement {
    @JsonProperty("hard")
    HARD,
    @JsonProperty("soft")
    SOFT
}
