package dev.canopy.model.diff;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a mesh edge appears or goes away. */
public enum MeshOp {
    @JsonProperty("add")
    ADD,
    @JsonProperty("drop")
    DROP
}
