package dev.canopy.solver.cpsat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.Limit;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.solver.PlanningProblem;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tree builder where a class-level solution cannot be realised along its own arcs: one
 * class of a generated network whose holders feed only each other (through their region's hub),
 * with nothing coming in. Without slots to spare it places nothing; with one spare slot on a
 * source node it places the class along that edge off the solution's arcs, then along the
 * solution's own, and says the solution was not realised.
 */
class TreeBuilderTest {
    private PeerClasses pc;
    private ChannelGraph graph;
    private int h;
    private int source;
    private long[] units;
    private boolean[] holds;
    private long[] budget;

    @BeforeEach
    void aClassFeedingOnlyItself() {
        PlanningProblem problem = PlanningProblem.of(NetworkGenerator.generate(
                GeneratorOptions.defaults(300).withSeed(1).withId("four-tier-300")));
        pc = PeerClasses.of(problem);
        graph = ChannelGraph.of(pc, 0);
        h = IntStream.range(0, pc.count)
                .filter(g -> graph.sender[g] && !graph.source[g] && pc.size(g) >= 3)
                .filter(g -> !pc.representative[g].has(Limit.ACCESS_LIST) && !pc.representative[g].isLightweight())
                .filter(g -> graph.route(g, g).length > 0)
                .findFirst()
                .orElseThrow();
        int sourceClass = IntStream.range(0, pc.count)
                .filter(g -> graph.source[g] && graph.route(g, h).length > 0)
                .findFirst()
                .orElseThrow();
        source = pc.members[sourceClass][0];
        int[] members = pc.members[h];
        units = new long[graph.arcs()];
        for (int a : graph.route(h, h)) {
            units[a] = members.length - 1;
        }
        int nodes = problem.index().nodeCount();
        holds = new boolean[nodes];
        budget = new long[nodes];
        for (int i = 0; i < members.length; i++) {
            holds[members[i]] = true;
            budget[members[i]] = i + 1 < members.length ? 1 : 0;
        }
    }

    @Test
    void withoutSpareSlotsNothingIsPlaced() {
        TreeBuilder builder = new TreeBuilder(pc, graph, units, holds, budget, new long[holds.length]);

        assertThat(builder.run()).isFalse();
        assertThat(builder.children()).isEmpty();
    }

    @Test
    void aSpareSlotOfAConnectedNodeTakesTheFirstHolderAndTheClassFeedsTheRest() {
        long[] spare = new long[holds.length];
        spare[source] = 1;
        TreeBuilder builder = new TreeBuilder(pc, graph, units, holds, budget, spare);

        assertThat(builder.run()).isFalse();

        int[] members = pc.members[h];
        assertThat(builder.children())
                .containsExactlyInAnyOrder(Arrays.stream(members).boxed().toArray(Integer[]::new));
        assertThat(builder.parents()).containsOnlyOnce(source);
        assertThat(Arrays.stream(builder.parents()).filter(p -> p != source)).allMatch(p -> pc.classOf[p] == h);
        assertThat(spare[source]).isZero();
    }
}
