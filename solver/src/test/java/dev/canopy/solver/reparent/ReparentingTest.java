package dev.canopy.solver.reparent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.bench.HandPlans;
import dev.canopy.solver.flow.LocalityLowerBound;
import dev.canopy.solver.greedy.GreedyStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReparentingTest {
    private static final long RATE = 600;

    /**
     * Origin in isp-a (DE); c1 and c2 in isp-c (FR), d1 in isp-b (DE). c2 imports from the origin
     * while c1, in its region, is full with an export to d1: the ejection moves d1 to the origin
     * (one region away instead of one country) and c2 under c1.
     */
    @Test
    void movesAReceiverUnderAFullNeighbourAfterMovingTheNeighboursExportToAParentWithRoom() {
        Snapshot snapshot = ReparentingNetworks.germanyAndFrance("eject")
                .channel("live", RATE, 1, "origin")
                .origin("origin", "isp-a", RATE * 3)
                .peer("c1", "isp-c", RATE, "live")
                .peer("c2", "isp-c", 0, "live")
                .peer("d1", "isp-b", 0, "live")
                .build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = HandPlans.trees(snapshot, List.of(List.of("origin>c1", "origin>c2", "c1>d1")));
        assertThat(PlanVerifier.verify(problem.routing(), start).violations()).isEmpty();

        Reparenting.Outcome outcome = Reparenting.improve(
                        start, new Resources(problem.routing()), TreeRules.ANY, () -> false)
                .orElseThrow();

        assertThat(PlanVerifier.verify(problem.routing(), outcome.plan()).violations())
                .isEmpty();
        assertThat(Locality.planCost(problem.index(), start)).isEqualTo(RATE * (3 * Locality.CROSS_COUNTRY));
        assertThat(Locality.planCost(problem.index(), outcome.plan()))
                .isEqualTo(RATE * (Locality.CROSS_COUNTRY + Locality.CROSS_REGION));
        assertThat(outcome.plan().overlays().get(0).edges())
                .containsExactlyInAnyOrder(edge("origin", "c1"), edge("c1", "c2"), edge("origin", "d1"));
    }

    @Test
    void takesOnlyPlansMadeOfTrees() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(40).withSeed(3));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan mesh = new Plan(
                Plan.FORMAT,
                snapshot.id(),
                1,
                Optional.empty(),
                "hand",
                List.of(Overlay.mesh(snapshot.channels().get(0).id(), RATE, List.of())),
                List.of(),
                List.of(),
                List.of(),
                Map.of());

        assertThat(Reparenting.improve(mesh, new Resources(problem.routing()), TreeRules.ANY, () -> false))
                .isEmpty();
    }

    /** On a generated network of 300 peers, greedy's plan gets cheaper, stays valid, serves the same, repeats. */
    @Test
    void greedysPlanGetsCheaperServesTheSameAndStaysAboveTheBound() {
        PlanningProblem problem = generated300();
        Plan greedy = new GreedyStrategy().plan(problem);

        Reparenting.Outcome first = descend(problem, greedy, false);
        Reparenting.Outcome again = descend(problem, greedy, false);

        assertThat(PlanVerifier.verify(problem.routing(), first.plan()).violations())
                .isEmpty();
        assertThat(first.plan().unserved()).isEqualTo(greedy.unserved());
        long cost = Locality.planCost(problem.index(), first.plan());
        assertThat(first.moves()).isPositive();
        assertThat(cost).isLessThan(Locality.planCost(problem.index(), greedy));
        if (greedy.unserved().isEmpty()) {
            assertThat(cost)
                    .isGreaterThanOrEqualTo(LocalityLowerBound.compute(problem).cost());
        }
        assertThat(again.plan()).isEqualTo(first.plan());
    }

    /** A stop that says so before the first edge (a deadline already passed) leaves the plan as it was. */
    @Test
    void aStopThatHoldsFromTheStartMovesNothing() {
        PlanningProblem problem = generated300();
        Plan greedy = new GreedyStrategy().plan(problem);

        Reparenting.Outcome outcome = descend(problem, greedy, true);

        assertThat(outcome.moves()).isZero();
        assertThat(PlanVerifier.verify(problem.routing(), outcome.plan()).violations())
                .isEmpty();
        assertThat(Locality.planCost(problem.index(), outcome.plan()))
                .isEqualTo(Locality.planCost(problem.index(), greedy));
    }

    private static Edge edge(String parent, String child) {
        return Edge.of(parent, child, Initiator.BOTH);
    }

    /** A generated network of 300 peers (seed 7). */
    private static PlanningProblem generated300() {
        return PlanningProblem.of(
                NetworkGenerator.generate(GeneratorOptions.defaults(300).withSeed(7)));
    }

    /** The free descent ({@link TreeRules#ANY}) from {@code plan}, stopped from the start when {@code stop}. */
    private static Reparenting.Outcome descend(PlanningProblem problem, Plan plan, boolean stop) {
        return Reparenting.improve(plan, new Resources(problem.routing()), TreeRules.ANY, () -> stop)
                .orElseThrow();
    }
}
