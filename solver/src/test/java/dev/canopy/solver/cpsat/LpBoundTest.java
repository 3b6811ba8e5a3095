package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Snapshot;
import dev.canopy.model.Tier;
import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.Locality;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.greedy.GreedyStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The LP bound: its certificate bounds the integer optimum whatever the dual it is given, and on
 * a generated network the class model's LP bound lies below a verified plan's cost and is
 * raised by the relay-entry cuts. (That it bounds the proved per-node optimum on the tiny
 * networks is checked by {@link ExactCrossCheckTest}.)
 */
class LpBoundTest {
    /** min x0 + x1 with 2 x0 + 2 x1 >= 3 and x0 - x1 <= 1 over 0..5: LP optimum 1.5, integer optimum 2. */
    private static final List<LpBound.Row> ROWS = List.of(
            new LpBound.Row(new int[] {0, 1}, new long[] {2, 2}, 3, Long.MAX_VALUE),
            new LpBound.Row(new int[] {0, 1}, new long[] {1, -1}, Long.MIN_VALUE, 1));

    private static final long[] COST = {1, 1};
    private static final long[] LOWER = {0, 0};
    private static final long[] UPPER = {5, 5};

    @Test
    void theOptimalDualCertifiesTheRoundedUpLpOptimumAndNoDualExceedsTheIntegerOptimum() {
        long integerOptimum = Long.MAX_VALUE;
        for (long x0 = 0; x0 <= 5; x0++) {
            for (long x1 = 0; x1 <= 5; x1++) {
                if (2 * x0 + 2 * x1 >= 3 && x0 - x1 <= 1) {
                    integerOptimum = Math.min(integerOptimum, x0 + x1);
                }
            }
        }
        assertThat(integerOptimum).isEqualTo(2);
        assertThat(LpBound.certify(ROWS, new long[] {1L << 19, 0}, COST, LOWER, UPPER))
                .isEqualTo(2);
        Random random = new Random(7);
        for (int trial = 0; trial < 1_000; trial++) {
            long[] duals = {random.nextInt(1 << 23) - (1 << 22), random.nextInt(1 << 23) - (1 << 22)};
            assertThat(LpBound.certify(ROWS, duals, COST, LOWER, UPPER))
                    .as("dual %d, %d", duals[0], duals[1])
                    .isLessThanOrEqualTo(integerOptimum);
        }
    }

    @Test
    void theClassModelsLpBoundIsBelowAVerifiedPlanAndTheRelayEntryCutsRaiseIt() {
        Snapshot snapshot =
                NetworkGenerator.generate(GeneratorOptions.defaults(300).withSeed(1));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        Plan greedy = new GreedyStrategy().plan(problem);
        assertThat(PlanVerifier.verify(problem.routing(), greedy).violations()).isEmpty();
        assertThat(greedy.unserved()).isEmpty();
        long cost = Locality.planCost(problem.index(), greedy);

        long with = bound(new ClassModel(PeerClasses.of(problem), true, false));
        long without = bound(new ClassModel(PeerClasses.of(problem), false, false));

        assertThat(with).isLessThanOrEqualTo(cost).isGreaterThan(without);
        System.out.printf("lp-bound four-tier 300: without cuts %d, with %d, greedy %d%n", without, with, cost);
    }

    /**
     * Critical family, 1,000 peers, k = 4: no plan serves everyone, and the served weight's LP
     * bound says so (CP-SAT's own stays at the ceiling within exact's budget), while it lies above
     * the served weight of every verified plan tried: greedy's, multi-tree's and exact's.
     */
    @Test
    void theServedBoundIsBelowTheCeilingAndAboveTheServedWeightOfVerifiedPlans() {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(1000)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(4)
                .withSeed(24));
        PlanningProblem problem = PlanningProblem.of(snapshot);
        ClassModel model = new ClassModel(PeerClasses.of(problem));

        OptionalLong bound = model.servedBound(model.solve.model(), new Budget(100, Optional.empty()));

        long ceiling = Comparison.servedWeight(problem.index(), new long[Tier.values().length]);
        assertThat(bound).isPresent();
        assertThat(bound.getAsLong()).isLessThan(ceiling);
        for (Plan plan : List.of(
                new GreedyStrategy().plan(problem),
                new MultiTreeStrategy().plan(problem),
                new ExactStrategy(1).plan(problem))) {
            assertThat(PlanVerifier.verify(problem.routing(), plan).violations())
                    .isEmpty();
            assertThat(Comparison.servedWeight(problem.index(), plan))
                    .as(plan.strategy())
                    .isLessThanOrEqualTo(bound.getAsLong());
        }
        System.out.printf("served bound, critical 1,000, k = 4: %d (ceiling %d)%n", bound.getAsLong(), ceiling);
    }

    /** The LP bound on cost over the solutions that serve every receiver. */
    private static long bound(ClassModel model) {
        long[] weight = model.tierWeights();
        long everyone = 0;
        for (int c = 0; c < model.index.channelCount(); c++) {
            for (int q : model.index.receivers(c)) {
                everyone += weight[model.index.node(q).tier().ordinal()];
            }
        }
        model.solve.model().addGreaterOrEqual(model.servedObjective(), everyone);
        OptionalLong bound =
                LpBound.of(model.solve.model().model(), model.costObjective(), new Budget(1_000, Optional.empty()));
        assertThat(bound).isPresent();
        return bound.getAsLong();
    }
}
