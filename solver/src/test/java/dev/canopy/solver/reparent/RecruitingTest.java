package dev.canopy.solver.reparent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Edge;
import dev.canopy.model.plan.Initiator;
import dev.canopy.model.plan.Overlay;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Resources;
import dev.canopy.solver.bench.HandPlans;
import dev.canopy.solver.greedy.GreedyStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecruitingTest {
    private static final long RATE = 600;

    /**
     * The origin is full with a and b; u (unserved, room for two copies) and w (unserved, no
     * uplink) get nothing from it. u cannot be served alone, but as w's recruit it is spliced
     * between the origin and a, and then sends to a and to w: both are served.
     */
    @Test
    void splicesAnIdlePeerIntoAFullHoldersEdgeToServeAnother() {
        Snapshot snapshot = ReparentingNetworks.germanyAndFrance("recruit")
                .channel("live", RATE, 1, "origin")
                .origin("origin", "isp-a", RATE * 2)
                .peer("a", "isp-a", 0, "live")
                .peer("b", "isp-b", 0, "live")
                .peer("u", "isp-c", RATE * 2, "live")
                .peer("w", "isp-c", 0, "live")
                .build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = unserved(HandPlans.trees(snapshot, List.of(List.of("origin>a", "origin>b"))), List.of("u", "w"));
        assertThat(PlanVerifier.verify(problem.routing(), start).violations()).isEmpty();

        Recruiting.Outcome outcome = Recruiting.improve(start, new Resources(problem.routing()), () -> false)
                .orElseThrow();

        assertThat(PlanVerifier.verify(problem.routing(), outcome.plan()).violations())
                .isEmpty();
        assertThat(outcome.served()).isEqualTo(2);
        assertThat(outcome.recruits()).isEqualTo(1);
        assertThat(outcome.plan().unserved()).isEmpty();
        assertThat(outcome.plan().overlays().get(0).edges())
                .containsExactlyInAnyOrder(edge("origin", "u"), edge("u", "a"), edge("u", "w"), edge("origin", "b"));
    }

    /** A receiver that cannot be served, even with a recruit, is left as it was: nothing is half done. */
    @Test
    void leavesAReceiverItCannotServeAsItWas() {
        Snapshot snapshot = ReparentingNetworks.germanyAndFrance("none")
                .channel("live", RATE, 1, "origin")
                .origin("origin", "isp-a", RATE)
                .peer("a", "isp-a", 0, "live")
                .peer("u", "isp-c", RATE, "live")
                .peer("w", "isp-c", 0, "live")
                .build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = unserved(HandPlans.trees(snapshot, List.of(List.of("origin>a"))), List.of("u", "w"));

        Recruiting.Outcome outcome = Recruiting.improve(start, new Resources(problem.routing()), () -> false)
                .orElseThrow();

        assertThat(outcome.served()).isZero();
        assertThat(outcome.recruits()).isZero();
        assertThat(edges(outcome.plan())).isEqualTo(edges(start));
        assertThat(outcome.plan().unserved()).isEqualTo(start.unserved());
    }

    /**
     * Critical family, 1,000 peers, k = 4: multi-tree fills every holder, and recruiting the
     * unserved peers' idle uplink serves more receivers, never fewer of a tier, with every node
     * keeping the substreams it had and every recruit left unserved listed as degraded.
     */
    @Test
    void servesMoreReceiversOfAMultiTreePlanInTheCriticalFamily() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(1000)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(4)
                .withSeed(24));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = new MultiTreeStrategy().plan(problem);

        Recruiting.Outcome outcome = Recruiting.improve(start, new Resources(problem.routing()), () -> false)
                .orElseThrow();

        Plan plan = outcome.plan();
        assertThat(PlanVerifier.verify(problem.routing(), plan).violations()).isEmpty();
        System.out.printf(
                "recruiting, critical 1,000, k = 4: unserved %d -> %d, served %d, recruits %d%n",
                start.unserved().size(), plan.unserved().size(), outcome.served(), outcome.recruits());
        assertThat(outcome.served()).isPositive();
        assertThat(plan.unserved()).hasSize(start.unserved().size() - outcome.served());
        Map<String, Integer> held = held(plan);
        Map<String, Integer> heldBefore = held(start);
        heldBefore.forEach((node, count) -> assertThat(held.get(node)).isGreaterThanOrEqualTo(count));
        for (Unserved u : plan.unserved()) {
            int got = held.getOrDefault(u.node(), 0);
            assertThat(u.receivedSubstreams()).isEqualTo(got);
            if (got > 0) {
                assertThat(u.reason()).isEqualTo(UnservedReason.DEGRADED);
            } else {
                assertThat(start.unserved()).contains(u);
            }
        }
    }

    @Test
    void changesNothingWhereEveryoneIsServed() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(300).withSeed(3));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = new GreedyStrategy().plan(problem);
        assertThat(start.unserved()).isEmpty();

        Recruiting.Outcome outcome = Recruiting.improve(start, new Resources(problem.routing()), () -> false)
                .orElseThrow();

        assertThat(outcome.served()).isZero();
        assertThat(edges(outcome.plan())).isEqualTo(edges(start));
    }

    /** Each overlay's edges, in no order. */
    private static List<Set<Edge>> edges(Plan plan) {
        return plan.overlays().stream().map(o -> Set.copyOf(o.edges())).toList();
    }

    /** Substreams each node receives. */
    private static Map<String, Integer> held(Plan plan) {
        Map<String, Integer> held = new HashMap<>();
        for (Overlay overlay : plan.overlays()) {
            Set<String> children = new HashSet<>();
            for (Edge edge : overlay.edges()) {
                children.add(edge.child());
            }
            children.forEach(child -> held.merge(child, 1, Integer::sum));
        }
        return held;
    }

    private static Plan unserved(Plan plan, List<String> nodes) {
        List<Unserved> unserved = nodes.stream()
                .map(node -> Unserved.of(node, "live", UnservedReason.CAPACITY))
                .toList();
        return plan.withUnserved(unserved);
    }

    private static Edge edge(String parent, String child) {
        return Edge.of(parent, child, Initiator.BOTH);
    }
}
