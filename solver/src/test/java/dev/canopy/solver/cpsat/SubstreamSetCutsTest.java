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
import org.junit.jupiter.api.Test;

/**
 * The cuts over sets of substreams: no verified plan's class image breaks one (they are sound),
 * and a solution in which a class sends a substream that none of its nodes holds is cut off by
 * the line the separation returns, which every verified plan's image meets.
 */
class SubstreamSetCutsTest {
    private static PlanningProblem critical(int parity) {
        return PlanningProblem.of(NetworkGenerator.generate(GeneratorOptions.defaults(300)
                .withMix(CapacityMix.CRITICAL)
                .withSubstreams(4)
                .withParity(parity)
                .withSeed(24)));
    }

    private static List<long[]> images(PlanningProblem problem, ClassModel model) {
        List<long[]> images = new ArrayList<>();
        for (Plan plan : List.of(
                new GreedyStrategy().plan(problem),
                new MultiTreeStrategy().plan(problem),
                new RandomStrategy().plan(problem))) {
            assertThat(PlanVerifier.verify(problem.routing(), plan).violations())
                    .isEmpty();
            long[] values = new long[model.variables()];
            PlanHint.of(model, plan).orElseThrow().copyInto(values);
            images.add(values);
        }
        return images;
    }

    @Test
    void noVerifiedPlanBreaksACut() {
        for (int parity : new int[] {0, 2}) {
            PlanningProblem problem = critical(parity);
            ClassModel model = new ClassModel(PeerClasses.of(problem), true, true);
            for (long[] image : images(problem, model)) {
                assertThat(SubstreamSetCuts.violated(model, image))
                        .as("parity " + parity)
                        .isEmpty();
            }
        }
    }

    @Test
    void cutsOffAClassThatSendsASubstreamItDoesNotHold() {
        PlanningProblem problem = critical(0);
        ClassModel model = new ClassModel(PeerClasses.of(problem), true, true);
        List<long[]> images = images(problem, model);
        long[] broken = images.get(0).clone();
        int arc = sendingArcOfAClassThatHoldsNothing(model, broken);
        broken[model.x[0][0][arc]] += 1;

        List<SubstreamSetCuts.Cut> cuts = SubstreamSetCuts.violated(model, broken);

        assertThat(cuts).isNotEmpty();
        for (SubstreamSetCuts.Cut cut : cuts) {
            assertThat(left(cut, broken)).isGreaterThan(cut.most());
            for (long[] image : images) {
                assertThat(left(cut, image)).isLessThanOrEqualTo(cut.most());
            }
        }
    }

    /** An arc out of a sending class that holds no substream 0 in {@code values}. */
    private static int sendingArcOfAClassThatHoldsNothing(ClassModel model, long[] values) {
        ChannelGraph graph = model.graphs[0];
        for (int a = 0; a < graph.arcs(); a++) {
            int g = graph.tail[a];
            if (g < 0 || g >= model.classes.count || graph.source[g] || !graph.sender[g] || !graph.holder[g]) {
                continue;
            }
            long in = 0;
            for (int b = 0; b < graph.arcs(); b++) {
                in += graph.head[b] == g ? values[model.x[0][0][b]] : 0;
            }
            if (in == 0) {
                return a;
            }
        }
        throw new AssertionError("no sending class without substream 0");
    }

    private static long left(SubstreamSetCuts.Cut cut, long[] values) {
        long sum = 0;
        for (int i = 0; i < cut.numbers().length; i++) {
            sum += cut.coeffs()[i] * values[cut.numbers()[i]];
        }
        return sum;
    }
}
