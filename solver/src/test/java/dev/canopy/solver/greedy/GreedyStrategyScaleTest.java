package dev.canopy.solver.greedy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import org.junit.jupiter.api.Test;

/**
 * Greedy on 100,000 generated peers: the plan is valid and accounts for everyone. No time is
 * asserted; speed is measured by {@code canopy plan} and recorded in docs/benchmarks.md.
 */
class GreedyStrategyScaleTest {
    @Test
    void plansOneHundredThousandPeersWithoutBreakingARule() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(100_000).withSubstreams(8));
        PlanningProblem problem = PlanningProblem.of(snapshot);

        Plan plan = new GreedyStrategy().plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);

        assertThat(verification.violations()).isEmpty();
        assertThat(verification.metrics().channels().get("ch1").receivers()).isEqualTo(100_005);
        assertThat(verification.metrics().servedFraction()).isGreaterThan(0.99);
    }
}
