package dev.canopy.model.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tree carries one substream with one parent per child; a mesh floods the whole channel. */
public enum OverlayKind {
    @JsonProperty("tree")
    TREE,
    @JsonProperty("mesh")
    MESH
}
