package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.flow.LocalityLowerBound;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassPlanner#reparented}: a class plan whose solution was not realised is moved to
 * cheaper parents and its figures follow; a realised one is left as it is. Greedy's plan stands
 * in for an unrealised class plan (it has parents to spare for the local search).
 */
class ClassPlannerTest {
    private final PlanningProblem problem = PlanningProblem.of(
            NetworkGenerator.generate(GeneratorOptions.defaults(300).withSeed(3).withId("four-tier-300")));
    private final Plan greedy = new GreedyStrategy().plan(problem);
    private final long cost = Locality.planCost(problem.index(), greedy);
    private final long bound = LocalityLowerBound.compute(problem).cost();

    @Test
    void anUnrealisedPlanIsMovedToCheaperParentsWithItsFigures() {
        Plan moved = ClassPlanner.reparented(problem, stamped(false), new Budget(10, Optional.empty()));

        long movedCost = Locality.planCost(problem.index(), moved);
        assertThat(PlanVerifier.verify(problem.routing(), moved).violations()).isEmpty();
        assertThat(movedCost).isLessThan(cost).isGreaterThanOrEqualTo(bound);
        assertThat(moved.unserved()).isEqualTo(greedy.unserved());
        assertThat(moved.metrics())
                .containsEntry("exact.planCost", movedCost)
                .containsEntry("exact.realized", false)
                .containsEntry("gap", (movedCost - bound) / (double) movedCost)
                .containsEntry("optimal", movedCost == bound);
        assertThat((Integer) moved.metrics().get("exact.reparentMoves")).isPositive();
    }

    @Test
    void aRealisedPlanIsLeftAsItIs() {
        Plan realised = stamped(true);

        assertThat(ClassPlanner.reparented(problem, realised, new Budget(10, Optional.empty())))
                .isSameAs(realised);
    }

    /** Greedy's plan with the figures a class plan carries, its served weight proved. */
    private Plan stamped(boolean realized) {
        Map<String, Object> metrics = new LinkedHashMap<>(greedy.metrics());
        long served = Comparison.servedWeight(problem.index(), greedy);
        metrics.put("exact.realized", realized);
        metrics.put("exact.planServed", served);
        metrics.put("exact.servedBound", served);
        metrics.put("exact.planCost", cost);
        metrics.put("exact.costBound", bound);
        return greedy.withMetrics(metrics);
    }
}
