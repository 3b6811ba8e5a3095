package dev.canopy.solver.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.plan.Plan;
import dev.canopy.model.real.DataDirectory;
import dev.canopy.model.real.RealOverlay;
import dev.canopy.model.real.RealOverlayOptions;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import org.junit.jupiter.api.Test;

/** Greedy on the deployed overlay's peers; skipped when the real data is absent. */
class RealOverlayPlanTest {
    @Test
    void greedyServesTheDeployedOverlaysPeersWithoutBreakingARule() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        RealOverlay overlay = RealOverlay.load(DataDirectory.locate().orElseThrow(), RealOverlayOptions.defaults());
        PlanningProblem problem = PlanningProblem.of(overlay.snapshot());

        Plan plan = new GreedyStrategy().plan(problem);
        Verification verification = PlanVerifier.verify(problem.routing(), plan);

        assertThat(verification.violations()).isEmpty();
        PlanMetrics m = verification.metrics();
        long cdns = overlay.snapshot().nodes().stream()
                .filter(n -> n.role().code().equals("cdn"))
                .count();
        assertThat(m.channels().get("ch1").receivers()).isEqualTo(5275 + cdns);
        assertThat(m.servedFraction()).isGreaterThan(0.99);
        System.out.printf(
                "greedy on the deployed overlay: served %.4f, cross-region traffic %.3f, cross-country %.3f%n",
                m.servedFraction(), m.crossRegionShare(), m.crossCountryShare());
    }
}
