package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.solver.PlanningProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cuts over sets of substreams: no verified plan's class image breaks one (they are sound),
 * and a solution in which a class sends a substream that none of its nodes holds is cut off by
 * the line the separation returns, which every verified plan's image meets.
 */
class SubstreamSetCutsTest {
    private static List<long[]> images(PlanningProblem problem, ClassModel model) {
        return CriticalImages.of(problem, model).stream()
                .map(CriticalImages.Image::values)
                .toList();
    }

    @Test
    void noVerifiedPlanBreaksACut() {
        for (int parity : new int[] {0, 2}) {
            PlanningProblem problem = CriticalImages.network(parity);
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
        PlanningProblem problem = CriticalImages.network(0);
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
