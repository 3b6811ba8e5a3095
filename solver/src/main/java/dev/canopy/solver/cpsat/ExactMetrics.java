package dev.canopy.solver.cpsat;

import dev.canopy.solver.PlanAssembler;

/** The figures an exact plan carries: which model, whether it is proved optimal, objectives, bounds, gap. */
final class ExactMetrics {
    private ExactMetrics() {}

    static void record(PlanAssembler plan, String model, LexicographicSolve.Outcome outcome, boolean realized) {
        plan.metric("exact.model", model);
        plan.metric("optimal", outcome.optimal() && realized);
        plan.metric("exact.servedStatus", outcome.servedStatus());
        plan.metric("exact.costStatus", outcome.costStatus());
        plan.metric("exact.servedObjective", outcome.served());
        plan.metric("exact.servedBound", outcome.servedBound());
        plan.metric("exact.costObjective", outcome.cost());
        plan.metric("exact.costBound", outcome.costBound());
        plan.metric("gap", outcome.gap());
        plan.metric("exact.realized", realized);
    }
}
