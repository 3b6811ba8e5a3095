package dev.canopy.solver.reparent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.policies.verify.Verification;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.baseline.RandomStrategy;
import dev.canopy.solver.bench.GeneratedInstance;
import dev.canopy.solver.flow.LocalityLowerBound;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What multi-tree's rules cost in locality, on the quick suite's 1,000-peer instances (k = 8,
 * seeds 1 to 3): multi-tree's plan, the same after the descent that keeps its rules ({@link
 * TreeRules#MULTI_TREE}, what the polish starts with) and after the descent that drops them
 * ({@link TreeRules#ANY}, what {@code exact} returns when CP-SAT proves nothing better), as
 * locality cost over the flow bound and as cross-ISP / cross-country traffic over {@code random}'s.
 * Prints the table of docs/benchmarks.md ("What the one-tree rule costs"). Slow (about two
 * minutes).
 *
 * <p>Run: {@code mvn -B -q test -pl solver -am -Dcanopy.excludedGroups=none
 * -Dtest=TreeRulesCostTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class TreeRulesCostTest {
    @Test
    void droppingTheRulesIsCheaperThanKeepingThemWhichIsCheaperThanMultiTree() {
        System.out.println("instance                     cost/bound: multi-tree  kept  dropped | "
                + "cross-ISP, cross-country vs random: multi-tree  kept  dropped");
        for (CapacityMix mix : CapacityMix.values()) {
            for (int seed = 1; seed <= 3; seed++) {
                GeneratedInstance instance = GeneratedInstance.of(mix, 1_000, 8, 0, seed);
                PlanningProblem problem = PlanningProblem.of(instance.build());
                Plan plan = new MultiTreeStrategy().plan(problem);
                Plan kept = descend(problem, plan, TreeRules.MULTI_TREE);
                Plan dropped = descend(problem, plan, TreeRules.ANY);
                PlanMetrics random = verified(problem, new RandomStrategy().plan(problem));
                double bound = LocalityLowerBound.compute(problem).cost();
                long[] cost = {cost(problem, plan), cost(problem, kept), cost(problem, dropped)};
                System.out.printf(
                        Locale.ROOT,
                        "%-28s %10.2f %6.2f %7.2f | %s %s %s%n",
                        instance.name(),
                        cost[0] / bound,
                        cost[1] / bound,
                        cost[2] / bound,
                        shares(problem, plan, random),
                        shares(problem, kept, random),
                        shares(problem, dropped, random));
                assertThat(cost[2]).isLessThanOrEqualTo(cost[1]);
                assertThat(cost[1]).isLessThan(cost[0]);
                assertThat((double) cost[2]).isGreaterThanOrEqualTo(bound);
            }
        }
    }

    private static Plan descend(PlanningProblem problem, Plan plan, TreeRules rules) {
        Plan out = Reparenting.improve(plan, new Resources(problem.routing()), rules, () -> false)
                .orElseThrow()
                .plan();
        verified(problem, out);
        return out;
    }

    private static long cost(PlanningProblem problem, Plan plan) {
        return Locality.planCost(problem.index(), plan);
    }

    private static String shares(PlanningProblem problem, Plan plan, PlanMetrics random) {
        PlanMetrics m = verified(problem, plan);
        return String.format(
                Locale.ROOT,
                "%.2f, %.2f",
                m.crossRegionShare() / random.crossRegionShare(),
                m.crossCountryShare() / random.crossCountryShare());
    }

    private static PlanMetrics verified(PlanningProblem problem, Plan plan) {
        Verification verification = PlanVerifier.verify(problem.routing(), plan);
        assertThat(verification.violations()).isEmpty();
        return verification.metrics();
    }
}
