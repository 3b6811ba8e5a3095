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
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link TreeRules#MULTI_TREE}: what it refuses that {@link TreeRules#ANY} takes, and what it keeps. */
class ReparentingRulesTest {
    private static final long RATE = 600;

    /**
     * Origin in isp-a (DE); c1, c2, c3 in isp-c (FR). c1 sends c2 and c3 in tree 0 and has room for
     * one more substream; c2 takes tree 1 from the origin. Moving c2 under c1 in tree 1 saves a
     * country crossing, but makes c1 interior in a second tree.
     */
    @Test
    void aPeerNeverStartsSendingInASecondTree() {
        Snapshot snapshot = ReparentingNetworks.germanyAndFrance("rules")
                .channel("live", RATE, 2, "origin")
                .origin("origin", "isp-a", RATE * 4)
                .peer("c1", "isp-c", RATE * 3 / 2, "live")
                .peer("c2", "isp-c", 0, "live")
                .peer("c3", "isp-c", 0, "live")
                .build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = HandPlans.trees(
                snapshot,
                List.of(List.of("origin>c1", "c1>c2", "c1>c3"), List.of("origin>c1", "origin>c2", "origin>c3")));

        Reparenting.Outcome free = run(problem, start, TreeRules.ANY);
        Reparenting.Outcome kept = run(problem, start, TreeRules.MULTI_TREE);

        assertThat(free.moves()).isPositive();
        assertThat(free.plan().overlays().get(1).edges()).contains(edge("c1", "c2"));
        assertThat(kept.moves()).isZero();
        assertThat(kept.plan()).isEqualTo(start);
    }

    /**
     * One substream. Origin (DE) sends p1 and q (FR); p1 sends p2, all in isp-c. q's cheapest parent
     * with room is p2, two hops down: q would be at depth 3 where the tree is 2 deep.
     */
    @Test
    void noTreeGetsDeeperThanItWas() {
        Snapshot snapshot = ReparentingNetworks.germanyAndFrance("rules")
                .channel("live", RATE, 1, "origin")
                .origin("origin", "isp-a", RATE * 4)
                .peer("p1", "isp-c", RATE, "live")
                .peer("p2", "isp-c", RATE, "live")
                .peer("q", "isp-c", 0, "live")
                .build();
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = HandPlans.trees(snapshot, List.of(List.of("origin>p1", "p1>p2", "origin>q")));

        Reparenting.Outcome free = run(problem, start, TreeRules.ANY);
        Reparenting.Outcome kept = run(problem, start, TreeRules.MULTI_TREE);

        assertThat(free.plan().overlays().get(0).edges()).contains(edge("p2", "q"));
        assertThat(kept.moves()).isZero();
        assertThat(kept.plan()).isEqualTo(start);
    }

    /** On multi-tree's plan of 600 generated peers: cheaper, valid, the same trees per relay, no deeper. */
    @Test
    void aMultiTreePlanStaysOneAndGetsCheaper() {
        Snapshot snapshot = NetworkGenerator.generate(
                GeneratorOptions.defaults(600).withSubstreams(8).withSeed(5));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan start = new MultiTreeStrategy().plan(problem);

        Reparenting.Outcome outcome = run(problem, start, TreeRules.MULTI_TREE);

        assertThat(PlanVerifier.verify(problem.routing(), outcome.plan()).violations())
                .isEmpty();
        assertThat(outcome.plan().unserved()).isEqualTo(start.unserved());
        assertThat(Locality.planCost(problem.index(), outcome.plan()))
                .isLessThan(Locality.planCost(problem.index(), start));
        Map<String, Set<Integer>> before = interiorTrees(problem, start);
        interiorTrees(problem, outcome.plan()).forEach((peer, trees) -> {
            Set<Integer> was = before.getOrDefault(peer, Set.of());
            if (was.isEmpty()) {
                assertThat(trees).as(peer).hasSizeLessThanOrEqualTo(1);
            } else {
                assertThat(was).as(peer).containsAll(trees);
            }
        });
        assertThat(PlanVerifier.verify(problem.routing(), outcome.plan())
                        .metrics()
                        .maxDepth())
                .isLessThanOrEqualTo(
                        PlanVerifier.verify(problem.routing(), start).metrics().maxDepth());
    }

    private static Reparenting.Outcome run(PlanningProblem problem, Plan start, TreeRules rules) {
        Reparenting.Outcome outcome = Reparenting.improve(start, new Resources(problem.routing()), rules, () -> false)
                .orElseThrow();
        assertThat(PlanVerifier.verify(problem.routing(), outcome.plan()).violations())
                .isEmpty();
        return outcome;
    }

    /** Per peer, the trees (overlay numbers) where it has a child. */
    private static Map<String, Set<Integer>> interiorTrees(PlanningProblem problem, Plan plan) {
        Map<String, Set<Integer>> trees = new HashMap<>();
        for (int o = 0; o < plan.overlays().size(); o++) {
            Overlay overlay = plan.overlays().get(o);
            for (Edge edge : overlay.edges()) {
                boolean peer = !problem.index()
                        .node(problem.index().nodeIndex(edge.parent()).orElseThrow())
                        .role()
                        .isServer();
                if (peer) {
                    trees.computeIfAbsent(edge.parent(), k -> new TreeSet<>()).add(o);
                }
            }
        }
        return trees;
    }

    private static Edge edge(String parent, String child) {
        return Edge.of(parent, child, Initiator.BOTH);
    }
}
