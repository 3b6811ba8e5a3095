package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * On a 500-peer network (the class model's size; the plan is the best start plan or the
 * realised class solution, whichever is better), exact returns a plan cheaper than greedy's that
 * serves as many, passes the verifier, and reports its gap to the proved bounds truthfully. Half a deterministic second per CP-SAT solve
 * keeps it short without a wall-clock limit, so the heuristic side is never cut by the clock.
 */
class ExactPrimalTest {
    @Test
    void returnsAPlanCheaperThanGreedysWithItsTrueGapToTheBound() {
        Snapshot snapshot = NetworkGenerator.generate(
                GeneratorOptions.defaults(500).withSeed(21).withId("four-tier-500-k4"));
        PlanningProblem problem = PlanningProblem.of(snapshot);

        Plan exact = new ExactStrategy(0.5).plan(problem);
        Plan greedy = new GreedyStrategy().plan(problem);

        assertThat(PlanVerifier.verify(problem.routing(), exact).violations()).isEmpty();
        assertThat(exact.unserved()).hasSizeLessThanOrEqualTo(greedy.unserved().size());
        long cost = Locality.planCost(problem.index(), exact);
        assertThat(cost).isLessThan(Locality.planCost(problem.index(), greedy));
        assertThat(exact.metrics()).containsEntry("exact.planCost", cost);
        assertThat(exact.unserved()).isEmpty();
        long bound = Math.max((Long) exact.metrics().get("exact.costBound"), (Long)
                exact.metrics().get("exact.flowBound"));
        assertThat(bound).isLessThanOrEqualTo(cost);
        if (exact.metrics().get("exact.planServed").equals(exact.metrics().get("exact.servedBound"))) {
            assertThat((Double) exact.metrics().get("gap")).isCloseTo((cost - bound) / (double) cost, within());
            assertThat(exact.metrics()).containsEntry("optimal", cost == bound);
        }
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-9);
    }
}
