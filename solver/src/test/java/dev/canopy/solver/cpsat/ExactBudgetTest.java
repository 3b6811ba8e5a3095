package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanOptions;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How exact spends its budget on a 500-peer network (the class model's size): a start plan that
 * serves every receiver proves the served phase without CP-SAT, so even a tiny deterministic
 * budget gives a proved served bound; a time limit already spent returns greedy's plan at once
 * with the trivial bounds. Neither depends on the machine's speed.
 */
class ExactBudgetTest {
    private static final Snapshot SNAPSHOT = NetworkGenerator.generate(
            GeneratorOptions.defaults(500).withSeed(21).withId("four-tier-500-k4"));

    @Test
    void aStartPlanServingEveryReceiverProvesTheServedPhaseWithoutSearch() {
        PlanningProblem problem = PlanningProblem.of(SNAPSHOT);

        Plan exact = new ExactStrategy(0.001).plan(problem);

        assertThat(PlanVerifier.verify(problem.routing(), exact).violations()).isEmpty();
        assertThat(exact.unserved()).isEmpty();
        assertThat(exact.metrics())
                .containsEntry("exact.model", "class")
                .containsEntry("exact.servedStatus", "OPTIMAL")
                .containsEntry("exact.hinted", true);
        assertThat(exact.metrics().get("exact.servedBound"))
                .isEqualTo(exact.metrics().get("exact.planServed"));
        assertThat(Locality.planCost(problem.index(), exact))
                .isLessThan(Locality.planCost(problem.index(), new GreedyStrategy().plan(problem)));
    }

    @Test
    void aTimeLimitAlreadySpentGivesGreedysPlanWithTheTrivialBounds() {
        PlanningProblem problem =
                PlanningProblem.of(SNAPSHOT).withOptions(PlanOptions.defaults().withTimeLimit(Duration.ZERO));

        Plan exact = new ExactStrategy().plan(problem);
        Plan greedy = new GreedyStrategy().plan(problem);

        assertThat(PlanVerifier.verify(problem.routing(), exact).violations()).isEmpty();
        assertThat(exact.overlays()).isEqualTo(greedy.overlays());
        assertThat(exact.strategy()).isEqualTo(ExactStrategy.NAME);
        assertThat(exact.metrics())
                .containsEntry("exact.fallback", "greedy")
                .containsEntry("exact.servedStatus", "UNKNOWN")
                .containsEntry("exact.costBound", 0L)
                .containsEntry("optimal", false);
        assertThat((Double) exact.metrics().get("gap")).isPositive();
    }
}
