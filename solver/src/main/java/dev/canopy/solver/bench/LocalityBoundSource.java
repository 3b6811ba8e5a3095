package dev.canopy.solver.bench;

import dev.canopy.solver.PlanningProblem;
import java.util.OptionalLong;

/**
 * Where the benchmarks get a lower bound on the locality cost ({@link
 * dev.canopy.solver.Locality#planCost}) of any plan serving an instance: computed once per
 * instance, reported beside every strategy's cost. Empty when no bound is known (too large an
 * instance, or no bound plugged in).
 */
@FunctionalInterface
public interface LocalityBoundSource {

    /** No bound: the locality-over-bound column stays empty. */
    LocalityBoundSource NONE = problem -> OptionalLong.empty();

    /** A lower bound on the locality cost of serving the problem's receivers, in kbps x cost. */
    OptionalLong lowerBound(PlanningProblem problem);
}
