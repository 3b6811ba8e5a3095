package dev.canopy.solver.cpsat;

import dev.canopy.solver.PlanAssembler;
import java.util.Locale;

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
        outcome.servedLp().ifPresent(bound -> plan.metric("exact.servedLpBound", bound));
        outcome.bounds().lp().ifPresent(bound -> plan.metric("exact.lpBound", bound));
        outcome.bounds().connectivity().ifPresent(bound -> plan.metric("exact.connectivityBound", bound));
        if (outcome.bounds().rounds() > 0) {
            plan.metric("exact.connectivityRounds", outcome.bounds().rounds());
            plan.metric("exact.connectivityCuts", outcome.bounds().cuts());
            plan.metric("exact.substreamSingles", outcome.bounds().search().singles());
            plan.metric(
                    "exact.substreamSinglesImproving", outcome.bounds().search().singlesImproving());
            plan.metric("exact.substreamPairs", outcome.bounds().search().tried());
            plan.metric(
                    "exact.substreamPairsImproving", outcome.bounds().search().improved());
            plan.metric("exact.countries", outcome.bounds().search().countries());
            plan.metric("exact.countriesImproving", outcome.bounds().search().countriesImproving());
            plan.metric("exact.substreamStalled", outcome.bounds().search().stalled());
            plan.metric(
                    "exact.substreamSetCuts", outcome.bounds().search().cuts().size());
            plan.metric("exact.closingSolve", outcome.bounds().closing().label());
        }
        outcome.bounds().start().ifPresent(start -> plan.metric("exact.roundsStartCost", start.cost()));
        plan.metric("exact.roundsStart", outcome.start().name().toLowerCase(Locale.ROOT));
        plan.metric("gap", outcome.gap());
        plan.metric("exact.realized", realized);
    }

    /**
     * The class model's figures: optimal iff both phases are proved and the realised plan has the
     * proved objectives; the gap is the realised plan's to the bounds (served first, then cost).
     */
    static void record(
            PlanAssembler plan,
            String model,
            LexicographicSolve.Outcome outcome,
            boolean realized,
            long servedWeight,
            long cost) {
        boolean reached = realized && servedWeight == outcome.served() && cost == outcome.cost();
        record(plan, model, outcome, reached);
        double gap = gap(servedWeight, cost, outcome.servedBound(), outcome.costBound());
        plan.metric("gap", outcome.optimal() && reached ? 0.0 : Math.max(gap, outcome.gap()));
        plan.metric("exact.planServed", servedWeight);
        plan.metric("exact.planCost", cost);
    }

    /**
     * A plan's relative gap to the bounds: its served weight's shortfall from the served bound
     * when it serves less, else its cost's excess over the cost bound (as a share of its cost).
     */
    static double gap(long servedWeight, long cost, long servedBound, long costBound) {
        if (servedWeight < servedBound) {
            return (servedBound - servedWeight) / (double) Math.max(1, servedBound);
        }
        return cost <= costBound ? 0 : (cost - costBound) / (double) Math.max(1, cost);
    }
}
