package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.solver.PlanningProblem;

/** The network and the arc counting that the tests of hand-made class solutions share. */
final class HandMadeSolutions {
    private HandMadeSolutions() {}

    /** A generated four-tier network of 1,000 peers (seed 2): many classes and regions to pick roles from. */
    static PlanningProblem network() {
        return PlanningProblem.of(NetworkGenerator.generate(
                GeneratorOptions.defaults(1000).withSeed(2).withId("four-tier-1000")));
    }

    /** Adds {@code times} edges along a route of the class graph, which must exist. */
    static void add(long[] units, int[] route, long times) {
        assertThat(route).isNotEmpty();
        for (int a : route) {
            units[a] += times;
        }
    }
}
