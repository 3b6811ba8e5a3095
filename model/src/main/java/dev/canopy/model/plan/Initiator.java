package dev.canopy.model.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which end of an edge opens the connection. */
public enum Initiator {
    @JsonProperty("parent")
    PARENT,
    @JsonProperty("child")
    CHILD,
    @JsonProperty("both")
    BOTH
}
