package dev.canopy.solver.polish;

/** The kbps one tree edge puts on one direction of a capped link on its route. */
record LinkLoad(LinkDirection direction, long kbps) {}
