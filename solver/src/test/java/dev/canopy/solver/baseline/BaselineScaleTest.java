package dev.canopy.solver.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each baseline on 100,000 generated peers (one network, generated once): the plan is valid and
 * accounts for everyone. No time is asserted; speed is measured with {@code canopy plan}.
 */
class BaselineScaleTest {
    private static PlanningProblem problem;

    @BeforeAll
    static void generate() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(100_000).withSubstreams(8));
        problem = PlanningProblem.of(snapshot);
    }

    @Test
    void randomPlansOneHundredThousandPeersWithoutBreakingARule() {
        check(new RandomStrategy());
    }

    @Test
    void localPlansOneHundredThousandPeersWithoutBreakingARule() {
        check(new LocalStrategy());
    }

    @Test
    void splitStreamPlansOneHundredThousandPeersWithoutBreakingARule() {
        check(new SplitStreamStrategy());
    }

    private static void check(Strategy strategy) {
        Plan plan = strategy.plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);

        assertThat(verification.violations()).isEmpty();
        assertThat(verification.metrics().channels().get("ch1").receivers()).isEqualTo(100_005);
        assertThat(verification.metrics().servedFraction()).isGreaterThan(0.99);
    }
}
