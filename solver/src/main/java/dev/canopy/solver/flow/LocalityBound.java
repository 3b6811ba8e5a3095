package dev.canopy.solver.flow;

import java.time.Duration;

/**
 * A lower bound on the locality cost of a plan (see {@link LocalityLowerBound} for which plans).
 *
 * @param cost in the units of {@link dev.canopy.solver.Locality#planCost}: kbps times weight
 * @param classes how many classes (region and lightweight or not) the bound was computed over
 * @param time how long the computation took (wall clock; for reports, never compared in tests)
 */
public record LocalityBound(long cost, int classes, Duration time) {}
