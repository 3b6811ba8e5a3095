package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.CapacityMix;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanningProblem;
import dev.canopy.solver.baseline.RandomStrategy;
import dev.canopy.solver.greedy.GreedyStrategy;
import dev.canopy.solver.multitree.MultiTreeStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Verified plans of a critical (capacity-short) network as class-model solutions: what the
 * tests of cuts that must hold for every plan check them against.
 */
final class CriticalImages {
    private CriticalImages() {}

    /** A plan's strategy and its class image, by the model's variable numbers. */
    record Image(String strategy, long[] values) {}

    /** The generated critical network of 300 peers, k = 4, seed 24, with {@code parity} parity substreams. */
    static PlanningProblem network(int parity) {
        return PlanningProblem.of(NetworkGenerator.generate(GeneratorOptions.defaults(300)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(4)
                .withParity(parity)
                .withSeed(24)));
    }

    /** The images of greedy's, multi-tree's and random's plans, each verified and leaving someone unserved. */
    static List<Image> of(PlanningProblem problem, ClassModel model) {
        List<Image> images = new ArrayList<>();
        for (Plan plan : List.of(
                new GreedyStrategy().plan(problem),
                new MultiTreeStrategy().plan(problem),
                new RandomStrategy().plan(problem))) {
            assertThat(PlanVerifier.verify(problem.routing(), plan).violations())
                    .isEmpty();
            assertThat(plan.unserved()).as("capacity is short").isNotEmpty();
            long[] values = new long[model.variables()];
            PlanHint.of(model, plan).orElseThrow().copyInto(values);
            images.add(new Image(plan.strategy(), values));
        }
        return images;
    }
}
