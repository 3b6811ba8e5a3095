package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanAssembler;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.Strategy;
import dev.canopy.solver.greedy.GreedyStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The class image of a real plan (its edges counted per class arc, completed by CP-SAT) has a
 * per-node realization, the plan itself; so the {@link Realizer} must find one, with the image's
 * served nodes per class and edges per arc, hence its served weight and locality cost. On
 * generated four-tier networks the greedy tree builder alone stalled on such images (classes
 * that fed only each other once their other feeders had spent their edges elsewhere): on 28 of
 * 36 plans (300, 400 and 500 peers, seeds 1 to 6, greedy's and multi-tree's), these four among
 * them.
 */
class RealizerTest {
    @ParameterizedTest(name = "{0} peers, seed {1}, {2}")
    @CsvSource({"300, 1, greedy", "300, 1, multi-tree", "400, 2, greedy", "500, 2, multi-tree"})
    void realizesTheClassImageOfAVerifiedPlan(int peers, long seed, String strategy) {
        PlanningProblem problem = PlanningProblem.of(NetworkGenerator.generate(
                GeneratorOptions.defaults(peers).withSeed(seed).withId("four-tier-" + peers)));
        Strategy planner = strategy.equals("greedy") ? new GreedyStrategy() : new MultiTreeStrategy();
        realizesTheImageOf(problem, planner.plan(problem), new ClassModel(PeerClasses.of(problem)), seed);
    }

    /**
     * Exact's start plan on a critical network serves some and relays through partly served
     * classes; two of its image's classes needed {@link ClassHoldings}: each greedy way of placing
     * their holdings left budgets short.
     */
    @Test
    void realizesTheClassImageOfExactsStartPlanOnACriticalNetwork() {
        PlanningProblem problem = PlanningProblem.of(NetworkGenerator.generate(GeneratorOptions.defaults(500)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(4)
                .withSeed(24)));
        Plan start = StartPlan.best(problem, new GreedyStrategy().plan(problem), new Budget(10, Optional.empty()))
                .plan();
        assertThat(start.unserved()).isNotEmpty();
        realizesTheImageOf(problem, start, new ClassModel(PeerClasses.of(problem), true, true), 24);
    }

    private static void realizesTheImageOf(PlanningProblem problem, Plan start, ClassModel model, long seed) {
        assertThat(PlanVerifier.verify(problem.routing(), start).violations()).isEmpty();
        long[] image = PlanHint.of(model, start)
                .flatMap(hint -> model.solve.complete(hint, seed, new Budget(10, Optional.empty())))
                .orElseThrow();

        Realizer.Result result = Realizer.of(model, var -> image[var]).run();
        PlanAssembler assembler = new PlanAssembler(problem.index());
        long cost = ClassPlanner.addTrees(problem.index(), assembler, result);
        Plan realized = ExactStrategy.assemble(problem, assembler, result.received());

        assertThat(result.complete()).isTrue();
        assertThat(PlanVerifier.verify(problem.routing(), realized).violations())
                .isEmpty();
        assertThat(Locality.planCost(problem.index(), realized))
                .isEqualTo(cost)
                .isEqualTo(costObjective(model, image))
                .isEqualTo(Locality.planCost(problem.index(), start));
        assertThat(ClassPlanner.servedWeight(problem.index(), model.tierWeights(), result.received()))
                .isEqualTo(servedObjective(model, image));
        assertThat(realized.unserved()).hasSameSizeAs(start.unserved());
    }

    private static long costObjective(ClassModel model, long[] values) {
        long cost = 0;
        for (int c = 0; c < model.graphs.length; c++) {
            for (int[] vars : model.x[c]) {
                for (int a = 0; a < vars.length; a++) {
                    cost += model.graphs[c].unitCost[a] * values[vars[a]];
                }
            }
        }
        return cost;
    }

    private static long servedObjective(ClassModel model, long[] values) {
        long[] weight = model.tierWeights();
        long served = 0;
        for (int c = 0; c < model.graphs.length; c++) {
            for (int h = 0; h < model.classes.count; h++) {
                if (model.m[c][h] >= 0) {
                    served += weight[model.classes.representative[h].tier().ordinal()] * values[model.m[c][h]];
                }
            }
        }
        return served;
    }
}
